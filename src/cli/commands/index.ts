/**
 * The CLI's command registry. Each capability adds its command module here; `subtier --help`
 * lists them in this order.
 */
import type { CliCommand } from '../io';
import { scoreCommand } from './score';
import { screenCommand } from './screen';
import { importCheckCommand } from './import-check';
import { exportTemplateCommand } from './export-template';
import { reportCommand } from './report';
import { verifyCommand } from './verify';
import { attestationCommand } from './attestation';
import { attestationReadCommand } from './attestation-read';

export const COMMANDS: readonly CliCommand[] = [
  screenCommand,
  scoreCommand,
  importCheckCommand,
  exportTemplateCommand,
  reportCommand,
  verifyCommand,
  attestationCommand,
  attestationReadCommand,
  // screen, score, import-check, export-template, report, verify, attestation, attestation-read
];

/**
 * The CLI's command registry. Each capability adds its command module here; `subtier --help`
 * lists them in this order.
 */
import type { CliCommand } from '../io';
import { scoreCommand } from './score';
import { screenCommand } from './screen';

export const COMMANDS: readonly CliCommand[] = [
  screenCommand,
  scoreCommand,
  // screen, score, import-check, export-template, report, verify, attestation, attestation-read
];

/**
 * The CLI's command registry. Each capability adds its command module here; `subtier --help`
 * lists them in this order.
 */
import type { CliCommand } from '../io';
import { screenCommand } from './screen';

export const COMMANDS: readonly CliCommand[] = [
  screenCommand,
  // screen, score, import-check, export-template, report, verify, attestation, attestation-read
];

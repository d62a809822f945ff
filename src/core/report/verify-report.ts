/**
 * Checks that a report is what it says it is: the embedded data is present and valid, its SHA-256
 * equals the hash printed on the cover and the one in the document metadata, and rebuilding the
 * report from that data gives the same bytes, so no page was edited. Every check is reported in
 * words; nothing from the file is trusted or thrown past this function.
 */
import { PDFDocument } from 'pdf-lib';
import { sha256Hex } from '../model';
import { APP_VERSION } from '../version';
import { renderFromData } from './build-report';
import type { ReportFontBytes } from './pdf/fonts';
import { embeddedFiles, pageText } from './pdf/read-pdf';
import { parseReportData, REPORT_DATA_FILE } from './report-data';
import type { ReportData } from './report-data';

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface VerifyCheck {
  readonly name: string;
  readonly status: CheckStatus;
  readonly detail: string;
}

export interface VerifyResult {
  /** True when no check failed and the pages were rebuilt and compared. */
  readonly ok: boolean;
  readonly checks: readonly VerifyCheck[];
  readonly data: ReportData | null;
  readonly dataSha256: string | null;
  readonly printedSha256: string | null;
}

/** Finds the 64-digit hash printed after the "Data SHA-256" label on the cover. */
export function printedHashOf(lines: readonly string[]): string | null {
  const i = lines.findIndex((l) => l.trim() === 'Data SHA-256');
  if (i < 0) return null;
  const after = lines.slice(i + 1, i + 4).join('').replace(/\s+/g, '');
  return /^[0-9a-f]{64}/.exec(after)?.[0] ?? null;
}

export async function verifyReport(pdf: Uint8Array, fonts: ReportFontBytes, appVersion: string = APP_VERSION): Promise<VerifyResult> {
  const checks: VerifyCheck[] = [];
  const done = (data: ReportData | null, dataSha256: string | null, printedSha256: string | null): VerifyResult => ({
    ok: checks.every((c) => c.status !== 'fail') && checks.some((c) => c.name === 'pages' && c.status === 'pass'),
    checks, data, dataSha256, printedSha256,
  });
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    checks.push({ name: 'pdf', status: 'fail', detail: `not a readable PDF: ${(error as Error).message}` });
    return done(null, null, null);
  }
  const bytes = embeddedFiles(doc).get(REPORT_DATA_FILE);
  if (!bytes) {
    checks.push({ name: 'embedded data', status: 'fail', detail: `no embedded ${REPORT_DATA_FILE}: this is not a Subtier report, or its data was removed` });
    return done(null, null, null);
  }
  const dataSha256 = sha256Hex(bytes);
  let printed: string | null;
  try {
    printed = printedHashOf(pageText(doc, 0));
  } catch {
    printed = null;
  }
  checks.push(printed === null
    ? { name: 'printed hash', status: 'fail', detail: 'no data hash could be read on the cover page' }
    : printed === dataSha256
      ? { name: 'printed hash', status: 'pass', detail: `the cover prints ${dataSha256}, the SHA-256 of the embedded data` }
      : { name: 'printed hash', status: 'fail', detail: `the cover prints ${printed} but the embedded data hashes to ${dataSha256}` });
  const keywords = doc.getKeywords() ?? '';
  const meta = /subtier-data-sha256=([0-9a-f]{64})/.exec(keywords)?.[1];
  checks.push(meta === dataSha256
    ? { name: 'metadata hash', status: 'pass', detail: 'the document metadata carries the same hash' }
    : { name: 'metadata hash', status: 'fail', detail: meta ? `the metadata names ${meta}, not ${dataSha256}` : 'the document metadata carries no data hash' });

  const parsed = parseReportData(bytes);
  if (!parsed.value) {
    checks.push({ name: 'embedded data', status: 'fail', detail: `the embedded data is not valid report data: ${parsed.errors.join('; ')}` });
    return done(null, dataSha256, printed);
  }
  const data = parsed.value;
  checks.push({ name: 'embedded data', status: 'pass', detail: `valid report data for "${data.input.snapshot.project.name}" as of ${data.input.options.asOf}: ${data.input.snapshot.parties.length} parties` });
  if (data.appVersion !== appVersion) {
    checks.push({ name: 'pages', status: 'skip', detail: `made with Subtier ${data.appVersion}; this is ${appVersion}, so the pages cannot be rebuilt for comparison` });
    return done(data, dataSha256, printed);
  }
  try {
    const rebuilt = await renderFromData(data.input, bytes, dataSha256, fonts, appVersion);
    const same = rebuilt.pdf.length === pdf.length && rebuilt.pdf.every((b, i) => b === pdf[i]);
    checks.push(same
      ? { name: 'pages', status: 'pass', detail: `rebuilding the report from its embedded data gives the same ${pdf.length} bytes: no page was changed` }
      : { name: 'pages', status: 'fail', detail: 'the report differs from what its embedded data produces: pages or data were changed after it was made' });
  } catch (error) {
    checks.push({ name: 'pages', status: 'fail', detail: `the report could not be rebuilt from its data: ${(error as Error).message}` });
  }
  return done(data, dataSha256, printed);
}

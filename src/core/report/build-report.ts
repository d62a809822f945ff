/**
 * The report use case in one call: redact when asked, serialise and hash the data, build the model,
 * render the PDF with the data embedded. This is what the app, the CLI and `verify` all call, so a
 * report rebuilt from its own embedded data must come out byte for byte the same.
 */
import { sortSnapshot } from '../model';
import { APP_VERSION } from '../version';
import { buildReportModel } from './build-report-model';
import type { ReportFontBytes } from './pdf/fonts';
import { renderReportPdf } from './pdf/render-report';
import { redactInput, withholdSensitive } from './redaction';
import { serializeReportData } from './report-data';
import type { ReportInput } from './report-input';
import type { ReportModel } from './report-model';

export interface BuiltReport {
  readonly pdf: Uint8Array;
  readonly model: ReportModel;
  readonly dataSha256: string;
  readonly dataBytes: Uint8Array;
  readonly pageCount: number;
  readonly missingGlyphs: readonly number[];
}

/**
 * Prepares the input exactly as it will be embedded: canonical order, sensitive evidence by hash
 * only, and worker identities pseudonymised when redaction is asked for.
 */
export function prepareReportInput(input: ReportInput): ReportInput {
  const safe = withholdSensitive({ ...input, snapshot: sortSnapshot(input.snapshot) });
  return input.options.redact ? redactInput(safe) : safe;
}

/** Builds the report model and PDF from the input. */
export async function buildReport(input: ReportInput, fonts: ReportFontBytes, appVersion: string = APP_VERSION): Promise<BuiltReport> {
  const prepared = prepareReportInput(input);
  const data = serializeReportData(prepared, appVersion);
  return renderFromData(data.data.input, data.bytes, data.sha256, fonts, appVersion);
}

/** Renders from already-prepared, serialised data; `verify` uses it to rebuild a report. */
export async function renderFromData(prepared: ReportInput, dataBytes: Uint8Array, dataSha256: string, fonts: ReportFontBytes, appVersion: string): Promise<BuiltReport> {
  const model = buildReportModel(prepared, dataSha256, appVersion);
  const rendered = await renderReportPdf(model, dataBytes, fonts);
  return { pdf: rendered.bytes, model, dataSha256, dataBytes, pageCount: rendered.pageCount, missingGlyphs: rendered.missingGlyphs };
}

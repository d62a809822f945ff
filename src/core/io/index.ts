/**
 * Spreadsheet import and export and project bundles: the public surface used by the app, the CLI
 * and the benchmarks.
 */
export { IMPORT_LIMITS, BUNDLE_LIMITS, formatBytes } from './limits';
export { formatProblem, columnLetter, sortProblems } from './problems';
export type { ImportProblem, Parsed, Severity } from './problems';
export { neutralizeCell, restoreCell, isFormulaLike } from './formula-guard';
export { readSpreadsheet, fileStem } from './spreadsheet-read';
export { readCsv, decodeText, parseCsv } from './csv';
export type { RawWorkbook, RawSheet, RawCell } from './raw-sheet';
export { DATA_SHEETS, PROJECT_FIELDS, TEMPLATE_VERSION, KIND_VALUES, matchColumn, matchSheet, headerKey } from './template-spec';
export type { SheetKey, SheetSpec, ColumnSpec } from './template-spec';
export { parseTemplate, combineWorkbooks } from './template-parse';
export type { TemplateDraft, PartyDraft, LinkDraft, WorkforceDraft } from './template-parse';
export { planImport } from './import-plan';
export type { ImportPlan, ImportOptions, ImportTarget, EntityChange, RowCounts, ChangeCounts } from './import-plan';
export { readTemplateFiles } from './template-files';
export type { InputFile, ReadProgress } from './template-files';
export { writeTemplate, templateRows, workbookIds, compareRefs } from './template-write';
export { writeRegister, REGISTER_FORMAT_VERSION } from './register-export';
export type { RegisterOptions } from './register-export';
export { writeWorkbook } from './xlsx-write';
export {
  BUNDLE_SCHEMA_VERSION, BUNDLE_EXTENSION, BUNDLE_MEDIA_TYPE, BUNDLE_FORMAT, upgradeProjectData,
} from './bundle-format';
export type { BundleManifest, EvidenceCodec, EncryptionInfo } from './bundle-format';
export { writeBundle, bundleFileName } from './bundle-write';
export type { BundleInput } from './bundle-write';
export { readBundle } from './bundle-read';
export type { BundleContents } from './bundle-read';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Offline sanctions screening: list importers (UN XML, OFAC CSV, custom watchlists), the bundled DPRK
 * snapshot, name normalization and matching with explanations, list diffs, and project screening.
 */
export * from './types';
export * from './config';
export * from './policy';
export * from './import-list';
export * from './list-schema';
export * from './list-diff';
export * from './fingerprint';
export * from './dprk-selection';
export * from './matcher';
export * from './name-index';
export * from './name-analysis';
export * from './screen-project';
export { normalizeWord } from './normalize';
export { hasDtd, parseUnXml } from './un-xml';
export { parseOfacCsv, splitPrograms } from './ofac-csv';
export { parseCustomCsv, parseCustomXlsx } from './custom-list';

/**
 * The documented limits of spreadsheet and bundle import. They keep a hostile or broken file from
 * exhausting memory or freezing the app; each refusal names the limit, and the README lists them.
 */

export const IMPORT_LIMITS = {
  /** Largest workbook or CSV file accepted, in bytes (25 MiB). */
  maxFileBytes: 25 * 1024 * 1024,
  /**
   * Largest total size the parts of an .xlsx may claim when unpacked (100 MiB), and one part (64 MiB),
   * checked from the zip directory before anything is unpacked. A 50,000-row template workbook with
   * full parties and links sheets unpacks to about 50 MiB, its largest part to about 17 MiB; the
   * spreadsheet parser needs several times a part's size in memory, so larger files are refused.
   */
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxPartBytes: 64 * 1024 * 1024,
  /** Most parts an .xlsx archive may contain. */
  maxZipEntries: 2_000,
  /** Most data rows read from one sheet (or one CSV file). */
  maxRowsPerSheet: 50_000,
  /** Most columns read from one sheet. */
  maxColumns: 200,
  /** Longest text accepted in one cell: Excel's own cell limit. */
  maxCellChars: 32_767,
  /** Most problems listed for one file; the rest are counted in a final line. */
  maxProblems: 5_000,
} as const;

export const BUNDLE_LIMITS = {
  /** Largest .subtier bundle accepted, in bytes (1 GiB). */
  maxBundleBytes: 1024 * 1024 * 1024,
  /** Largest total size the files of a bundle may claim when unpacked (2 GiB). */
  maxUnpackedBytes: 2 * 1024 * 1024 * 1024,
  /** Most files in one bundle (evidence files plus the four metadata files). */
  maxEntries: 100_000,
  /** Largest project.json or audit.json inside a bundle (256 MiB). */
  maxJsonBytes: 256 * 1024 * 1024,
} as const;

/** Bytes as a short human figure: "25 MiB", "812 KiB", "96 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${+(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 * 1024) return `${+(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

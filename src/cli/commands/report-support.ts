/**
 * What the report, verify and attestation commands share: the bundled fonts read from assets/, and
 * date options checked before any work starts.
 */
import { REPORT_FONT_FILES } from '../../core/report';
import type { ReportFontBytes } from '../../core/report';
import { readAsset } from '../assets';
import { UsageError } from '../io';

export async function readReportFonts(): Promise<ReportFontBytes> {
  const out: Partial<Record<keyof ReportFontBytes, Uint8Array>> = {};
  for (const [slot, file] of Object.entries(REPORT_FONT_FILES) as [keyof ReportFontBytes, string][]) {
    try {
      out[slot] = await readAsset(`fonts/${file}`);
    } catch (error) {
      throw new Error(`the bundled font assets/fonts/${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
    }
  }
  return out as ReportFontBytes;
}

/** Validates a YYYY-MM-DD option value (a real calendar date). */
export function dateOption(value: string | undefined, name: string, fallback: string): string {
  const v = value ?? fallback;
  const d = new Date(`${v}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) throw new UsageError(`--${name} must be a date as YYYY-MM-DD, not "${v}"`);
  return v;
}

/**
 * The fonts the report builder needs in the app, shipped with the app and fetched from its own
 * origin (never the network), once per session.
 */
import { REPORT_FONT_FILES } from '../../../src/core/report';
import type { ReportFontBytes } from '../../../src/core/report';
import latinUrl from '../../../assets/fonts/NotoSans-Regular.ttf?url';
import latinBoldUrl from '../../../assets/fonts/NotoSans-Bold.ttf?url';
import hangulUrl from '../../../assets/fonts/NanumBarunGothic.ttf?url';
import hangulBoldUrl from '../../../assets/fonts/NanumBarunGothicBold.ttf?url';
import arabicUrl from '../../../assets/fonts/NotoSansArabic-Regular.ttf?url';
import arabicBoldUrl from '../../../assets/fonts/NotoSansArabic-Bold.ttf?url';

const URLS: Readonly<Record<keyof ReportFontBytes, string>> = {
  latin: latinUrl, latinBold: latinBoldUrl, hangul: hangulUrl, hangulBold: hangulBoldUrl, arabic: arabicUrl, arabicBold: arabicBoldUrl,
};

async function fetchBytes(url: string, what: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${what} could not be loaded (${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

let fonts: Promise<ReportFontBytes> | null = null;

/** The report fonts (about 10 MB), loaded on first use and kept for the session. */
export function loadReportFonts(): Promise<ReportFontBytes> {
  fonts ??= (async () => {
    const entries = await Promise.all((Object.keys(URLS) as (keyof ReportFontBytes)[]).map(async (slot) => [slot, await fetchBytes(URLS[slot], `The font ${REPORT_FONT_FILES[slot]}`)] as const));
    return Object.fromEntries(entries) as unknown as ReportFontBytes;
  })();
  fonts.catch(() => {
    fonts = null;
  });
  return fonts;
}

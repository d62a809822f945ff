/**
 * Fonts for every script a party name can be written in. pdf-lib has no font fallback, so text is
 * split into runs, each drawn with the first font that has glyphs for its characters (Noto Sans for
 * Latin and Cyrillic, NanumBarunGothic for Hangul, Noto Sans Arabic). Fonts are embedded lazily, as
 * subsets, so a report without Hangul never pays for parsing a 4 MB font.
 */
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/** The TTF bytes of the report fonts, as shipped in assets/fonts/. */
export interface ReportFontBytes {
  readonly latin: Uint8Array;
  readonly latinBold: Uint8Array;
  readonly hangul: Uint8Array;
  readonly hangulBold: Uint8Array;
  readonly arabic: Uint8Array;
  readonly arabicBold: Uint8Array;
}

/** File names under assets/fonts/ for each slot of ReportFontBytes. */
export const REPORT_FONT_FILES: Readonly<Record<keyof ReportFontBytes, string>> = {
  latin: 'NotoSans-Regular.ttf',
  latinBold: 'NotoSans-Bold.ttf',
  hangul: 'NanumBarunGothic.ttf',
  hangulBold: 'NanumBarunGothicBold.ttf',
  arabic: 'NotoSansArabic-Regular.ttf',
  arabicBold: 'NotoSansArabic-Bold.ttf',
};

export interface TextRun {
  readonly font: PDFFont;
  readonly text: string;
}

interface LoadedFont {
  readonly font: PDFFont;
  readonly chars: ReadonlySet<number>;
  /** Scripts that need shaping (Arabic) are measured by layout; others by cached advance widths. */
  readonly shaped: boolean;
  /** Advance width per code point, in 1/1000 em. */
  readonly advances: Map<number, number>;
  readonly glyphAdvance: (cp: number) => number;
}

interface FontkitGlyph {
  readonly id: number;
  readonly advanceWidth: number;
}

/** The parts of pdf-lib's custom-font embedder used here (not in its public types). */
interface FontkitEmbedder {
  readonly scale: number;
  readonly font: {
    glyphForCodePoint(cp: number): FontkitGlyph;
    layout: (text: string, features?: unknown) => { glyphs: FontkitGlyph[] };
  };
}

/**
 * Latin, Cyrillic and Hangul need no shaping: one code point, one glyph. pdf-lib still runs every
 * string through fontkit's OpenType shaper (to encode and to measure), which was most of the time a
 * report took, and its kerning never reached the page because glyphs are drawn without positions.
 * So for these fonts the embedder's layout maps code points to glyphs directly (cached). Glyphs keep
 * their code points, so the ToUnicode map and copy-paste are unchanged. Arabic keeps full shaping.
 */
function useDirectLayout(embedder: FontkitEmbedder): void {
  const font = embedder.font;
  const cache = new Map<number, FontkitGlyph>();
  font.layout = (text: string) => {
    const glyphs: FontkitGlyph[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let glyph = cache.get(cp);
      if (!glyph) {
        glyph = font.glyphForCodePoint(cp);
        cache.set(cp, glyph);
      }
      glyphs.push(glyph);
    }
    return { glyphs };
  };
}

type Slot = keyof ReportFontBytes;
const CHAINS: Readonly<Record<'regular' | 'bold', readonly Slot[]>> = {
  regular: ['latin', 'hangul', 'arabic'],
  bold: ['latinBold', 'hangulBold', 'arabicBold'],
};

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Characters that take the font of the run they sit in, so an Arabic phrase stays one RTL run. */
const NEUTRAL = /[\s.,;:'"()\-–—/&]/u;

/** The fonts of one document, embedded on first use. */
export class FontSet {
  private readonly loaded = new Map<Slot, LoadedFont>();
  private readonly byFont = new Map<PDFFont, LoadedFont>();
  private readonly widths = new Map<string, number>();
  private readonly unitWidths = new Map<string, number>();
  /** Code points no font could draw; replaced by "?" and reported by the renderer. */
  readonly missing = new Set<number>();

  constructor(private readonly doc: PDFDocument, private readonly bytes: ReportFontBytes) {
    doc.registerFontkit(fontkit);
  }

  /** Embeds the Latin fonts up front: every page uses them, and their order fixes object numbers. */
  async init(): Promise<void> {
    await this.load('latin');
    await this.load('latinBold');
  }

  private async load(slot: Slot): Promise<LoadedFont> {
    const existing = this.loaded.get(slot);
    if (existing) return existing;
    const shaped = slot === 'arabic' || slot === 'arabicBold';
    const font = await this.doc.embedFont(this.bytes[slot], { subset: true });
    const embedder = (font as unknown as { embedder: FontkitEmbedder }).embedder;
    if (!shaped) useDirectLayout(embedder);
    const entry: LoadedFont = {
      font, shaped, advances: new Map(), chars: new Set(font.getCharacterSet()),
      glyphAdvance: (cp) => embedder.font.glyphForCodePoint(cp).advanceWidth * embedder.scale,
    };
    this.loaded.set(slot, entry);
    this.byFont.set(font, entry);
    return entry;
  }

  /** The regular or bold Latin font, for measuring plain ASCII quickly. */
  base(bold = false): PDFFont {
    const slot = bold ? 'latinBold' : 'latin';
    const entry = this.loaded.get(slot);
    if (!entry) throw new Error('FontSet.init() must run before drawing');
    return entry.font;
  }

  /**
   * Splits text into runs of one font each. Async because a script seen for the first time
   * embeds its font; call `prepare` over all text first to keep drawing synchronous.
   */
  async prepare(text: string, bold = false): Promise<void> {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x250) continue;
      let found = false;
      for (const slot of CHAINS[bold ? 'bold' : 'regular']) {
        const entry = this.loaded.get(slot) ?? (await this.load(slot));
        if (entry.chars.has(cp)) {
          found = true;
          break;
        }
      }
      if (!found && !/\s/u.test(ch)) this.missing.add(cp);
    }
  }

  /** Splits already-prepared text into runs (see `prepare`). */
  runs(text: string, bold = false): TextRun[] {
    const chain = CHAINS[bold ? 'bold' : 'regular'];
    // Most text is printable ASCII, which the Latin font always has: one run, no per-character work.
    if (PLAIN_ASCII.test(text)) return [{ font: this.loaded.get(chain[0]!)!.font, text }];
    const runs: { font: LoadedFont; text: string }[] = [];
    let current: { font: LoadedFont; text: string } | undefined;
    const chars = [...text];
    const pick = (cp: number): LoadedFont | undefined => {
      for (const slot of chain) {
        const entry = this.loaded.get(slot);
        if (entry?.chars.has(cp)) return entry;
      }
      return undefined;
    };
    chars.forEach((ch, i) => {
      const cp = ch.codePointAt(0)!;
      let font: LoadedFont | undefined;
      // A space or punctuation stays in the current run only if the run goes on after it, so
      // "شركة النور للخدمات (SUB-5)" keeps the Arabic words in one run and the bracket outside it.
      if (current && NEUTRAL.test(ch) && current.font.chars.has(cp) && current.font !== pick(cp)) {
        const next = chars.slice(i + 1).find((c) => !NEUTRAL.test(c));
        if (next !== undefined && pick(next.codePointAt(0)!) === current.font) font = current.font;
      }
      font ??= pick(cp);
      let glyph = ch;
      if (!font) {
        font = this.loaded.get(chain[0]!)!;
        glyph = /\s/u.test(ch) ? ' ' : '?';
      }
      if (current && current.font === font) current.text += glyph;
      else {
        current = { font, text: glyph };
        runs.push(current);
      }
    });
    return runs.map((r) => ({ font: r.font.font, text: r.text }));
  }

  /** Width of text at a size, across its runs; cached per string, as layout measures the same words often. */
  width(text: string, size: number, bold = false): number {
    const key = bold ? `b${text}` : `r${text}`;
    let units = this.unitWidths.get(key);
    if (units === undefined) {
      units = 0;
      for (const run of this.runs(text, bold)) units += this.runWidth(run, 1000);
      this.unitWidths.set(key, units);
    }
    return (units * size) / 1000;
  }

  /** Width of one run: summed advance widths, or the shaped layout for Arabic (cached per string). */
  runWidth(run: TextRun, size: number): number {
    const entry = this.byFont.get(run.font)!;
    if (entry.shaped) {
      const key = `${run.text}`;
      let units = this.widths.get(key);
      if (units === undefined) {
        units = run.font.widthOfTextAtSize(run.text, 1000);
        this.widths.set(key, units);
      }
      return (units * size) / 1000;
    }
    let units = 0;
    for (const ch of run.text) {
      const cp = ch.codePointAt(0)!;
      let adv = entry.advances.get(cp);
      if (adv === undefined) {
        adv = entry.glyphAdvance(cp);
        entry.advances.set(cp, adv);
      }
      units += adv;
    }
    return (units * size) / 1000;
  }
}

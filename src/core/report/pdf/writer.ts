/**
 * A small page-layout engine over pdf-lib: a cursor that flows text down portrait or landscape
 * pages, wraps it by measured width across font runs, starts a new page when space runs out, and
 * remembers where each section starts for the contents page. Running headers and footers are drawn
 * last, once the page count is known.
 */
import { LineCapStyle } from 'pdf-lib';
import type { PDFDocument, PDFPage, RGB } from 'pdf-lib';
import type { FontSet } from './fonts';
import { A4, COLOR, LEVEL_COLOR, MARGIN, SIZE } from './theme';
import type { ChipLevel } from './theme';

export interface TextStyle {
  readonly size?: number;
  readonly bold?: boolean;
  readonly color?: RGB;
}

export interface SectionMark {
  readonly id: string;
  readonly title: string;
  readonly pageIndex: number;
}

export class Writer {
  page!: PDFPage;
  y = 0;
  readonly sections: SectionMark[] = [];
  /** The section each page belongs to, for the running header. */
  readonly pageSection: string[] = [];
  private currentSection = '';

  constructor(readonly doc: PDFDocument, readonly fonts: FontSet) {}

  get width(): number { return this.page.getWidth(); }
  get height(): number { return this.page.getHeight(); }
  get left(): number { return MARGIN.left; }
  get right(): number { return this.width - MARGIN.right; }
  get top(): number { return this.height - MARGIN.top; }
  get bottom(): number { return MARGIN.bottom; }
  get contentWidth(): number { return this.right - this.left; }
  get isLandscape(): boolean { return this.width > this.height; }

  addPage(landscape = this.page ? this.isLandscape : false): PDFPage {
    this.page = this.doc.addPage(landscape ? [A4[1], A4[0]] : [A4[0], A4[1]]);
    this.pageSection.push(this.currentSection);
    this.y = this.top;
    return this.page;
  }

  /** Starts a section on a fresh page and prints its title. */
  startSection(id: string, title: string, landscape = false): void {
    this.currentSection = title;
    this.addPage(landscape);
    this.sections.push({ id, title, pageIndex: this.doc.getPageCount() - 1 });
    this.heading(title, 1);
  }

  /** Makes room for `height` points, moving to a new page when the current one is full. */
  ensure(height: number): boolean {
    if (this.y - height >= this.bottom) return false;
    this.addPage();
    return true;
  }

  /** Draws one line of text with per-character font fallback; returns its width. */
  text(str: string, x: number, y: number, style: TextStyle = {}): number {
    const size = style.size ?? SIZE.body;
    const color = style.color ?? COLOR.ink;
    let cx = x;
    for (const run of this.fonts.runs(str, style.bold)) {
      this.page.drawText(run.text, { x: cx, y, size, font: run.font, color });
      cx += this.fonts.runWidth(run, size);
    }
    return cx - x;
  }

  textRight(str: string, xRight: number, y: number, style: TextStyle = {}): void {
    this.text(str, xRight - this.measure(str, style), y, style);
  }

  measure(str: string, style: TextStyle = {}): number {
    return this.fonts.width(str, style.size ?? SIZE.body, style.bold);
  }

  /** Shortens text with an ellipsis so it fits `width`. */
  fit(str: string, width: number, style: TextStyle = {}): string {
    if (this.measure(str, style) <= width) return str;
    const chars = [...str];
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.measure(`${chars.slice(0, mid).join('')}…`, style) <= width) lo = mid;
      else hi = mid - 1;
    }
    return `${chars.slice(0, lo).join('').trimEnd()}…`;
  }

  /** Breaks text into lines no wider than `width`, at spaces, or inside words that are too long. */
  wrap(str: string, width: number, style: TextStyle = {}): string[] {
    const lines: string[] = [];
    const space = this.measure(' ', style);
    for (const paragraph of str.split('\n')) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(/ +/)) {
        // Words are measured once each (and cached), so wrapping stays linear in the text length.
        const ww = this.measure(word, style);
        const candidateWidth = line ? lineWidth + space + ww : ww;
        if (candidateWidth <= width) {
          line = line ? `${line} ${word}` : word;
          lineWidth = candidateWidth;
          continue;
        }
        if (line) lines.push(line);
        line = word;
        lineWidth = ww;
        while (this.measure(line, style) > width && [...line].length > 1) {
          const chars = [...line];
          let n = chars.length - 1;
          while (n > 1 && this.measure(chars.slice(0, n).join(''), style) > width) n--;
          lines.push(chars.slice(0, n).join(''));
          line = chars.slice(n).join('');
          lineWidth = this.measure(line, style);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  lineHeight(style: TextStyle = {}): number {
    return (style.size ?? SIZE.body) * 1.38;
  }

  /** Flows a paragraph at the cursor, wrapping and breaking pages as needed. */
  paragraph(str: string, style: TextStyle & { indent?: number; after?: number; width?: number } = {}): void {
    const indent = style.indent ?? 0;
    const lh = this.lineHeight(style);
    for (const line of this.wrap(str, (style.width ?? this.contentWidth) - indent, style)) {
      this.ensure(lh);
      this.y -= lh;
      this.text(line, this.left + indent, this.y + lh * 0.28, style);
    }
    this.y -= style.after ?? 5;
  }

  bullet(str: string, style: TextStyle & { indent?: number } = {}): void {
    const indent = style.indent ?? 0;
    const lh = this.lineHeight(style);
    this.ensure(lh);
    this.text('•', this.left + indent + 2, this.y - lh + lh * 0.28, { ...style, color: COLOR.accent });
    this.paragraph(str, { ...style, indent: indent + 12, after: 3 });
  }

  heading(str: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? SIZE.h1 : level === 2 ? SIZE.h2 : SIZE.h3;
    const before = level === 1 ? 0 : level === 2 ? 10 : 6;
    const lines = this.wrap(str, this.contentWidth, { size, bold: true });
    const need = before + lines.length * size * 1.3 + (level === 1 ? 14 : 6) + 30;
    if (this.y !== this.top) this.ensure(need);
    if (this.y !== this.top) this.y -= before;
    for (const line of lines) {
      this.y -= size * 1.3;
      this.text(line, this.left, this.y + size * 0.25, { size, bold: true, color: COLOR.accent });
    }
    if (level === 1) {
      this.y -= 6;
      this.line(this.left, this.y, this.right, this.y, { color: COLOR.accent, width: 1.2 });
      this.y -= 12;
    } else this.y -= 5;
  }

  /** Label/value rows, the label column in muted bold. */
  keyValues(pairs: readonly (readonly [string, string])[], labelWidth = 130, style: TextStyle = {}): void {
    const lh = this.lineHeight(style);
    for (const [label, value] of pairs) {
      const lines = this.wrap(value || '—', this.contentWidth - labelWidth, style);
      this.ensure(lh * lines.length);
      this.text(label, this.left, this.y - lh + lh * 0.28, { ...style, bold: true, color: COLOR.muted });
      for (const line of lines) {
        this.y -= lh;
        this.text(line, this.left + labelWidth, this.y + lh * 0.28, style);
      }
      this.y -= 2;
    }
  }

  rect(x: number, y: number, w: number, h: number, opts: { fill?: RGB; border?: RGB; borderWidth?: number; dashed?: boolean }): void {
    this.page.drawRectangle({
      x, y, width: w, height: h,
      color: opts.fill,
      borderColor: opts.border,
      borderWidth: opts.border ? opts.borderWidth ?? 0.6 : 0,
      borderDashArray: opts.dashed ? [2, 1.5] : undefined,
    });
  }

  line(x1: number, y1: number, x2: number, y2: number, opts: { color?: RGB; width?: number; dashed?: boolean } = {}): void {
    this.page.drawLine({
      start: { x: x1, y: y1 }, end: { x: x2, y: y2 },
      thickness: opts.width ?? 0.5, color: opts.color ?? COLOR.rule,
      dashArray: opts.dashed ? [3, 2] : undefined, lineCap: LineCapStyle.Butt,
    });
  }

  /** A coloured level badge such as "HIGH 72"; returns its width. */
  chip(level: ChipLevel, x: number, yBaseline: number, text?: string, size: number = SIZE.tiny): number {
    const c = LEVEL_COLOR[level];
    const label = text ?? c.label;
    const w = this.measure(label, { size, bold: true }) + 6;
    this.rect(x, yBaseline - size * 0.35, w, size * 1.45, { fill: c.strong });
    this.text(label, x + 3, yBaseline, { size, bold: true, color: COLOR.white });
    return w;
  }
}


/**
 * Paged tables: wrapped cells, zebra rows, risk chips, and the header row repeated at the top of
 * every page the table continues on. A row is never split across pages.
 */
import type { RGB } from 'pdf-lib';
import { COLOR, SIZE } from './theme';
import type { ChipLevel } from './theme';
import type { Writer } from './writer';

export interface TableColumn {
  readonly header: string;
  /** Relative width; columns share the content width in proportion. */
  readonly weight: number;
  readonly align?: 'left' | 'right';
}

export type Cell =
  | string
  | { readonly text: string; readonly bold?: boolean; readonly color?: RGB }
  | { readonly chip: ChipLevel; readonly text: string; readonly note?: string };

export interface TableOptions {
  readonly size?: number;
  /** Lines a cell may take before it is cut with an ellipsis. */
  readonly maxLines?: number;
}

const PAD = 3;

/** Draws a table at the cursor and leaves the cursor below it. */
export function drawTable(w: Writer, columns: readonly TableColumn[], rows: readonly (readonly Cell[])[], opts: TableOptions = {}): void {
  const size = opts.size ?? SIZE.small;
  const maxLines = opts.maxLines ?? 6;
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * w.contentWidth);
  const xs = widths.map((_, i) => w.left + widths.slice(0, i).reduce((s, x) => s + x, 0));
  const lh = size * 1.3;

  const header = () => {
    const lines = columns.map((c, i) => w.wrap(c.header, widths[i]! - 2 * PAD, { size, bold: true }));
    const h = Math.max(...lines.map((l) => l.length)) * lh + 2 * PAD;
    w.rect(w.left, w.y - h, w.contentWidth, h, { fill: COLOR.accent });
    lines.forEach((ls, i) => ls.forEach((line, j) => {
      const y = w.y - PAD - (j + 1) * lh + lh * 0.3;
      if (columns[i]!.align === 'right') w.textRight(line, xs[i]! + widths[i]! - PAD, y, { size, bold: true, color: COLOR.white });
      else w.text(line, xs[i]! + PAD, y, { size, bold: true, color: COLOR.white });
    }));
    w.y -= h;
  };

  const headerHeight = Math.max(...columns.map((c, i) => w.wrap(c.header, widths[i]! - 2 * PAD, { size, bold: true }).length)) * lh + 2 * PAD;
  w.ensure(headerHeight + lh * 2 + 2 * PAD);
  header();
  rows.forEach((row, r) => {
    const cellLines = row.map((cell, i) => linesOf(w, cell, widths[i]! - 2 * PAD, size, maxLines));
    const h = Math.max(1, ...cellLines.map((l) => l.length)) * lh + 2 * PAD;
    if (w.ensure(h)) header();
    if (r % 2 === 1) w.rect(w.left, w.y - h, w.contentWidth, h, { fill: COLOR.zebra });
    row.forEach((cell, i) => {
      const x = xs[i]!;
      const firstBaseline = w.y - PAD - lh + lh * 0.3;
      if (typeof cell === 'object' && 'chip' in cell) {
        const cw = w.chip(cell.chip, x + PAD, firstBaseline + 0.5, cell.text);
        if (cell.note) w.text(cell.note, x + PAD + cw + 3, firstBaseline, { size: SIZE.tiny, color: COLOR.muted });
        return;
      }
      const style = typeof cell === 'string' ? { size } : { size, bold: cell.bold, color: cell.color };
      cellLines[i]!.forEach((line, j) => {
        const y = firstBaseline - j * lh;
        if (columns[i]!.align === 'right') w.textRight(line, x + widths[i]! - PAD, y, style);
        else w.text(line, x + PAD, y, style);
      });
    });
    w.y -= h;
    w.line(w.left, w.y, w.right, w.y, { width: 0.3 });
  });
  w.y -= 8;
}

function linesOf(w: Writer, cell: Cell, width: number, size: number, maxLines: number): string[] {
  if (typeof cell === 'object' && 'chip' in cell) return [''];
  const text = typeof cell === 'string' ? cell : cell.text;
  const bold = typeof cell === 'object' && 'bold' in cell ? cell.bold : false;
  const lines = w.wrap(text || '—', width, { size, bold });
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = w.fit(`${kept[maxLines - 1]!} ${lines[maxLines]}`, width, { size, bold });
  if (!kept[maxLines - 1]!.endsWith('…')) kept[maxLines - 1] += '…';
  return kept;
}

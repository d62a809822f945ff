/**
 * Draws the chain diagram on landscape pages as vector graphics: parties as boxes coloured by risk
 * in tier columns, relationships as routed lines (work solid, money dashed). Large chains are cut
 * into pages by rows; a subtree continued from an earlier page repeats its ancestors as dashed
 * "continued" boxes, and links to parties on other pages are marked with the page number.
 */
import type { RGB } from 'pdf-lib';
import { labelOf } from '../../model';
import type { ChainModel, ChainNode } from '../report-model';
import { layoutDiagram } from './chain-layout';
import type { PlacedNode } from './chain-layout';
import { COLOR, LEVEL_COLOR, RELATION_STYLE, SIZE } from './theme';
import type { Writer } from './writer';

const BOX_H = 25;
const PITCH = 30;
const GAP = 16;
const KIND_MARK: Readonly<Record<string, string>> = { organization: 'ORG', person: 'PERSON', workforce: 'CREW', bank: 'BANK' };

/** Draws the diagram starting on a fresh landscape page; returns the number of pages used. */
export function drawChainDiagram(w: Writer, chain: ChainModel): number {
  const layout = layoutDiagram(chain);
  const legendH = 16;
  const headerH = 14;
  const firstTop = w.y;
  const rowsFirst = Math.max(1, Math.floor((firstTop - w.bottom - legendH - headerH) / PITCH));
  const rowsPerPage = Math.max(1, Math.floor((w.top - w.bottom - legendH - headerH) / PITCH));
  const pageOfRow = (row: number) => (row < rowsFirst ? 0 : 1 + Math.floor((row - rowsFirst) / rowsPerPage));
  const firstRowOf = (p: number) => (p === 0 ? 0 : rowsFirst + (p - 1) * rowsPerPage);
  const pages = layout.rows === 0 ? 1 : pageOfRow(layout.rows - 1) + 1;
  const startIndex = w.doc.getPageCount() - 1;
  const colW = w.contentWidth / Math.max(1, layout.columns.length);
  const boxW = colW - GAP;
  const byPage = new Map<number, PlacedNode[]>();
  for (const p of layout.placed.values()) byPage.set(pageOfRow(p.row), [...(byPage.get(pageOfRow(p.row)) ?? []), p]);

  for (let page = 0; page < pages; page++) {
    if (page > 0) w.addPage(true);
    const top = (page === 0 ? firstTop : w.top) - headerH;
    const rowY = (row: number) => top - (row - firstRowOf(page)) * PITCH - BOX_H;
    const colX = (col: number) => w.left + col * colW;
    layout.columns.forEach((title, i) => w.text(w.fit(title, colW - 4, { size: SIZE.tiny, bold: true }), colX(i), top + 4, { size: SIZE.tiny, bold: true, color: COLOR.muted }));

    // Visible nodes: those on this page, plus ghosts of ancestors that live on earlier pages.
    const visible = new Map<string, { p: PlacedNode; y: number; ghost: boolean }>();
    for (const p of byPage.get(page) ?? []) visible.set(p.node.id, { p, y: rowY(p.row), ghost: false });
    for (const p of [...(byPage.get(page) ?? [])].sort((a, b) => a.row - b.row)) {
      let child = p;
      let parentId = p.parent;
      while (parentId && !visible.has(parentId)) {
        const parent = layout.placed.get(parentId);
        if (!parent || pageOfRow(parent.row) >= page) break;
        visible.set(parentId, { p: parent, y: rowY(child.row), ghost: true });
        child = { ...parent, row: child.row };
        parentId = parent.parent;
      }
    }

    // Lines first, boxes over them.
    const offPage = new Map<string, Set<number>>();
    for (const e of chain.edges) {
      const a = visible.get(e.from);
      const b = visible.get(e.to);
      if (!a || !b) {
        const local = a ?? b;
        const other = layout.placed.get(a ? e.to : e.from);
        if (local && other && !local.ghost) offPage.set(local.p.node.id, (offPage.get(local.p.node.id) ?? new Set()).add(startIndex + pageOfRow(other.row) + 1));
        continue;
      }
      const style = RELATION_STYLE[e.relation] ?? RELATION_STYLE.subcontracts!;
      route(w, colX(a.p.column) + boxW, a.y + BOX_H / 2, colX(b.p.column), b.y + BOX_H / 2, style.color, style.dashed, b.p.column === a.p.column + 1);
    }
    for (const { p, y, ghost } of visible.values()) drawNode(w, p.node, colX(p.column), y, boxW, ghost, ghost ? startIndex + pageOfRow(p.row) + 1 : null, offPage.get(p.node.id));
    drawLegend(w, pages > 1 ? `Chain diagram, page ${page + 1} of ${pages}` : '');
  }
  return pages;
}

function route(w: Writer, x1: number, y1: number, x2: number, y2: number, color: RGB, dashed: boolean, adjacent: boolean): void {
  const opts = { color, width: 0.6, dashed };
  if (adjacent) {
    const mx = (x1 + x2) / 2;
    w.line(x1, y1, mx, y1, opts);
    w.line(mx, y1, mx, y2, opts);
    w.line(mx, y2, x2, y2, opts);
  } else {
    // Around the boxes: out to the gap on the right, along the channel between rows, in from the left.
    const out = x1 + GAP / 3;
    const into = x2 - GAP / 3;
    const channel = y2 - BOX_H / 2 - (PITCH - BOX_H) / 2;
    w.line(x1, y1, out, y1, opts);
    w.line(out, y1, out, channel, opts);
    w.line(out, channel, into, channel, opts);
    w.line(into, channel, into, y2, opts);
    w.line(into, y2, x2, y2, opts);
  }
  w.line(x2 - 3, y2 + 1.8, x2, y2, { color, width: 0.6 });
  w.line(x2 - 3, y2 - 1.8, x2, y2, { color, width: 0.6 });
}

function drawNode(w: Writer, n: ChainNode, x: number, y: number, width: number, ghost: boolean, ghostPage: number | null, otherPages: ReadonlySet<number> | undefined): void {
  const level = n.insufficient && n.level !== 'critical' && n.level !== 'high' ? 'insufficient' : n.level;
  const c = LEVEL_COLOR[level];
  if (ghost) {
    w.rect(x, y, width, BOX_H, { fill: COLOR.white, border: COLOR.muted, dashed: true });
  } else {
    w.rect(x, y, width, BOX_H, { fill: c.tint, border: c.strong, borderWidth: n.confirmedHit ? 1.4 : 0.5, dashed: level === 'insufficient' });
    w.rect(x, y, 3, BOX_H, { fill: c.strong });
  }
  const inner = width - 7;
  const nameStyle = { size: SIZE.tiny, bold: true, color: ghost ? COLOR.muted : COLOR.ink };
  // The name takes two lines when it must, so narrow columns in deep chains stay readable.
  const lines = w.wrap(n.label, inner, nameStyle);
  const shown = lines.length <= 2 ? lines : [lines[0]!, w.fit(lines.slice(1).join(' '), inner, nameStyle)];
  shown.forEach((line, i) => w.text(w.fit(line, inner, nameStyle), x + 5, y + BOX_H - 7.5 - i * 7, nameStyle));
  const detail = ghost
    ? `continued from p. ${ghostPage}`
    : [KIND_MARK[n.kind] ?? labelOf(n.kind), n.country, n.confirmedHit ? 'DESIGNATED' : c.label, otherPages?.size ? `also p. ${[...otherPages].sort((a, b) => a - b).join(', ')}` : ''].filter(Boolean).join(' · ');
  w.text(w.fit(detail, inner, { size: 5.2 }), x + 5, y + 3, { size: 5.2, color: n.confirmedHit && !ghost ? COLOR.warning : COLOR.muted });
}

function drawLegend(w: Writer, note: string): void {
  const y = w.bottom + 2;
  let x = w.left;
  for (const level of ['critical', 'high', 'medium', 'low', 'insufficient'] as const) x += w.chip(level, x, y + 2) + 4;
  x += 8;
  for (const [rel, label] of [['subcontracts', 'subcontracts'], ['supplies_labor', 'supplies labour / employs'], ['recruits', 'recruits'], ['pays', 'pays'], ['owns', 'owns / banks with']] as const) {
    const s = RELATION_STYLE[rel]!;
    w.line(x, y + 4, x + 16, y + 4, { color: s.color, width: 0.8, dashed: s.dashed });
    x += 19;
    x += w.text(label, x, y + 2, { size: SIZE.tiny, color: COLOR.muted }) + 9;
  }
  if (note) w.textRight(note, w.right, y + 2, { size: SIZE.tiny, color: COLOR.muted });
}

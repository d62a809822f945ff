/**
 * The front of the report: cover (with the data fingerprint), contents, executive summary, scope and
 * methodology, and legal basis. Each function draws one section from the report model.
 */
import type { ReportModel } from '../report-model';
import { RISK_LEVELS } from '../report-input';
import { drawTable } from './table';
import { COLOR, LEVEL_COLOR, SIZE } from './theme';
import type { Writer } from './writer';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Splits the 64-digit hash into groups of 8 so a reader can compare it by eye. */
export function groupHash(hash: string): string {
  return hash.match(/.{1,8}/g)?.join(' ') ?? hash;
}

export function drawCover(w: Writer, m: ReportModel): void {
  w.addPage(false);
  const band = 210;
  w.rect(0, w.height - band, w.width, band, { fill: COLOR.accent });
  let y = w.height - 70;
  w.text('SUBTIER  ·  DUE-DILIGENCE REPORT', w.left, y, { size: 9, bold: true, color: COLOR.accentLight });
  y -= 36;
  for (const line of w.wrap('DPRK overseas labour in the contractor chain', w.contentWidth, { size: 22, bold: true })) {
    w.text(line, w.left, y, { size: 22, bold: true, color: COLOR.white });
    y -= 28;
  }
  for (const line of w.wrap(m.meta.projectName, w.contentWidth, { size: 15 }).slice(0, 2)) {
    w.text(line, w.left, y, { size: 15, color: COLOR.white });
    y -= 20;
  }
  w.y = w.height - band - 28;

  if (m.meta.redacted) {
    w.rect(w.left, w.y - 22, w.contentWidth, 22, { fill: LEVEL_COLOR.insufficient.tint, border: COLOR.muted });
    w.text('REDACTED EDITION: worker-identifying data is replaced by stable pseudonyms; sensitive evidence is listed by hash only.', w.left + 8, w.y - 14.5, { size: SIZE.small, bold: true, color: COLOR.ink });
    w.y -= 36;
  }

  const rating = LEVEL_COLOR[m.summary.rating];
  w.rect(w.left, w.y - 46, w.contentWidth, 46, { fill: rating.tint, border: rating.strong });
  w.rect(w.left, w.y - 46, 5, 46, { fill: rating.strong });
  w.text('Overall rating', w.left + 16, w.y - 17, { size: SIZE.small, bold: true, color: COLOR.muted });
  w.text(rating.label, w.left + 16, w.y - 37, { size: 18, bold: true, color: rating.strong });
  w.text(`Score ${Math.round(m.summary.score)} of 100  ·  ${pct(m.summary.completeness)} of the facts that matter known  ·  ${m.summary.partyCount} parties, ${m.summary.linkCount} relationships`, w.left + 130, w.y - 31, { size: SIZE.body });
  w.y -= 64;

  w.keyValues([
    ['Project', m.meta.projectName],
    ['Site', m.meta.site],
    ['Host country', m.meta.hostCountry],
    ['Client', m.meta.client],
    ['Project period', m.meta.projectPeriod],
    ['Auditing organisation', m.meta.organisation],
    ['Author', m.meta.author],
    ['As of', m.meta.asOf],
    ['Report id', m.meta.reportId],
    ['Risk model', m.meta.modelVersion],
    ['Built with', `Subtier ${m.meta.appVersion}`],
  ], 130);

  w.y -= 14;
  const boxH = 70;
  w.rect(w.left, w.y - boxH, w.contentWidth, boxH, { fill: COLOR.zebra, border: COLOR.rule });
  w.text('Data SHA-256', w.left + 10, w.y - 16, { size: SIZE.small, bold: true, color: COLOR.muted });
  w.text(groupHash(m.meta.dataSha256), w.left + 10, w.y - 33, { size: 10.5, bold: true, color: COLOR.ink });
  w.text('SHA-256 of the project data this report was built from, which is embedded in this PDF as subtier-report-data.json.', w.left + 10, w.y - 48, { size: SIZE.tiny, color: COLOR.muted });
  w.text('Check that the printed hash, the embedded data and the pages agree with:  npx subtier verify <this file>.pdf', w.left + 10, w.y - 59, { size: SIZE.tiny, color: COLOR.muted });
  w.y -= boxH + 10;
}

/** Reserves the contents page; `fillContents` writes it once page numbers are known. */
export function reserveContents(w: Writer): number {
  w.addPage(false);
  w.heading('Contents', 1);
  return w.doc.getPageCount() - 1;
}

export function fillContents(w: Writer, pageIndex: number): void {
  w.page = w.doc.getPage(pageIndex);
  w.y = w.top - 40;
  for (const s of w.sections) {
    w.y -= 18;
    const label = s.title;
    const num = String(s.pageIndex + 1);
    const lw = w.text(label, w.left, w.y, { size: 10.5 });
    const nw = w.measure(num, { size: 10.5 });
    w.line(w.left + lw + 6, w.y + 2, w.right - nw - 6, w.y + 2, { color: COLOR.rule, width: 0.5, dashed: true });
    w.textRight(num, w.right, w.y, { size: 10.5 });
  }
}

export function drawSummary(w: Writer, m: ReportModel): void {
  const s = m.summary;
  // Level distribution as one stacked bar, each segment labelled with its count.
  const barY = w.y - 26;
  const total = Math.max(1, RISK_LEVELS.reduce((n, l) => n + s.levelCounts[l], 0));
  let x = w.left;
  w.text('Parties by level', w.left, w.y - 8, { size: SIZE.small, bold: true, color: COLOR.muted });
  for (const level of [...RISK_LEVELS].reverse()) {
    const n = s.levelCounts[level];
    if (!n) continue;
    const segment = (n / total) * w.contentWidth;
    w.rect(x, barY, segment, 14, { fill: LEVEL_COLOR[level].strong });
    const label = `${LEVEL_COLOR[level].label} ${n}`;
    if (w.measure(label, { size: SIZE.tiny, bold: true }) < segment - 4) w.text(label, x + 3, barY + 4.5, { size: SIZE.tiny, bold: true, color: COLOR.white });
    x += segment;
  }
  w.y = barY - 8;
  w.paragraph(`${s.insufficientCount} part${s.insufficientCount === 1 ? 'y' : 'ies'} with insufficient information. ${s.openHits} screening hit${s.openHits === 1 ? '' : 's'} awaiting review.`, { size: SIZE.small, color: COLOR.muted, after: 8 });

  w.heading('Key findings', 2);
  for (const f of s.keyFindings) w.bullet(f);

  w.heading('Confirmed designation matches', 2);
  if (s.confirmedMatches.length === 0) w.paragraph('None.');
  else drawTable(w, [{ header: 'Party', weight: 3 }, { header: 'Designated person or entity', weight: 3 }, { header: 'List', weight: 1.2 }, { header: 'Reference', weight: 1.2 }],
    s.confirmedMatches.map((c) => [{ text: c.party, bold: true }, c.entry, c.list, c.ref]));

  w.heading('Parties that need action', 2);
  if (s.actionParties.length === 0) w.paragraph('No party is rated high or critical.');
  else drawTable(w, [{ header: 'Party', weight: 3 }, { header: 'Level', weight: 1.1 }, { header: 'Recommended actions', weight: 4.5 }],
    s.actionParties.map((p) => [{ text: p.name, bold: true }, { chip: p.level, text: LEVEL_COLOR[p.level].label }, p.actions.join(' · ')]));
}

export function drawScope(w: Writer, m: ReportModel): void {
  for (const p of m.scope.paragraphs) w.paragraph(p);
  w.heading('Risk model', 2);
  w.keyValues([['Model version', m.scope.modelVersion], ['Weights hash (SHA-256)', m.scope.weightsHash]], 130, { size: SIZE.small });
  w.heading('Sanctions lists screened against', 2);
  if (m.scope.lists.length === 0) w.paragraph('No sanctions list is recorded for this project: the parties were not screened.', { bold: true, color: COLOR.warning });
  else drawTable(w, [{ header: 'List', weight: 2.2 }, { header: 'Source', weight: 2 }, { header: 'Published', weight: 1.1 }, { header: 'Entries', weight: 0.8, align: 'right' }, { header: 'Files and their SHA-256', weight: 4.5 }],
    m.scope.lists.map((l) => [{ text: l.name, bold: true }, l.source, l.publishedAt, String(l.entries), l.files || '—']), { size: SIZE.tiny });
  w.heading('Indicator catalog', 2);
  drawTable(w, [{ header: 'Indicator', weight: 4 }, { header: 'Severity', weight: 1 }, { header: 'Weight', weight: 0.8, align: 'right' }, { header: 'Sources', weight: 4 }],
    m.scope.indicators.map((i) => [{ text: i.title, bold: true }, i.severity, String(i.weight), i.sources]), { size: SIZE.tiny });
  if (m.scope.sources.length) {
    w.heading('Sources cited', 2);
    for (const src of m.scope.sources) w.paragraph(src, { size: SIZE.tiny, after: 2 });
  }
  w.heading('What was not examined', 2);
  for (const n of m.scope.notExamined) w.bullet(n);
}

export function drawLegal(w: Writer, m: ReportModel): void {
  for (const a of m.legal.authorities) {
    w.ensure(44);
    w.paragraph(a.citation, { bold: true, color: COLOR.accent, after: 1 });
    w.paragraph(a.title, { bold: true, size: SIZE.small, after: 1 });
    w.paragraph(a.summary, { size: SIZE.small, after: 8 });
  }
  w.paragraph(m.legal.disclaimer, { size: SIZE.small, color: COLOR.muted });
}

/**
 * The body of the report: party register, findings, screening results, evidence and attestations,
 * audit-log appendix and sign-off page. Each function draws one section from the report model.
 */
import { labelOf } from '../../model';
import type { FindingModel, ReportModel } from '../report-model';
import { drawTable } from './table';
import type { Cell } from './table';
import { COLOR, LEVEL_COLOR, SIZE } from './theme';
import type { Writer } from './writer';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function drawRegister(w: Writer, m: ReportModel): void {
  w.paragraph('Every party in the project, in tier order. Inherent risk is the party\'s own; exposure adds what lies below it and where its payments go. Completeness is the share of the facts that matter which are known.', { size: SIZE.small, color: COLOR.muted, after: 8 });
  drawTable(w, [
    { header: 'Party', weight: 3.4 }, { header: 'Kind', weight: 1.2 }, { header: 'Country', weight: 1.4 }, { header: 'Tier', weight: 0.5, align: 'right' },
    { header: 'Inherent', weight: 1.25 }, { header: 'Exposure', weight: 1.25 }, { header: 'Known', weight: 0.75, align: 'right' }, { header: 'Screening hits', weight: 1.5 },
  ], m.register.map((r): Cell[] => [
    { text: r.ref ? `${r.name} (${r.ref})` : r.name, bold: true },
    r.kind, r.country, r.tier,
    { chip: r.inherent.level, text: `${LEVEL_COLOR[r.inherent.level].label} ${Math.round(r.inherent.score)}` },
    { chip: r.exposure.level, text: `${LEVEL_COLOR[r.exposure.level].label} ${Math.round(r.exposure.score)}` },
    { text: r.insufficient ? `${pct(r.completeness)} !` : pct(r.completeness), color: r.insufficient ? COLOR.warning : COLOR.ink, bold: r.insufficient },
    r.hits,
  ]), { size: SIZE.tiny, maxLines: 3 });
  w.paragraph('"!" marks insufficient information: the party cannot be cleared until the missing facts are known.', { size: SIZE.tiny, color: COLOR.muted });
}

export function drawFindings(w: Writer, m: ReportModel): void {
  if (m.findings.length === 0) {
    w.paragraph('No party is rated high or critical.');
    return;
  }
  w.paragraph(`${m.findings.length} part${m.findings.length === 1 ? 'y is' : 'ies are'} rated high or critical, most severe first. For each: the indicators behind the rating with their confidence and evidence, the paths that expose the contractors above it, and the recommended actions.`, { size: SIZE.small, color: COLOR.muted, after: 6 });
  m.findings.forEach((f, i) => drawFinding(w, f, i + 1));
}

function drawFinding(w: Writer, f: FindingModel, n: number): void {
  w.ensure(150);
  w.y -= 6;
  const lines = w.wrap(`${n}. ${f.name}`, w.contentWidth, { size: SIZE.h2, bold: true });
  for (const line of lines) {
    w.y -= SIZE.h2 * 1.3;
    w.text(line, w.left, w.y + 3, { size: SIZE.h2, bold: true, color: COLOR.accent });
  }
  w.y -= 12;
  let x = w.left;
  x += w.chip(f.inherent.level, x, w.y, `INHERENT ${LEVEL_COLOR[f.inherent.level].label} ${Math.round(f.inherent.score)}`, SIZE.small) + 5;
  x += w.chip(f.exposure.level, x, w.y, `EXPOSURE ${LEVEL_COLOR[f.exposure.level].label} ${Math.round(f.exposure.score)}`, SIZE.small) + 8;
  const facts = [f.kind, f.country, `tier ${f.tier}`, f.ref, `${pct(f.completeness)} known${f.insufficient ? ' (insufficient information)' : ''}`].filter((s) => s && s !== '—');
  w.text(w.fit(facts.join('  ·  '), w.right - x, { size: SIZE.small }), x, w.y, { size: SIZE.small, color: COLOR.muted });
  w.y -= 10;

  w.heading('Indicators', 3);
  if (f.indicators.length === 0) w.paragraph('No indicator applies; the level comes from the parties below it (see the paths).', { size: SIZE.small });
  else drawTable(w, [
    { header: 'Indicator and why it applies', weight: 4.6 }, { header: 'Confidence', weight: 1 }, { header: 'Points', weight: 0.7, align: 'right' },
    { header: 'Evidence', weight: 2.4 }, { header: 'Sources', weight: 2.2 },
  ], f.indicators.map((i): Cell[] => [
    `${i.title}${i.detail ? `: ${i.detail}` : ''}`, labelOf(i.confidence).replace(/^./, (c) => c.toUpperCase()), String(Math.round(i.contribution)),
    i.evidence.length ? i.evidence.join('; ') : 'none recorded', i.sources,
  ]), { size: SIZE.tiny, maxLines: 8 });

  if (f.notes.length || f.missingFacts.length) {
    for (const note of f.notes) w.paragraph(note, { size: SIZE.small, bold: true, color: COLOR.warning, after: 2 });
    if (f.missingFacts.length) w.paragraph(`Still unknown: ${f.missingFacts.join('; ')}.`, { size: SIZE.small, color: COLOR.muted, after: 2 });
  }
  if (f.exposurePaths.length) {
    w.heading('Paths that drive its exposure', 3);
    for (const p of f.exposurePaths) w.bullet(p, { size: SIZE.small });
  }
  if (f.exposesContractors.length) {
    w.heading('Contractors exposed above it', 3);
    for (const p of f.exposesContractors) w.bullet(p, { size: SIZE.small });
  }
  w.heading('Recommended actions', 3);
  drawTable(w, [{ header: 'Action', weight: 1.6 }, { header: 'Why', weight: 6 }], f.actions.map((a): Cell[] => [{ text: a.title, bold: true }, a.reason]), { size: SIZE.small });
  w.line(w.left, w.y + 2, w.right, w.y + 2, { color: COLOR.rule, width: 0.8 });
  w.y -= 6;
}

const STATUS_LABEL = { confirmed: 'CONFIRMED', open: 'OPEN', dismissed: 'Dismissed' } as const;

export function drawScreening(w: Writer, m: ReportModel): void {
  const rows = m.screening.rows;
  w.paragraph(`${rows.length} potential match${rows.length === 1 ? '' : 'es'} found${m.screening.listsAsOf ? `; lists as of ${m.screening.listsAsOf}` : ''}. Confirmed matches first, then those awaiting review, then dismissed ones with the reviewer's reason.`, { size: SIZE.small, color: COLOR.muted, after: 8 });
  if (rows.length === 0) {
    w.paragraph('No party name or alias matched a listed name at or above the review threshold.');
    return;
  }
  drawTable(w, [
    { header: 'Party (name screened)', weight: 2.6 }, { header: 'Listed name', weight: 2.4 }, { header: 'List / ref', weight: 1.4 }, { header: 'Score', weight: 0.6, align: 'right' },
    { header: 'Status', weight: 1.1 }, { header: 'Reviewer, date', weight: 1.5 }, { header: 'Reason', weight: 3 },
  ], rows.map((r): Cell[] => [
    r.queryName && r.queryName !== r.party ? `${r.party} (${r.queryName})` : r.party,
    r.entry, `${r.list} ${r.entryRef}`, r.score.toFixed(2),
    { text: STATUS_LABEL[r.status], bold: r.status !== 'dismissed', color: r.status === 'confirmed' ? COLOR.warning : r.status === 'open' ? LEVEL_COLOR.high.strong : COLOR.muted },
    [r.reviewer, r.reviewedAt].filter(Boolean).join(', ') || '—', r.reason || (r.status === 'open' ? 'awaiting review' : '—'),
  ]), { size: SIZE.tiny, maxLines: 6 });
}

const ATTESTATION_LABEL = { not_requested: 'Not requested', awaiting: 'Awaiting', received: 'Received', contradicted: 'CONTRADICTED' } as const;

export function drawEvidence(w: Writer, m: ReportModel): void {
  w.heading('Evidence register', 2);
  if (m.evidence.rows.length === 0) w.paragraph('No evidence is recorded.');
  else drawTable(w, [
    { header: 'File', weight: 2.6 }, { header: 'About', weight: 2 }, { header: 'Type', weight: 1.5 }, { header: 'Date', weight: 1 }, { header: 'SHA-256', weight: 4.2 },
  ], m.evidence.rows.map((e): Cell[] => [
    { text: e.title && e.title !== e.file ? `${e.title} (${e.file})` : e.file, bold: true }, e.subject, e.type, e.date || '—', e.sha256,
  ]), { size: SIZE.tiny, maxLines: 4 });
  w.heading('Supplier attestations', 2);
  if (m.evidence.attestations.length === 0) {
    w.paragraph('No supplier is below the client in the chain.');
    return;
  }
  drawTable(w, [
    { header: 'Supplier', weight: 3 }, { header: 'Status', weight: 1.3 }, { header: 'Requested', weight: 1.1 }, { header: 'Received', weight: 1.1 }, { header: 'Signed by', weight: 2 }, { header: 'Issues found on reading it back', weight: 4 },
  ], m.evidence.attestations.map((a): Cell[] => [
    { text: a.supplier, bold: true },
    { text: ATTESTATION_LABEL[a.status], bold: a.status === 'contradicted', color: a.status === 'contradicted' ? COLOR.warning : a.status === 'received' ? COLOR.ok : COLOR.ink },
    a.requestedAt || '—', a.receivedAt || '—', a.signatory || '—', a.issues.length ? a.issues.join(' ') : '—',
  ]), { size: SIZE.tiny, maxLines: 6 });
}

export function drawAudit(w: Writer, m: ReportModel): void {
  const a = m.audit;
  w.paragraph(a.statement, { bold: true, color: !a.available ? COLOR.muted : a.verified ? COLOR.ok : COLOR.warning, after: 8 });
  if (!a.available) return;
  if (a.omitted) w.paragraph(`The ${a.omitted} oldest entries are not printed; the embedded data lists them all.`, { size: SIZE.small, color: COLOR.muted });
  drawTable(w, [
    { header: '#', weight: 0.6, align: 'right' }, { header: 'When (UTC)', weight: 1.8 }, { header: 'Who', weight: 1.6 }, { header: 'Action', weight: 0.9 }, { header: 'Record', weight: 3.2 }, { header: 'Entry hash', weight: 1.8 },
  ], a.rows.map((r): Cell[] => [String(r.seq), r.at, r.actor, r.action, r.entity, r.hash]), { size: SIZE.tiny, maxLines: 2 });
}

export function drawSignoff(w: Writer, m: ReportModel): void {
  w.paragraph(m.signoff.statement, { after: 18 });
  const boxes = [['Prepared by', m.signoff.author], ['Reviewed by', ''], ['Approved by', '']] as const;
  for (const [role, name] of boxes) {
    w.ensure(96);
    const top = w.y;
    w.rect(w.left, top - 84, w.contentWidth, 84, { border: COLOR.rule });
    w.text(role, w.left + 10, top - 16, { size: SIZE.small, bold: true, color: COLOR.muted });
    const col = w.contentWidth / 3;
    const fields: readonly (readonly [string, string])[] = [['Name', name], ['Organisation', role === 'Prepared by' ? m.signoff.organisation : ''], ['Date', role === 'Prepared by' ? m.signoff.asOf : '']];
    fields.forEach(([label, value], i) => {
      const x = w.left + 10 + i * col;
      if (value) w.text(w.fit(value, col - 20), x, top - 40, { size: SIZE.body });
      w.line(x, top - 46, x + col - 20, top - 46, { color: COLOR.muted });
      w.text(label, x, top - 56, { size: SIZE.tiny, color: COLOR.muted });
    });
    w.text('Signature', w.left + 10, top - 76, { size: SIZE.tiny, color: COLOR.muted });
    w.line(w.left + 60, top - 74, w.left + 10 + col * 2 - 20, top - 74, { color: COLOR.muted });
    w.y = top - 96;
  }
}

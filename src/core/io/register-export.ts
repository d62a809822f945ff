/**
 * The register workbook: a project as sheets a client's own tools can read: parties with their risk
 * scores, levels, completeness and screening hits; links; workforce facts; findings (the indicators
 * behind each score); screening hits; and the evidence register with file hashes. Every text cell is
 * neutralised against formula injection; the bytes depend only on the inputs.
 */
import { buildGraph, computeTiers } from '../chain/graph';
import { countryName, labelOf } from '../model';
import type { ProjectSnapshot } from '../model';
import type { ProjectRiskResult } from '../risk';
import { APP_VERSION } from '../version';
import { compareRefs, workbookIds } from './template-write';
import type { OutCell, SheetOut } from './xlsx-write';
import { writeWorkbook } from './xlsx-write';

export const REGISTER_FORMAT_VERSION = 'register-1';

export interface RegisterOptions {
  /** The risk result for the snapshot; without it the score columns say "not scored". */
  readonly risk?: ProjectRiskResult;
  /** When the export was made (from the injected clock), printed on the Summary sheet. */
  readonly exportedAt: string;
  /** List sensitive evidence by hash only: no title, file name or description. */
  readonly redactSensitive?: boolean;
}

const sheet = (name: string, header: string[], rows: OutCell[][], widths: number[]): SheetOut => ({ name, rows: [header, ...rows], widths, freezeHeader: true });
const pct = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n * 1000) / 10);

/** Writes the register workbook for a project. */
export function writeRegister(snapshot: ProjectSnapshot, options: RegisterOptions): Uint8Array {
  const { project } = snapshot;
  const ids = workbookIds(snapshot.parties);
  const refOf = (id: string) => ids.get(id) ?? id;
  const names = new Map(snapshot.parties.map((p) => [p.id, p.name] as const));
  const tiers = computeTiers(buildGraph(snapshot.parties, snapshot.links));
  const riskOf = new Map((options.risk?.parties ?? []).map((r) => [r.partyId, r] as const));
  const parties = [...snapshot.parties].sort((a, b) => compareRefs(refOf(a.id), refOf(b.id)));
  const hitCounts = new Map<string, number>();
  for (const h of snapshot.hits) hitCounts.set(`${h.partyId}|${h.status}`, (hitCounts.get(`${h.partyId}|${h.status}`) ?? 0) + 1);
  const hitsOf = (id: string, status: string) => hitCounts.get(`${id}|${status}`) ?? 0;

  const summary: OutCell[][] = [
    ['Project', project.name],
    ['Site', project.site],
    ['Host country', project.hostCountry ? `${countryName(project.hostCountry)} (${project.hostCountry})` : ''],
    ['Client', project.client],
    ['Start date', project.startDate],
    ['End date', project.endDate],
    ['Exported at', options.exportedAt],
    ['Exported by', `Subtier ${APP_VERSION}, ${REGISTER_FORMAT_VERSION}`],
    ['Risk model', options.risk ? `${options.risk.modelVersion} (weights ${options.risk.weightsHash.slice(0, 12)})` : 'not scored'],
    ['Project rating', options.risk ? `${options.risk.project.rating} (${options.risk.project.score})` : 'not scored'],
    ['Project completeness %', pct(options.risk?.project.completeness)],
    ['Parties', snapshot.parties.length],
    ['Links', snapshot.links.length],
    ['Open screening hits', snapshot.hits.filter((h) => h.status === 'open').length],
    ['Evidence files', snapshot.evidence.length],
    [],
    ['Unknown is not low: a blank or "unknown" value is a gap to close. Text starting with = + - @ is prefixed with an apostrophe so that spreadsheet programs show it instead of running it.'],
  ];

  const partyRows = parties.map((p) => {
    const r = riskOf.get(p.id);
    return [
      refOf(p.id), p.name, labelOf(p.kind), p.country, p.country ? countryName(p.country) : '', p.sector, tiers.get(p.id) ?? null,
      r ? r.inherent.score : null, r ? r.inherent.level : 'not scored', r ? r.exposure.score : null, r ? r.exposure.level : 'not scored',
      r ? pct(r.completeness) : null, r ? (r.insufficient ? 'yes' : 'no') : '',
      hitsOf(p.id, 'open'), hitsOf(p.id, 'confirmed'), hitsOf(p.id, 'dismissed'),
      r ? r.indicators.map((i) => `${i.code} ${i.title}`).join('; ') : '', p.aliases.join('; '), p.registrationNumber, p.address, p.isClient ? 'yes' : '', p.notes,
    ];
  });
  const linkRows = [...snapshot.links]
    .sort((a, b) => compareRefs(refOf(a.from), refOf(b.from)) || compareRefs(refOf(a.to), refOf(b.to)) || (a.relation < b.relation ? -1 : 1))
    .map((l) => [refOf(l.from), names.get(l.from) ?? '', l.relation, refOf(l.to), names.get(l.to) ?? '', l.value, l.currency, l.sharePct, l.channel ?? '', l.startDate, l.endDate, l.notes]);
  const workforceRows = parties.filter((p) => p.kind === 'workforce').map((p) => {
    const w = p.workforce;
    return [refOf(p.id), p.name, w?.nationality ?? '', w?.nationality ? countryName(w.nationality) : '', w?.headcount ?? null, w?.wagePayment ?? 'unknown', w?.passportsHeldBy ?? 'unknown', w?.individualContracts ?? 'unknown', w?.housing ?? 'unknown', w?.visaType ?? '', w?.arrivalDate ?? '', w?.notes ?? ''];
  });
  const findingRows: OutCell[][] = [];
  for (const p of parties) {
    const r = riskOf.get(p.id);
    if (!r) continue;
    for (const i of r.indicators) findingRows.push([refOf(p.id), p.name, i.code, i.title, i.confidence, Math.round(i.contribution * 10) / 10, i.evidence.map((e) => e.text).join(' '), i.sources.map((s) => `[${s.id}] ${s.title}`).join('; ')]);
    for (const note of r.notes) findingRows.push([refOf(p.id), p.name, 'RULE', note, '', null, '', '']);
    for (const g of r.gaps) findingRows.push([refOf(p.id), p.name, 'GAP', g.title, 'unknown', Math.round(g.contribution * 10) / 10, `Unknown: ${g.unknownFacts.map((f) => f.label).join('; ')}`, '']);
  }
  const hitRows = [...snapshot.hits]
    .sort((a, b) => compareRefs(refOf(a.partyId), refOf(b.partyId)) || b.score - a.score || (a.id < b.id ? -1 : 1))
    .map((h) => [refOf(h.partyId), names.get(h.partyId) ?? '', h.queryName, h.listSource, h.entryRef, h.entryName, h.matchedName, Math.round(h.score * 1000) / 1000, h.status, h.reason, h.reviewer, h.reviewedAt]);
  const subjectOf = (type: string, id: string) => (type === 'party' ? `${refOf(id)} ${names.get(id) ?? ''}`.trim() : type === 'link' ? `link ${id}` : 'project');
  const evidenceRows = [...snapshot.evidence]
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
    .map((e) => {
      const hidden = e.sensitive && options.redactSensitive;
      return [e.id, hidden ? '(sensitive, withheld)' : e.title, hidden ? '' : e.fileName, subjectOf(e.subject.type, e.subject.id), e.mediaType, e.size, e.sha256, e.capturedAt, e.sensitive ? 'yes' : 'no', hidden ? '' : e.description];
    });

  return writeWorkbook([
    { name: 'Summary', rows: summary, widths: [26, 60] },
    sheet('Parties', ['ID', 'Name', 'Kind', 'Country', 'Country name', 'Sector', 'Tier', 'Inherent score', 'Inherent level', 'Exposure score', 'Exposure level', 'Completeness %', 'Insufficient data', 'Open hits', 'Confirmed hits', 'Dismissed hits', 'Indicators', 'Aliases', 'Registration number', 'Address', 'Client', 'Notes'], partyRows, [12, 32, 16, 8, 18, 20, 6, 10, 12, 10, 12, 13, 10, 9, 10, 10, 50, 28, 18, 28, 7, 30]),
    sheet('Links', ['From ID', 'From', 'Relation', 'To ID', 'To', 'Value', 'Currency', 'Share %', 'Channel', 'Start', 'End', 'Notes'], linkRows, [12, 28, 16, 12, 28, 14, 9, 8, 18, 12, 12, 30]),
    sheet('Workforce', ['Party ID', 'Name', 'Nationality', 'Nationality name', 'Headcount', 'Wage payment', 'Passports held by', 'Individual contracts', 'Housing', 'Visa type', 'Arrived', 'Notes'], workforceRows, [12, 28, 11, 18, 10, 20, 18, 18, 12, 14, 12, 30]),
    sheet('Findings', ['Party ID', 'Party', 'Code', 'Finding', 'Confidence', 'Points', 'Evidence', 'Sources'], findingRows, [12, 28, 8, 40, 11, 8, 60, 50]),
    sheet('Screening hits', ['Party ID', 'Party', 'Screened name', 'List', 'Entry', 'Entry name', 'Matched name', 'Score', 'Status', 'Reason', 'Reviewer', 'Reviewed at'], hitRows, [12, 28, 28, 14, 12, 30, 28, 7, 10, 40, 16, 20]),
    sheet('Evidence', ['Evidence ID', 'Title', 'File name', 'About', 'Media type', 'Size (bytes)', 'SHA-256', 'Captured', 'Sensitive', 'Description'], evidenceRows, [16, 30, 24, 28, 18, 12, 66, 12, 9, 40]),
  ], `Subtier register: ${project.name}`);
}

// A synthetic project of N parties for size and speed checks: a client, general contractors,
// subcontractors several tiers deep, labour agencies and crews (some DPRK), banks and payments, with
// names in Latin, Cyrillic, Hangul and Arabic, hits, evidence and risk results to match.
import { evidenceSchema, linkSchema, partySchema, projectSchema, screeningHitSchema } from '../../../src/core/model';
import type { Link, Party } from '../../../src/core/model';
import { REPORT_SECTIONS } from '../../../src/core/report/report-input';
import type { PartyRisk, ReportInput, RiskLevel } from '../../../src/core/report/report-input';

const T = '2026-03-01T09:00:00.000Z';
const PRJ = 'prj_large';
const meta = (id: string) => ({ id, createdAt: T, updatedAt: T, projectId: PRJ });
const SCRIPTS = [
  (i: number) => `Contractor ${i} General Trading W.L.L.`,
  (i: number) => `Строймонтаж ${i} ООО`,
  (i: number) => `대성건설 ${i} 주식회사`,
  (i: number) => `شركة البناء ${i}`,
];
const LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high', 'critical'];

/** A deterministic pseudo-random sequence, so every run builds the same project. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

export function largeInput(n: number): ReportInput {
  const rand = rng(7);
  const parties: Party[] = [];
  const links: Link[] = [];
  const add = (kind: Party['kind'], name: string, extra: Partial<Party> = {}) => {
    const id = `pty_${String(parties.length).padStart(5, '0')}`;
    parties.push(partySchema.parse({ ...meta(id), kind, name, country: 'QA', ...extra }));
    return id;
  };
  const link = (relation: Link['relation'], from: string, to: string, extra: Partial<Link> = {}) =>
    links.push(linkSchema.parse({ ...meta(`lnk_${String(links.length).padStart(5, '0')}`), relation, from, to, ...extra }));
  const client = add('organization', 'Stadium Development Company', { isClient: true });
  const banks = [add('bank', 'Pearl Coast Bank'), add('bank', 'Северная Пристань Банк', { country: 'RU' })];
  const frontier: string[] = [client];
  while (parties.length < n) {
    const parent = frontier[Math.floor(rand() * frontier.length)]!;
    const r = rand();
    const i = parties.length;
    if (r < 0.25 && parent !== client) {
      const crew = add('workforce', `Crew ${i}`, { workforce: { nationality: rand() < 0.1 ? 'KP' : 'NP', headcount: 20 + Math.floor(rand() * 80), wagePayment: rand() < 0.3 ? 'team_leader' : 'individual_account', passportsHeldBy: 'unknown', individualContracts: 'unknown', housing: 'unknown', visaType: '', arrivalDate: '', notes: '' } });
      link('employs', parent, crew);
    } else {
      const sub = add('organization', SCRIPTS[i % SCRIPTS.length]!(i), { country: ['QA', 'RU', 'KR', 'AE'][i % 4]!, ref: `SUB-${i}` });
      link('subcontracts', parent, sub);
      link('pays', parent, sub, { channel: rand() < 0.1 ? 'cash' : 'bank_transfer' });
      if (rand() < 0.2) link('banks_with', sub, banks[i % 2]!);
      frontier.push(sub);
    }
  }
  const hits = parties.filter((_, i) => i % 40 === 5).map((p, k) => screeningHitSchema.parse({
    ...meta(`hit_${k}`), partyId: p.id, queryName: p.name, listId: 'lst_un', listSource: 'UN', entryRef: `KPe.${100 + k}`, entryName: `LISTED ENTITY ${k}`, matchedName: `LISTED ENTITY ${k}`, score: 0.8, explanation: null, entryHash: 'h', status: (['open', 'confirmed', 'dismissed'] as const)[k % 3], reason: k % 3 === 2 ? 'Different registration and country.' : '', reviewer: k % 3 ? 'Reviewer' : '',
  }));
  const evidence = parties.filter((_, i) => i % 25 === 3).map((p, k) => evidenceSchema.parse({ ...meta(`evd_${k}`), subject: { type: 'party', id: p.id }, title: `Payroll extract ${k}`, fileName: `payroll-${k}.pdf`, mediaType: 'application/pdf', size: 1000 + k, sha256: (k.toString(16).padStart(2, '0')).repeat(32), capturedAt: '2026-02-01' }));
  const risk: PartyRisk[] = parties.map((p, i) => {
    const lv = p.workforce?.nationality === 'KP' ? 'critical' : LEVELS[Math.floor(rand() * 4)]!;
    const score = { low: 10, medium: 30, high: 60, critical: 90 }[lv];
    return {
      partyId: p.id, inherent: { score, level: lv }, exposure: { score, level: lv }, completeness: rand(), insufficient: i % 9 === 0, notes: [], missingFacts: i % 9 === 0 ? ['Payment channels'] : [],
      indicators: lv === 'low' ? [] : [{ id: 'wages-not-to-workers', title: 'Wages not paid to workers individually', confidence: 'reported', contribution: score, detail: 'Wages paid through a team leader.', evidenceIds: [], sources: ['[S1] 2018 advisory'] }],
      paths: [],
    };
  });
  return {
    snapshot: {
      project: projectSchema.parse({ id: PRJ, createdAt: T, updatedAt: T, name: `Synthetic stadium (${n} parties)`, hostCountry: 'QA', client: 'Stadium Development Company' }),
      parties, links, evidence, questionnaires: [], overrides: [], hits, attestations: [],
    },
    risk: {
      modelVersion: 'subtier-risk-1.0', weightsHash: 'f'.repeat(64), project: { rating: 'critical', score: 90, completeness: 0.5 }, parties: risk,
      catalog: [{ id: 'wages-not-to-workers', title: 'Wages not paid to workers individually', severity: 'high', weight: 60, sources: ['[S1] 2018 advisory'] }], cycles: [],
    },
    lists: [{ id: 'lst_un', name: 'UN Security Council Consolidated List (DPRK)', source: 'UN', publishedAt: '2026-02-27', files: [{ name: 'un-consolidated.xml', sha256: 'd'.repeat(64) }], entries: 155 }],
    audit: null,
    options: { asOf: '2026-03-15', redact: false, sections: [...REPORT_SECTIONS], author: 'Bench', organisation: 'Bench' },
  };
}

// A small, hand-made project for report tests: a client, a general contractor, subcontractors with
// Korean, Russian and Arabic names, a DPRK crew, a worker person, a bank, evidence (one sensitive),
// screening hits in each status, an attestation, and risk results written out by hand so the
// report's tests do not move when the risk engine's weights do.
import { readFileSync } from 'node:fs';
import {
  attestationSchema, evidenceSchema, linkSchema, partySchema, projectSchema, questionnaireSchema, screeningHitSchema, sealAuditEntry, verifyAuditChain,
} from '../../../src/core/model';
import type { AuditEntry, Link, Party, ProjectSnapshot } from '../../../src/core/model';
import { REPORT_FONT_FILES } from '../../../src/core/report/pdf/fonts';
import type { ReportFontBytes } from '../../../src/core/report/pdf/fonts';
import { REPORT_SECTIONS } from '../../../src/core/report/report-input';
import type { PartyRisk, ReportInput, RiskLevel } from '../../../src/core/report/report-input';
import { REPO_ROOT } from '../../support/shared';

const T = '2026-03-01T09:00:00.000Z';
const meta = (id: string) => ({ id, createdAt: T, updatedAt: T });
const PRJ = 'prj_fixture';

export function loadFonts(): ReportFontBytes {
  const out = {} as Record<keyof ReportFontBytes, Uint8Array>;
  for (const [slot, file] of Object.entries(REPORT_FONT_FILES)) out[slot as keyof ReportFontBytes] = new Uint8Array(readFileSync(`${REPO_ROOT}/assets/fonts/${file}`));
  return out;
}

export const NAMES = {
  client: 'Lusail Arena Development Company',
  gc: 'Halvorsen Dunmore Contracting W.L.L.',
  hangul: '조선릉라도무역총회사',
  cyrillic: 'Балтийский Стальмонтаж ООО',
  arabic: 'شركة النور للخدمات',
  crew: 'Steel erection crew',
  worker: 'Ri Chol Jin',
  bank: 'Severnaya Pristan Bank JSC',
} as const;

const party = (id: string, kind: Party['kind'], name: string, extra: Partial<Party> = {}): Party =>
  partySchema.parse({ ...meta(id), projectId: PRJ, kind, name, ...extra });
const link = (id: string, relation: Link['relation'], from: string, to: string, extra: Partial<Link> = {}): Link =>
  linkSchema.parse({ ...meta(id), projectId: PRJ, relation, from, to, ...extra });

export function fixtureSnapshot(): ProjectSnapshot {
  const parties = [
    party('pty_01', 'organization', NAMES.client, { isClient: true, country: 'QA', ref: 'CL-1' }),
    party('pty_02', 'organization', NAMES.gc, { country: 'QA', ref: 'GC-1' }),
    party('pty_03', 'organization', NAMES.hangul, { country: 'KP', ref: 'SUB-3', aliases: ['Korea Rungrado General Trading Corp'] }),
    party('pty_04', 'organization', NAMES.cyrillic, { country: 'RU', ref: 'SUB-4' }),
    party('pty_05', 'organization', NAMES.arabic, { country: 'QA', ref: 'SUB-5' }),
    party('pty_06', 'workforce', NAMES.crew, { country: 'QA', workforce: { nationality: 'KP', headcount: 60, wagePayment: 'team_leader', passportsHeldBy: 'agency', individualContracts: 'no', housing: 'compound', visaType: 'trainee', arrivalDate: '2025-06-01', notes: 'Interview 3: the team leader collects all wages.' } }),
    party('pty_07', 'person', NAMES.worker, { isWorker: true, country: 'KP', notes: 'Interviewed on 2026-02-10 near the site.' }),
    party('pty_08', 'bank', NAMES.bank, { country: 'RU' }),
  ];
  const links = [
    link('lnk_01', 'subcontracts', 'pty_01', 'pty_02'),
    link('lnk_02', 'subcontracts', 'pty_02', 'pty_04'),
    link('lnk_03', 'subcontracts', 'pty_02', 'pty_05'),
    link('lnk_04', 'supplies_labor', 'pty_03', 'pty_04'),
    link('lnk_05', 'employs', 'pty_04', 'pty_06'),
    link('lnk_06', 'pays', 'pty_04', 'pty_03', { channel: 'third_party_account', value: 1_200_000, currency: 'USD' }),
    link('lnk_07', 'banks_with', 'pty_04', 'pty_08'),
    link('lnk_08', 'employs', 'pty_06', 'pty_07', { notes: `${NAMES.worker} said the minder keeps passports.` }),
  ];
  const evidence = [
    evidenceSchema.parse({ ...meta('evd_01'), projectId: PRJ, subject: { type: 'party', id: 'pty_06' }, title: 'Site badge list, March', fileName: 'badges-2026-03.xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 18_233, sha256: 'a'.repeat(64), capturedAt: '2026-03-01' }),
    evidenceSchema.parse({ ...meta('evd_02'), projectId: PRJ, subject: { type: 'party', id: 'pty_07' }, title: `Interview with ${NAMES.worker}`, fileName: 'interview-ri.m4a', mediaType: 'audio/mp4', size: 2_000_000, sha256: 'b'.repeat(64), capturedAt: '2026-02-10', sensitive: true, description: 'Recorded with consent.' }),
  ];
  const hit = (id: string, partyId: string, status: 'open' | 'confirmed' | 'dismissed', entry: string, ref: string, score: number, extra: object = {}) => screeningHitSchema.parse({
    ...meta(id), projectId: PRJ, partyId, queryName: parties.find((p) => p.id === partyId)!.name, listId: 'lst_un', listSource: 'UN', entryRef: ref, entryName: entry, matchedName: entry, score, explanation: null, entryHash: 'h', status, ...extra,
  });
  const hits = [
    hit('hit_01', 'pty_03', 'confirmed', 'KOREA RUNGRADO GENERAL TRADING CORPORATION', 'KPe.042', 0.97, { reviewer: 'M. Haddad', reviewedAt: '2026-03-02T10:00:00.000Z', reason: 'Same name in Korean and romanised; DPRK registration.' }),
    hit('hit_02', 'pty_02', 'dismissed', 'KOREA DUNMORE', 'KPe.999', 0.71, { reviewer: 'M. Haddad', reviewedAt: '2026-03-02T10:05:00.000Z', reason: 'Shares only the word Dunmore; Qatari company.' }),
    hit('hit_03', 'pty_05', 'open', 'AL NOOR TRADING', '20578', 0.74, { listId: 'lst_ofac', listSource: 'OFAC' }),
  ];
  const questionnaires = [questionnaireSchema.parse({ ...meta('qst_01'), projectId: PRJ, partyId: 'pty_06', answers: [{ questionId: 'q.own-passports', answer: 'no', note: `${NAMES.worker} says the minder holds them.`, evidenceIds: ['evd_02'] }] })];
  const attestations = [attestationSchema.parse({ ...meta('att_01'), projectId: PRJ, partyId: 'pty_04', status: 'contradicted', requestedAt: '2026-02-01', receivedAt: '2026-02-20', signatoryName: 'Andrei Lebedinsky', signatoryTitle: 'Director', answers: { dprkNationals: 'no' }, issues: ['Says no DPRK nationals are employed, but Steel erection crew is recorded as DPRK.'] })];
  return {
    project: projectSchema.parse({ ...meta(PRJ), name: 'Lusail Arena East Stand', site: 'Lusail, Qatar', hostCountry: 'QA', client: NAMES.client, startDate: '2025-01-01', endDate: '2027-06-30' }),
    parties, links, evidence, questionnaires, overrides: [], hits, attestations,
  };
}

const pr = (partyId: string, inherent: [number, RiskLevel], exposure: [number, RiskLevel], extra: Partial<PartyRisk> = {}): PartyRisk => ({
  partyId, inherent: { score: inherent[0], level: inherent[1] }, exposure: { score: exposure[0], level: exposure[1] },
  completeness: 0.8, insufficient: false, indicators: [], notes: [], missingFacts: [], paths: [], ...extra,
});

export function fixtureInput(options: Partial<ReportInput['options']> = {}): ReportInput {
  const snapshot = fixtureSnapshot();
  const entries: AuditEntry[] = [];
  for (const p of snapshot.parties) entries.push(sealAuditEntry({ at: T, actor: 'M. Haddad', projectId: PRJ, entity: 'party', entityId: p.id, action: 'create', before: null, after: p }, entries.at(-1)));
  return {
    snapshot,
    risk: {
      modelVersion: 'subtier-risk-1.0',
      weightsHash: 'c'.repeat(64),
      project: { rating: 'critical', score: 95, completeness: 0.71 },
      parties: [
        pr('pty_01', [5, 'low'], [88, 'critical'], { paths: [['pty_01', 'pty_02', 'pty_04', 'pty_06']] }),
        pr('pty_02', [10, 'low'], [90, 'critical'], { paths: [['pty_02', 'pty_04', 'pty_06']] }),
        pr('pty_03', [95, 'critical'], [95, 'critical'], {
          indicators: [{ id: 'sanctions-match', title: 'Sanctions match of the party, an owner or an officer', confidence: 'confirmed', contribution: 95, detail: 'Confirmed match with KOREA RUNGRADO GENERAL TRADING CORPORATION (UN KPe.042).', evidenceIds: [], sources: ['[S28] UN Security Council Consolidated List', '[S60] OFAC SDN list'] }],
          notes: ['Critical: a confirmed designation match (hard rule).'],
        }),
        pr('pty_04', [40, 'medium'], [92, 'critical'], {
          indicators: [{ id: 'opaque-payment-channel', title: 'Payments via third-country, borrowed-name or cash channels', confidence: 'confirmed', contribution: 40, detail: `Pays ${NAMES.hangul} through a third-party account.`, evidenceIds: [], sources: ['[S1] 2018 advisory', '[S117] RFA'] }],
          paths: [['pty_04', 'pty_06'], ['pty_04', 'pty_03']],
        }),
        pr('pty_05', [25, 'medium'], [25, 'medium'], { completeness: 0.3, insufficient: true, missingFacts: ['Subcontractors or crews disclosed', 'Payment channels'] }),
        pr('pty_06', [100, 'critical'], [100, 'critical'], {
          indicators: [
            { id: 'dprk-nationals', title: 'DPRK nationals in the workforce', confidence: 'confirmed', contribution: 70, detail: 'Workforce nationality recorded as KP (60 workers).', evidenceIds: ['evd_01'], sources: ['[S20] UNSCR 2397 para. 8'] },
            { id: 'passports-held', title: 'Passports held by others', confidence: 'reported', contribution: 20, detail: `Passports held by the agency; ${NAMES.worker} confirmed it.`, evidenceIds: ['evd_02'], sources: ['[S130] ILO indicators'] },
          ],
          notes: ['Critical: DPRK nationals working (hard rule).'],
        }),
        pr('pty_07', [60, 'high'], [60, 'high'], { indicators: [{ id: 'dprk-nationals', title: 'DPRK nationals in the workforce', confidence: 'reported', contribution: 60, detail: 'A person of DPRK nationality marked as a worker.', evidenceIds: ['evd_02'], sources: ['[S20] UNSCR 2397 para. 8'] }] }),
        pr('pty_08', [20, 'medium'], [20, 'medium']),
      ],
      catalog: [
        { id: 'sanctions-match', title: 'Sanctions match of the party, an owner or an officer', severity: 'critical', weight: 100, sources: ['[S28] UN Security Council Consolidated List', '[S60] OFAC SDN list'] },
        { id: 'dprk-nationals', title: 'DPRK nationals in the workforce', severity: 'critical', weight: 90, sources: ['[S20] UNSCR 2397 para. 8'] },
        { id: 'passports-held', title: 'Passports held by others', severity: 'high', weight: 50, sources: ['[S130] ILO indicators'] },
        { id: 'opaque-payment-channel', title: 'Payments via third-country, borrowed-name or cash channels', severity: 'high', weight: 50, sources: ['[S1] 2018 advisory', '[S117] RFA'] },
      ],
      cycles: [],
    },
    lists: [
      { id: 'lst_un', name: 'UN Security Council Consolidated List (DPRK)', source: 'UN', publishedAt: '2026-02-27', files: [{ name: 'un-consolidated.xml', sha256: 'd'.repeat(64) }], entries: 155 },
      { id: 'lst_ofac', name: 'OFAC SDN (DPRK programs)', source: 'OFAC', publishedAt: '2026-02-20', files: [{ name: 'sdn.csv', sha256: 'e'.repeat(64) }, { name: 'alt.csv', sha256: '9'.repeat(64) }], entries: 310 },
    ],
    audit: { verification: verifyAuditChain(entries), entries: entries.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, entity: e.entity, entityId: e.entityId, action: e.action, hash: e.hash })) },
    options: { asOf: '2026-03-15', redact: false, sections: [...REPORT_SECTIONS], author: 'Mina Haddad', organisation: 'Northgate Compliance LLP', ...options },
  };
}

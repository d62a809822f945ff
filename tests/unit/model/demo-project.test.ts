// The embedded demo project (assets/samples/stadium-demo.json): it must load through the same
// validation as any project file, span at least four tiers, and carry the red flags and lookalikes
// the screening, risk and report features are demonstrated with.
//
// What the demo is meant to show (for screening and risk work):
//
// True hits (confirm):
//   pty_demo_012 "Korea Rŭngnado General Trading Corp." (KP), parent of the agency Silver Falcon (49%),
//       supplies its labour and recruited the DPRK crew
//       -> OFAC 19613 KOREA RUNGRADO GENERAL TRADING CORPORATION (DPRK3; a.k.a. RYNRADO). Not on the UN list.
//          The same root also matches OFAC 23153 KOREA RUNGRADO RYONGAK TRADING CO and 23154 KOREA RUNGRADO
//          SHIPPING CO (DPRK4, shipping) and vessel 23166 RUNG RA DO: different entities, dismiss.
//   pty_demo_018 "Kim Kangjin" (KP; Hangul 김강진, Cyrillic Ким Кан Джин), director of Silver Falcon,
//       DOB 22 Apr 1961 in the notes
//       -> OFAC 23088 KIM, Kang Jin (a.k.a. KIM, Kang-chin; DPRK2; Director, External Construction Bureau; DOB 22 Apr 1961).
//   pty_demo_016 "Mansoodae Overseas Projects Gulf" (AE; Hangul 만수대해외개발회사), sculpture sub of the landscaper
//       -> UN KPe.050 and OFAC 20578 MANSUDAE OVERSEAS PROJECT GROUP OF COMPANIES.
// Lookalikes (dismiss):
//   pty_demo_008 "Korea Sejong General Construction Co., Ltd." (KR, Seoul) shares only "Korea", "General",
//       "Construction" with OFAC 19611 KOREA GENERAL CORPORATION FOR EXTERNAL CONSTRUCTION (a.k.a. KOREA GENERAL
//       CONSTRUCTION) and OFAC 23083 EXTERNAL CONSTRUCTION BUREAU.
//   pty_demo_017 "Dandong Haifeng Trading Co., Ltd." shares only "Dandong ... Trading Co., Ltd." with listed
//       Dandong firms (e.g. OFAC 23176 DANDONG XIANGHE TRADING CO., LTD.); no name match, but risky by its role.
//   pty_demo_019 "Pak Song-il" shares only the given name with CHOE SONG IL (UN KPi.014, OFAC 18557).
// Risky by facts (expected high or critical):
//   pty_demo_028 steel erection crew: 62 DPRK nationals arrived 2024-05-14 (after 22 Dec 2019), paid via the team
//       leader, passports held by a minder, no individual contracts, guarded compound, business visit visas.
//   pty_demo_011 Silver Falcon Manpower Supply: employs that crew, 49% DPRK-owned, DPRK director, pays "wages"
//       lump-sum to a third-party account in Dandong (pty_demo_017), receives cash; its questionnaire answers
//       ("no DPRK nationals") contradict the crew facts.
//   pty_demo_006 Baltiyskiy Stalmontazh: 24-month labour contract with 30% up front, cash advances, unknown answers.
//   pty_demo_019 Pak Song-il: team leader / minder holding the crew's passports.
//   pty_demo_017 Dandong Haifeng Trading: receives lump-sum wages, no contract; banks at pty_demo_038.
// Gaps (insufficient information, never "low"):
//   pty_demo_013 Horizon Crew Solutions: the facade's labour tier goes dark (no crews, no answers).
//   pty_demo_007 Oasis Green Landscaping, pty_demo_014 Desert Breeze, pty_demo_031 and pty_demo_034 crews: little or no data.
// Moderate: pty_demo_030 MEP crew (passports held by the employer); pty_demo_004 Luminar (undisclosed subcontracting).
// Clean: client, general contractor, Gulf Precast, Al Noor, Himal, Sejong and their crews, owners, Gulf banks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnapshotJson } from '../../../src/cli/load-project';
import { buildGraph, computeTiers, outLinks } from '../../../src/core/chain/graph';
import { TIER_RELATIONS, parseProjectSnapshot } from '../../../src/core/model';
import type { Party } from '../../../src/core/model';
import { REPO_ROOT, describeWithShared, sanctionsPath } from '../../support/shared';

const FILE = `${REPO_ROOT}/assets/samples/stadium-demo.json`;
const text = readFileSync(FILE, 'utf8');
const snapshot = parseSnapshotJson(text, FILE);
const graph = buildGraph(snapshot.parties, snapshot.links);
const party = (id: string): Party => {
  const p = snapshot.parties.find((x) => x.id === id);
  if (!p) throw new Error(`demo has no ${id}`);
  return p;
};
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const allText = snapshot.parties.flatMap((p) => [p.name, ...p.aliases]);

describe('demo project file', () => {
  it('passes the project snapshot schemas and the referential checks', () => {
    const parsed = parseProjectSnapshot(JSON.parse(text));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    expect(snapshot.project.id).toBe('prj_demo');
    expect(snapshot.project.hostCountry).toBe('QA');
  });

  it('is deterministic: fixed ids and timestamps, canonical order, stable formatting', () => {
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    const raw = JSON.parse(text) as { parties: { id: string }[]; links: { id: string }[] };
    expect(raw.parties.map((p) => p.id)).toEqual(snapshot.parties.map((p) => p.id));
    expect(raw.links.map((l) => l.id)).toEqual(snapshot.links.map((l) => l.id));
    for (const p of snapshot.parties) expect(p.id).toMatch(/^pty_demo_\d{3}$/);
    for (const l of snapshot.links) expect(l.id).toMatch(/^lnk_demo_\d{3}$/);
    for (const r of [...snapshot.parties, ...snapshot.links, ...snapshot.questionnaires]) expect(r.createdAt).toMatch(/^2025-03-03T\d\d:\d\d:00\.000Z$/);
  });

  it('has at least 25 parties of every kind and exactly one client', () => {
    expect(snapshot.parties.length).toBeGreaterThanOrEqual(25);
    expect(new Set(snapshot.parties.map((p) => p.kind))).toEqual(new Set(['organization', 'person', 'workforce', 'bank']));
    expect(snapshot.parties.filter((p) => p.isClient).map((p) => p.id)).toEqual(['pty_demo_001']);
  });

  it('spans at least four tiers below the client', () => {
    const tiers = computeTiers(graph);
    expect(tiers.get('pty_demo_001')).toBe(0);
    const depths = new Set(tiers.values());
    for (const tier of [1, 2, 3, 4]) expect(depths.has(tier)).toBe(true);
    expect(tiers.get('pty_demo_028')).toBe(4);
  });

  it('has no dangling link, and uses every relation', () => {
    const ids = new Set(snapshot.parties.map((p) => p.id));
    for (const l of snapshot.links) {
      expect(ids.has(l.from), `${l.id}.from`).toBe(true);
      expect(ids.has(l.to), `${l.id}.to`).toBe(true);
    }
    expect(graph.dangling).toEqual([]);
    expect(new Set(snapshot.links.map((l) => l.relation))).toEqual(
      new Set(['subcontracts', 'supplies_labor', 'employs', 'recruits', 'pays', 'owns', 'banks_with']),
    );
    for (const l of snapshot.links.filter((x) => x.relation === 'pays')) {
      expect(l.channel).not.toBeNull();
      expect(l.value).toBeGreaterThan(0);
      expect(l.currency).toMatch(/^[A-Z]{3}$/);
    }
    for (const l of snapshot.links.filter((x) => x.relation === 'owns')) expect(l.sharePct).toBeGreaterThan(0);
  });

  it('contains names in Hangul, Cyrillic and Arabic', () => {
    expect(allText.some((s) => /\p{Script=Hangul}/u.test(s))).toBe(true);
    expect(allText.some((s) => /\p{Script=Cyrillic}/u.test(s))).toBe(true);
    expect(allText.some((s) => /\p{Script=Arabic}/u.test(s))).toBe(true);
  });

  it('varies in completeness: some parties answered a questionnaire, others have no data', () => {
    const answered = new Set(snapshot.questionnaires.map((q) => q.partyId));
    expect(answered.size).toBeGreaterThanOrEqual(5);
    expect(answered.has('pty_demo_002')).toBe(true);
    expect(answered.has('pty_demo_013')).toBe(false);
    expect(answered.has('pty_demo_007')).toBe(false);
    const emptyCrew = party('pty_demo_034').workforce!;
    expect([emptyCrew.nationality, emptyCrew.headcount, emptyCrew.wagePayment, emptyCrew.passportsHeldBy]).toEqual(['', null, 'unknown', 'unknown']);
    expect(snapshot.evidence).toEqual([]);
  });
});

describe('demo project red flags', () => {
  it('has a DPRK crew that arrived after 22 Dec 2019, paid via a team leader, passports with a minder, in a compound', () => {
    const crew = party('pty_demo_028');
    expect(crew.kind).toBe('workforce');
    expect(crew.workforce).toMatchObject({
      nationality: 'KP', wagePayment: 'team_leader', passportsHeldBy: 'minder', housing: 'compound', individualContracts: 'no',
    });
    expect(crew.workforce!.arrivalDate > '2019-12-22').toBe(true);
    expect(crew.workforce!.visaType).toMatch(/visit/i);
    const pay = snapshot.links.find((l) => l.relation === 'pays' && l.to === crew.id);
    expect(pay?.channel).toBe('team_leader');
  });

  it('has a labour agency owned by a DPRK trading company that supplies its labour', () => {
    const agency = party('pty_demo_011');
    const parent = party('pty_demo_012');
    expect(parent.country).toBe('KP');
    expect(fold(parent.name)).toBe('korea rungnado general trading corp');
    const owns = snapshot.links.filter((l) => l.relation === 'owns' && l.to === agency.id);
    expect(owns.map((l) => [l.from, l.sharePct])).toContainEqual([parent.id, 49]);
    expect(snapshot.links.some((l) => l.relation === 'supplies_labor' && l.from === parent.id && l.to === agency.id)).toBe(true);
    expect(snapshot.links.some((l) => l.relation === 'employs' && l.from === agency.id && l.to === 'pty_demo_028')).toBe(true);
  });

  it('has lump-sum wages to a third-party account and a cash channel', () => {
    const lump = snapshot.links.find((l) => l.relation === 'pays' && l.channel === 'third_party_account' && l.from === 'pty_demo_011');
    expect(lump?.to).toBe('pty_demo_017');
    expect(lump?.notes).toMatch(/lump sum/i);
    // The receiver has no contract with anyone on the project: money leaves the contract chain.
    expect([...graph.in.get('pty_demo_017')!, ...graph.out.get('pty_demo_017')!].some((l) => TIER_RELATIONS.has(l.relation))).toBe(false);
    expect(snapshot.links.some((l) => l.relation === 'pays' && l.channel === 'cash')).toBe(true);
  });

  it('has a DPRK director whose name is a romanization variant, linked to the agency', () => {
    const director = party('pty_demo_018');
    expect(director.kind).toBe('person');
    expect(director.aliases).toContain('김강진');
    expect(snapshot.links.some((l) => l.relation === 'employs' && l.from === 'pty_demo_011' && l.to === director.id)).toBe(true);
  });

  it('has a facade agency whose labour tier goes dark', () => {
    const dark = party('pty_demo_013');
    expect(snapshot.links.some((l) => l.relation === 'subcontracts' && l.from === 'pty_demo_004' && l.to === dark.id)).toBe(true);
    expect(outLinks(graph, dark.id, TIER_RELATIONS)).toEqual([]);
  });

  it('has a Seoul construction company that is only a lookalike', () => {
    const seoul = party('pty_demo_008');
    expect(seoul.country).toBe('KR');
    expect(seoul.address).toMatch(/Seoul/);
    expect(fold(seoul.name)).toContain('sejong');
  });
});

interface Designation { id: string; name: string; aliases: string[] }

describeWithShared('demo project against the real designations', () => {
  const records = JSON.parse(readFileSync(sanctionsPath('dprk-designations.json'), 'utf8')) as Designation[];
  const record = (id: string): Designation => {
    const r = records.find((x) => x.id === id);
    if (!r) throw new Error(`no designation ${id}`);
    return r;
  };
  const names = (r: Designation) => [r.name, ...r.aliases].map(fold);
  const words = (s: string) => new Set(fold(s).split(' '));

  it('points its intended true hits at real records, spelled differently from every listed form', () => {
    const cases: Array<[string, string[], string]> = [
      ['pty_demo_012', ['OFAC-19613'], 'rungrado'],
      ['pty_demo_018', ['OFAC-23088'], 'kang'],
      ['pty_demo_016', ['UN-KPe.050', 'OFAC-20578'], 'mansudae'],
    ];
    for (const [partyId, recordIds, root] of cases) {
      const p = party(partyId);
      for (const id of recordIds) {
        const listed = names(record(id));
        expect(listed.some((n) => n.includes(root)), `${id} contains ${root}`).toBe(true);
        // A variant, not a copy: no listed form equals the party's name once case and accents are folded.
        expect(listed).not.toContain(fold(p.name));
      }
    }
  });

  it('keeps the Seoul lookalike to shared generic words only', () => {
    const seoul = words(party('pty_demo_008').name);
    const listed = words('KOREA GENERAL CONSTRUCTION');
    expect(record('OFAC-19611').aliases).toContain('KOREA GENERAL CONSTRUCTION');
    expect([...listed].every((w) => seoul.has(w))).toBe(true);
    expect(records.some((r) => names(r).some((n) => n.includes('sejong')))).toBe(false);
  });

  it('uses invented names for everything else: no other party name or alias equals a listed form', () => {
    const intended = new Set(['pty_demo_012', 'pty_demo_016', 'pty_demo_018']);
    const listed = new Set(records.flatMap(names));
    for (const p of snapshot.parties.filter((x) => !intended.has(x.id))) {
      // Names in other scripts fold to nothing here; screening covers them through transliteration.
      for (const n of [p.name, ...p.aliases].filter((x) => fold(x) !== '')) expect(listed.has(fold(n)), `${p.id} ${n}`).toBe(false);
    }
  });
});

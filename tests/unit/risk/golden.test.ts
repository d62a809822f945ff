// Hand-computed golden scenarios for the risk engine: each expected number is worked out in the
// comment above it from the documented method (noisy-OR of weight × confidence, log-share
// contributions, hard rules, max-path attenuation), with the shipped default weights.
import { describe, expect, it } from 'vitest';
import { partyRiskById, questionsForParty, scoreProject } from '../../../src/core/risk';
import type { ProjectRiskResult } from '../../../src/core/risk';
import type { ProjectSnapshot } from '../../../src/core/model';
import { answers, cleanAnswers, crew, evidence, hit, link, org, override, project, snapshot } from './build';

const FR = project({ hostCountry: 'FR' }); // no documented DPRK labour: A13 stays out of the sums
const party = (r: ProjectRiskResult, id: string) => partyRiskById(r, id)!;

/** A construction subcontractor in France, every question answered clean except those in `red`/`skip`. */
function documentedOrg(red: Record<string, 'yes' | 'no' | ['yes' | 'no', 'confirmed' | 'reported' | 'suspected']> = {}, skip: string[] = []): ProjectSnapshot {
  const base = snapshot({ project: FR, parties: [org('a', { country: 'FR', sector: 'construction' })] });
  const qs = questionsForParty(base, 'a').filter((q) => !skip.includes(q.id) && !(q.id in red));
  const clean = cleanAnswers('qst_clean', 'a', qs);
  return { ...base, questionnaires: [clean, answers('qst_red', 'a', red)] };
}

describe('inherent score', () => {
  it('is 0 and low for a fully documented clean party', () => {
    const p = party(scoreProject(documentedOrg()), 'a');
    expect(p).toMatchObject({ inherent: { score: 0, level: 'low' }, completeness: 1, insufficient: false, indicators: [], gaps: [] });
  });

  it('combines two red flags by noisy-OR and splits the points by log share', () => {
    // passports confirmed: p = 0.55 × 1 = 0.55; wages reported: p = 0.55 × 0.75 = 0.4125
    // score = 100 × (1 − 0.45 × 0.5875) = 73.5625 → 73.6 (high)
    // shares: −ln 0.45 = 0.79851, −ln 0.5875 = 0.53193 → 44.15 and 29.41 points
    const p = party(scoreProject(documentedOrg({ 'q.own-passports': ['no', 'confirmed'], 'q.wages-to-workers': 'no' })), 'a');
    expect(p.inherent).toEqual({ score: 73.6, level: 'high' });
    expect(p.indicators.map((i) => [i.id, i.confidence, i.contribution])).toEqual([
      ['passports-held', 'confirmed', 44.2],
      ['wages-not-to-workers', 'reported', 29.4],
    ]);
    expect(p.indicators[0]!.sources.map((s) => s.id)).toEqual(['S112', 'S114', 'S105', 'S130']);
    expect(p.indicators[0]!.evidence[0]!.text).toContain('Do the workers keep their own passports');
  });

  it('keeps part of the weight of an indicator whose facts are unknown', () => {
    // passports unanswered: gap p = 0.55 × 0.025 × 1/1 = 0.01375 → 1.4 points.
    // completeness by weight: the 21 facts weigh 935, the unknown one 55 → 880/935 = 0.941
    const p = party(scoreProject(documentedOrg({}, ['q.own-passports'])), 'a');
    expect(p.inherent).toEqual({ score: 1.4, level: 'low' });
    expect(p.gaps).toEqual([{ indicatorId: 'passports-held', title: 'Passports held by others', unknownFacts: [{ id: 'q.own-passports', label: 'Workers keep their passports' }], knownFacts: 0, contribution: 1.4 }]);
    expect(p.completeness).toBe(0.941);
    expect(p.totalFacts).toBe(21);
    expect(p.knownFacts).toBe(20);
  });

  it('never rates a party without data low: insufficient information lifts it to medium', () => {
    const r = scoreProject(snapshot({ project: FR, parties: [org('a')] }));
    const p = party(r, 'a');
    expect(p.insufficient).toBe(true);
    expect(p.completeness).toBe(0);
    expect(p.inherent.level).not.toBe('low');
    expect(r.project.insufficient).toBe(true);
    expect(r.project.rating).not.toBe('low');
  });

  it('makes DPRK nationals working critical (hard rule), at the floor of 90', () => {
    // A2 reported from the crew's recorded nationality: p = 0.95 × 0.75 = 0.7125 → 71.3, floored to 90.
    const base = snapshot({ project: FR, parties: [crew('c', { nationality: 'KP', headcount: 10, wagePayment: 'individual_account', passportsHeldBy: 'worker', individualContracts: 'yes', housing: 'open', visaType: 'Work permit' })] });
    const qs = questionsForParty(base, 'c').filter((q) => q.id !== 'q.dprk-nationals' && q.id !== 'q.dprk-agent');
    const r = scoreProject({ ...base, questionnaires: [cleanAnswers('q1', 'c', qs)] });
    const p = party(r, 'c');
    expect(p.inherent).toEqual({ score: 90, level: 'critical' });
    expect(p.indicators.map((i) => i.id)).toContain('dprk-nationals');
    expect(p.notes.join(' ')).toMatch(/Hard rule: DPRK nationals in the workforce \(reported\)/);
    expect(p.notes.join(' ')).toMatch(/raised from 71\.\d to 90/);
  });

  it('adds A15 when DPRK nationals earn income after 22 Dec 2019, and evidence makes facts confirmed', () => {
    const s = snapshot({ project: project({ hostCountry: 'FR', endDate: '2021-06-30' }), parties: [crew('c', { nationality: 'KP' })], evidence: [evidence('evd_1', 'c')] });
    const p = party(scoreProject(s), 'c');
    const a15 = p.indicators.find((i) => i.id === 'dprk-income-after-2019')!;
    expect(a15.confidence).toBe('confirmed');
    expect(a15.evidence[0]!.text).toContain('project runs until 2021-06-30');
  });

  it('does not apply the hard rule to a suspicion', () => {
    // questionnaire "yes", suspected: p = 0.95 × 0.5 = 0.475 → 47.5 (high), not critical
    const p = party(scoreProject(documentedOrg({ 'q.dprk-nationals': ['yes', 'suspected'] })), 'a');
    expect(p.inherent.score).toBeCloseTo(47.5, 0);
    expect(p.inherent.level).toBe('high');
    expect(p.notes).toEqual([]);
  });

  it('treats an open screening hit as suspected and a confirmed one as critical; dismissed counts for nothing', () => {
    const s = (status: 'open' | 'confirmed' | 'dismissed') => ({ ...documentedOrg(), hits: [hit('hit_1', 'a', status)] });
    // open: p = 0.99 × 0.5 = 0.495 → 49.5 (high)
    expect(party(scoreProject(s('open')), 'a').inherent).toEqual({ score: 49.5, level: 'high' });
    // confirmed: p = 0.99 → 99 (critical, hard rule)
    expect(party(scoreProject(s('confirmed')), 'a').inherent).toEqual({ score: 99, level: 'critical' });
    expect(party(scoreProject(s('dismissed')), 'a').inherent.score).toBe(0);
  });

  it('passes an owner\'s designation on to the company it owns', () => {
    const base = documentedOrg();
    const s = { ...base, parties: [...base.parties, org('o', { country: 'FR', sector: 'holding' })], links: [link('l1', 'owns', 'o', 'a')], hits: [hit('hit_1', 'o', 'confirmed')] };
    const p = party(scoreProject(s), 'a');
    expect(p.inherent.level).toBe('critical');
    expect(p.indicators[0]!.evidence[0]!.text).toMatch(/^Owner Org o matches OFAC SDN 28225/);
  });

  it('lets an auditor add an indicator or rule one out, with the reason in the explanation', () => {
    const added = party(scoreProject({ ...documentedOrg(), overrides: [override('ovr_1', 'a', 'minders-compound', 'add', 'confirmed')] }), 'a');
    // p = 0.50 × 1 → 50 (high)
    expect(added.inherent).toEqual({ score: 50, level: 'high' });
    expect(added.indicators[0]).toMatchObject({ id: 'minders-compound', addedByAuditor: true, evidence: [{ kind: 'override', text: 'Auditor: test add' }] });
    const removed = party(scoreProject({ ...documentedOrg({ 'q.own-passports': 'no' }), overrides: [override('ovr_1', 'a', 'passports-held', 'remove')] }), 'a');
    expect(removed.inherent.score).toBe(0);
    expect(removed.ruledOut).toEqual([{ indicatorId: 'passports-held', title: 'Passports held by others', reason: 'test remove', overrideId: 'ovr_1' }]);
  });

  it('reports an answer the recorded data contradicts', () => {
    const base = documentedOrg();
    const s = { ...base, parties: [...base.parties, crew('c', { nationality: 'KP' })], links: [link('l1', 'employs', 'a', 'c')] };
    const p = party(scoreProject(s), 'a');
    expect(p.notes[0]).toBe('Contradiction: the answer on "DPRK nationals in the workforce" rules it out, but employs Crew c, recorded as North Korean (KP).');
  });
});

describe('exposure', () => {
  // g subcontracts s; s employs crew c (DPRK, 90). s carries A2 itself (it employs them): 90.
  const chain = () => {
    const c = crew('c', { nationality: 'KP' });
    return snapshot({ project: FR, parties: [org('g', { isClient: true }), org('s'), c], links: [link('l1', 'subcontracts', 'g', 's'), link('l2', 'employs', 's', 'c')] });
  };

  it('attenuates by relation along the best path: 0.9 × 90 = 81 for the contractor', () => {
    const r = scoreProject(chain());
    expect(party(r, 's').exposure).toEqual({ score: 90, level: 'critical', via: null });
    expect(party(r, 'g').exposure).toEqual({ score: 81, level: 'critical', via: 's' });
    expect(party(r, 'g').paths).toEqual([{ ids: ['g', 's'], relations: ['subcontracts'], score: 81 }]);
    expect(r.project).toMatchObject({ rating: 'critical', score: 90 });
  });

  it('puts a labour supplier below the contractor it supplies', () => {
    const s = snapshot({ project: FR, parties: [org('k'), org('agency', { country: 'KP' })], links: [link('l1', 'supplies_labor', 'agency', 'k')], hits: [hit('h', 'agency', 'confirmed')] });
    const r = scoreProject(s);
    // agency ≥ 99 (confirmed designation, DPRK-registered) → k: 0.9 × the agency's score; the agency is not exposed to k.
    const agency = party(r, 'agency').inherent.score;
    expect(agency).toBeGreaterThanOrEqual(99);
    expect(party(r, 'k').exposure.score).toBe(Math.round(9 * agency) / 10);
    expect(party(r, 'k').paths[0]!.ids).toEqual(['k', 'agency']);
    expect(party(r, 'agency').exposure.via).toBeNull();
  });

  it('follows the money: payer exposed to payee (0.9), account holder to its bank (0.7)', () => {
    const s = snapshot({
      project: FR,
      parties: [org('payer'), org('payee'), { ...org('bank'), kind: 'bank' as const }],
      links: [link('l1', 'pays', 'payer', 'payee', { channel: 'bank_transfer' }), link('l2', 'banks_with', 'payee', 'bank')],
      hits: [hit('h1', 'bank', 'confirmed')],
    });
    const r = scoreProject(s);
    expect(party(r, 'payee').exposure.score).toBe(69.3); // 0.7 × 99
    expect(party(r, 'payer').exposure.score).toBeCloseTo(62.37, 1); // 0.9 × 69.3
    expect(party(r, 'payer').paths[0]!.ids).toEqual(['payer', 'payee', 'bank']);
  });

  it('reports cycles and never loops through them', () => {
    const s = snapshot({
      project: FR,
      parties: [org('a'), org('b'), org('x'), crew('c', { nationality: 'KP' })],
      links: [link('l1', 'subcontracts', 'a', 'b'), link('l2', 'subcontracts', 'b', 'a'), link('l3', 'subcontracts', 'b', 'x'), link('l4', 'employs', 'x', 'c')],
    });
    const r = scoreProject(s);
    expect(r.cycles).toEqual([['a', 'b']]);
    expect(r.warnings.some((w) => w.startsWith('Cycle of 2 parties (Org a, Org b)'))).toBe(true);
    // x: 90 (employs DPRK crew); b: 0.9 × 90 = 81; a: 0.9 × 81 = 72.9
    expect(party(r, 'b').exposure.score).toBe(81);
    expect(party(r, 'a').exposure.score).toBe(72.9);
    for (const p of r.parties) for (const path of p.paths) expect(new Set(path.ids).size).toBe(path.ids.length);
  });

  it('lists the top paths of a party, best first', () => {
    const s = snapshot({
      project: FR,
      parties: [org('g'), org('s1'), org('s2'), crew('c1', { nationality: 'KP' })],
      links: [link('l1', 'subcontracts', 'g', 's1'), link('l2', 'subcontracts', 'g', 's2'), link('l3', 'employs', 's1', 'c1')],
      hits: [hit('h', 's2', 'open')],
    });
    const paths = party(scoreProject(s), 'g').paths;
    expect(paths.map((p) => p.ids)).toEqual([['g', 's1'], ['g', 's2']]);
    expect(paths.map((p) => p.score)).toEqual([81, expect.any(Number)]);
  });
});

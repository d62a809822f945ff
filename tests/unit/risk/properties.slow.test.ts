// Properties the risk engine must always hold, checked over seeded random chains: red flags never
// lower a score, removing a risky subcontractor never raises its contractor's exposure, input order
// does not matter, and the incremental session agrees with full scoring after every edit.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/model';
import type { ProjectSnapshot } from '../../../src/core/model';
import { createRiskSession, INDICATORS, partyRiskById, questionsForParty, scoreProject } from '../../../src/core/risk';
import type { ProjectRiskResult } from '../../../src/core/risk';
import { answers, hit, override } from './build';
import { randomSnapshot, rng, shuffled } from './random-chain';

const SEEDS = Array.from({ length: 12 }, (_, i) => 1000 + i);
const scores = (r: ProjectRiskResult) => new Map(r.parties.map((p) => [p.partyId, p]));
const T2 = '2026-02-01T00:00:00.000Z';

type RedFlag = (s: ProjectSnapshot, partyId: string, pick: () => number) => ProjectSnapshot;

/** Ways of adding one red flag to a party, each changing nothing else. */
const RED_FLAGS: Record<string, RedFlag> = {
  'answer a question with its red answer': (s, partyId, pick) => {
    const qs = questionsForParty(s, partyId);
    if (!qs.length) return s;
    const q = qs[Math.floor(pick() * qs.length)]!;
    const conf = (['confirmed', 'reported', 'suspected'] as const)[Math.floor(pick() * 3)]!;
    return { ...s, questionnaires: [...s.questionnaires, answers('q_red', partyId, { [q.id]: [q.question.red, conf] }, T2)] };
  },
  'add an indicator by override': (s, partyId, pick) => {
    const def = INDICATORS[Math.floor(pick() * INDICATORS.length)]!;
    return { ...s, overrides: [...s.overrides.filter((o) => !(o.partyId === partyId && o.indicatorId === def.id)), override('o_red', partyId, def.id, 'add', 'suspected')] };
  },
  'add a screening hit': (s, partyId, pick) => ({ ...s, hits: [...s.hits, hit('h_red', partyId, pick() < 0.5 ? 'open' : 'confirmed')] }),
  'record passports as held by a minder': (s, partyId) => ({
    ...s, parties: s.parties.map((p) => (p.id === partyId && p.workforce ? { ...p, workforce: { ...p.workforce, passportsHeldBy: 'minder' as const } } : p)),
  }),
};

describe('properties over random chains', () => {
  for (const [name, addRedFlag] of Object.entries(RED_FLAGS)) {
    it(`adding a red flag never lowers any score: ${name}`, () => {
      for (const seed of SEEDS) {
        const s = randomSnapshot(seed, { parties: 40, links: 80 });
        const before = scores(scoreProject(s));
        const r = rng(seed);
        for (let k = 0; k < 5; k++) {
          const target = s.parties[Math.floor(r() * s.parties.length)]!.id;
          const after = scores(scoreProject(addRedFlag(s, target, r)));
          for (const [id, b] of before) {
            const a = after.get(id)!;
            expect(a.inherent.score, `${id} inherent after ${name} on ${target} (seed ${seed})`).toBeGreaterThanOrEqual(b.inherent.score);
            expect(a.exposure.score, `${id} exposure after ${name} on ${target} (seed ${seed})`).toBeGreaterThanOrEqual(b.exposure.score);
          }
        }
      }
    });
  }

  it('removing a subcontractor never raises its contractor\'s exposure', () => {
    for (const seed of SEEDS) {
      const s = randomSnapshot(seed, { parties: 40, links: 80 });
      const before = scores(scoreProject(s));
      for (const l of s.links.filter((x) => x.relation === 'subcontracts').slice(0, 6)) {
        const without = { ...s, parties: s.parties.filter((p) => p.id !== l.to), links: s.links.filter((x) => x.from !== l.to && x.to !== l.to), questionnaires: s.questionnaires.filter((q) => q.partyId !== l.to), hits: s.hits.filter((h) => h.partyId !== l.to), overrides: s.overrides.filter((o) => o.partyId !== l.to) };
        const after = scores(scoreProject(without));
        expect(after.get(l.from)!.exposure.score, `seed ${seed}, removing ${l.to} under ${l.from}`).toBeLessThanOrEqual(before.get(l.from)!.exposure.score);
      }
    }
  });

  it('does not depend on the order of the input', () => {
    for (const seed of SEEDS.slice(0, 6)) {
      const s = randomSnapshot(seed, { parties: 60, links: 140 });
      expect(canonicalJson(scoreProject(shuffled(s, seed + 1)))).toBe(canonicalJson(scoreProject(s)));
    }
  });

  it('keeps every score in 0-100, exposure at least the inherent score, and paths free of repeats', () => {
    for (const seed of SEEDS) {
      for (const p of scoreProject(randomSnapshot(seed, { parties: 50, links: 150 })).parties) {
        expect(p.inherent.score).toBeGreaterThanOrEqual(0);
        expect(p.exposure.score).toBeLessThanOrEqual(100);
        expect(p.exposure.score).toBeGreaterThanOrEqual(p.inherent.score);
        const sum = p.indicators.reduce((a, i) => a + i.contribution, 0) + p.gaps.reduce((a, g) => a + g.contribution, 0);
        if (!p.notes.some((n) => n.startsWith('Score raised'))) expect(Math.abs(sum - p.inherent.score)).toBeLessThan(0.05 * (p.indicators.length + p.gaps.length) + 0.01);
        for (const path of p.paths) expect(new Set(path.ids).size).toBe(path.ids.length);
      }
    }
  });

  it('re-scoring incrementally after each edit equals scoring from scratch', () => {
    for (const seed of SEEDS.slice(0, 6)) {
      let s = randomSnapshot(seed, { parties: 50, links: 120 });
      const session = createRiskSession(s);
      const r = rng(seed);
      for (let step = 0; step < 12; step++) {
        const at = `2026-03-01T00:00:${String(step).padStart(2, '0')}.000Z`;
        const target = s.parties[Math.floor(r() * s.parties.length)]!;
        const kind = step % 4;
        if (kind === 0) s = { ...s, parties: s.parties.map((p) => (p.id === target.id ? { ...p, country: p.country === 'KP' ? 'FR' : 'KP', updatedAt: at } : p)) };
        if (kind === 1) s = { ...s, questionnaires: [...s.questionnaires, { ...answers(`qn${step}`, target.id, { 'q.own-passports': 'no', 'q.dprk-nationals': 'yes' }), updatedAt: at }] };
        if (kind === 2) {
          const victim = s.links[Math.floor(r() * s.links.length)]!;
          s = { ...s, links: s.links.filter((l) => l.id !== victim.id) };
        }
        if (kind === 3) s = { ...s, links: [...s.links, { ...s.links[0]!, id: `lnew${step}`, relation: 'pays', from: target.id, to: s.parties[0]!.id === target.id ? s.parties[1]!.id : s.parties[0]!.id, channel: 'cash', updatedAt: at }], hits: [...s.hits, { ...hit(`hn${step}`, target.id, 'confirmed'), updatedAt: at }] };
        const incremental = session.update(s);
        expect(canonicalJson(incremental), `seed ${seed} step ${step}`).toBe(canonicalJson(scoreProject(s)));
      }
      expect(partyRiskById(session.result, s.parties[3]!.id)).toBeDefined();
    }
  });
});

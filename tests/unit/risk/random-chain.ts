// Seeded random project snapshots for property tests and the benchmark: mixed party kinds, tier,
// payment, bank and ownership links (cycles allowed), questionnaires, hits and overrides.
import { CHANNELS, HOUSING, PASSPORT_HOLDERS, TRISTATE, WAGE_PAYMENTS } from '../../../src/core/model';
import type { Link, Party, ProjectSnapshot, Questionnaire } from '../../../src/core/model';
import { INDICATORS, QUESTIONS } from '../../../src/core/risk';
import { answers, crew, hit, link, org, override, project, snapshot } from './build';
import { seededRandom } from '../../../src/core/model/seeded-random';

/** The project's seeded generator, for reproducible test data. */
export const rng = seededRandom;

const COUNTRIES = ['QA', 'RU', 'CN', 'KP', 'FR', 'NP', 'IN', ''];
const SECTORS = ['construction', 'labour supply', 'IT services', 'banking', 'architecture', ''];
const RELS: Link['relation'][] = ['subcontracts', 'subcontracts', 'supplies_labor', 'employs', 'recruits', 'pays', 'pays', 'banks_with', 'owns'];

export interface RandomOptions {
  readonly parties: number;
  readonly links: number;
  /** Share of parties with a questionnaire (default 0.3). */
  readonly answered?: number;
  /**
   * 'random': links between random parties, mostly downward, 5% back up (large cycles: a stress
   * test). 'tiered': a contractor tree (each party under one of the tier above, 3 each), the payment
   * along it, banks, owners, second contractors, and a few links back up (small cycles), like a real chain.
   */
  readonly shape?: 'random' | 'tiered';
}

export function randomSnapshot(seed: number, o: RandomOptions): ProjectSnapshot {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const width = String(o.parties).length;
  const id = (i: number) => `p${String(i).padStart(width, '0')}`;
  const parties: Party[] = [];
  for (let i = 0; i < o.parties; i++) {
    const roll = r();
    if (roll < 0.25) {
      parties.push(crew(id(i), {
        nationality: r() < 0.05 ? 'KP' : pick(COUNTRIES), headcount: r() < 0.5 ? Math.floor(r() * 100) : null,
        wagePayment: pick(WAGE_PAYMENTS), passportsHeldBy: pick(PASSPORT_HOLDERS), individualContracts: pick(TRISTATE), housing: pick(HOUSING),
        visaType: pick(['', 'Work permit', 'Student visa', 'Tourist visa']),
      }));
    } else if (roll < 0.32) {
      parties.push({ ...org(id(i), { country: pick(COUNTRIES) }), kind: 'bank' });
    } else if (roll < 0.4) {
      parties.push({ ...org(id(i), { country: pick(COUNTRIES) }), kind: 'person' });
    } else {
      parties.push(org(id(i), { country: pick(COUNTRIES), sector: pick(SECTORS), isClient: i === 0, name: r() < 0.05 ? `Korea Sonbong Trading ${i}` : `Org ${i}` }));
    }
  }
  const links: Link[] = [];
  if (o.shape === 'tiered') {
    tieredLinks(parties, o.links, r, links);
  } else for (let i = 0; i < o.links; i++) {
    // Mostly downward (from a lower index to a higher one) so the chain has tiers; some edges go back up (cycles).
    let a = Math.floor(r() * o.parties);
    let b = Math.floor(r() * o.parties);
    if (a === b) b = (b + 1) % o.parties;
    if (a > b && r() < 0.95) [a, b] = [b, a];
    const relation = pick(RELS);
    links.push(link(`l${String(i).padStart(6, '0')}`, relation, id(a), id(b), relation === 'pays' ? { channel: r() < 0.2 ? null : pick(CHANNELS) } : {}));
  }
  const questionnaires: Questionnaire[] = [];
  const overrides = [];
  const hits = [];
  for (let i = 0; i < o.parties; i++) {
    if (r() < (o.answered ?? 0.3)) {
      const list: Record<string, ['yes' | 'no', 'confirmed' | 'reported' | 'suspected'] | 'unknown'> = {};
      for (const q of QUESTIONS) if (r() < 0.5) list[q.id] = r() < 0.1 ? 'unknown' : [r() < 0.8 ? (q.question.red === 'yes' ? 'no' : 'yes') : q.question.red, pick(['confirmed', 'reported', 'suspected'] as const)];
      questionnaires.push(answers(`q${i}`, id(i), list));
    }
    if (r() < 0.03) hits.push(hit(`h${i}`, id(i), pick(['open', 'confirmed', 'dismissed'] as const)));
    if (r() < 0.03) overrides.push(override(`o${i}`, id(i), pick(INDICATORS).id, r() < 0.5 ? 'add' : 'remove'));
  }
  return snapshot({ project: project({ hostCountry: pick(['QA', 'RU', 'FR']), endDate: '2025-12-31' }), parties, links, questionnaires, overrides, hits });
}

function tieredLinks(parties: readonly Party[], count: number, r: () => number, links: Link[]): void {
  const lid = () => `l${String(links.length).padStart(6, '0')}`;
  const add = (relation: Link['relation'], from: number, to: number, fields: Parameters<typeof link>[4] = {}) => {
    if (from !== to && links.length < count) links.push(link(lid(), relation, parties[from]!.id, parties[to]!.id, fields));
  };
  const parentOf = (i: number) => Math.floor((i - 1) / 3);
  const banks = parties.map((p, i) => (p.kind === 'bank' ? i : -1)).filter((i) => i >= 0);
  for (let i = 1; i < parties.length; i++) {
    const parent = parentOf(i);
    const kind = parties[i]!.kind;
    if (kind === 'workforce' || kind === 'person') add('employs', parent, i);
    else if (r() < 0.2) add('supplies_labor', i, parent);
    else add('subcontracts', parent, i);
  }
  for (let i = 1; i < parties.length && links.length < count; i++) {
    if (r() < 0.7) add('pays', parentOf(i), i, { channel: r() < 0.1 ? null : CHANNELS[Math.floor(r() * CHANNELS.length)]! });
    if (banks.length && r() < 0.3) add('banks_with', i, banks[Math.floor(r() * banks.length)]!);
  }
  while (links.length < count) {
    const i = 1 + Math.floor(r() * (parties.length - 1));
    const roll = r();
    if (roll < 0.002 && parentOf(i) > 0) add('subcontracts', i, parentOf(parentOf(i))); // back up: a small cycle
    else if (roll < 0.3) add('owns', Math.floor(r() * parties.length), i);
    else add('subcontracts', Math.max(0, parentOf(i) + Math.floor(r() * 5) - 2), i); // a second contractor from the tier above
  }
}

/** Returns a copy with every collection shuffled (and parties' fields unchanged). */
export function shuffled(s: ProjectSnapshot, seed: number): ProjectSnapshot {
  const r = rng(seed);
  const mix = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return { ...s, parties: mix(s.parties), links: mix(s.links), questionnaires: mix(s.questionnaires).map((q) => ({ ...q, answers: mix(q.answers) })), overrides: mix(s.overrides), hits: mix(s.hits), evidence: mix(s.evidence) };
}

// Fixed scoring scenarios whose results must never change when the engine is only made faster: the
// benchmark's 10,000-party chains, smaller random chains with cycles, non-default options, and a
// scripted sequence of edits through the incremental session. perf-equivalence.slow.test.ts compares the
// SHA-256 of each scenario's canonical JSON with the value captured before the speed work.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../src/core/model';
import type { Link, ProjectSnapshot } from '../../../src/core/model';
import { createRiskModel, createRiskSession, DEFAULT_WEIGHTS, scoreProject } from '../../../src/core/risk';
import type { ProjectRiskResult } from '../../../src/core/risk';
import { answers, evidence, hit, org, override } from './build';
import { randomSnapshot, shuffled } from './random-chain';

export interface EquivalenceCase {
  readonly name: string;
  /** SHA-256 hex of the canonical JSON of every result the scenario produces, in order. */
  readonly digest: () => string;
}

/**
 * SHA-256 of the results' canonical JSON, one per line. Node's hash gives the same digest as the
 * core's sha256Hex over these bytes; it is used here because the 10,000-party results serialise to
 * about 50 MB each, which the pure-JS hash takes seconds to digest.
 */
function digestOf(results: readonly ProjectRiskResult[]): string {
  const hash = createHash('sha256');
  results.forEach((r, i) => hash.update(i ? `\n${canonicalJson(r)}` : canonicalJson(r), 'utf8'));
  return hash.digest('hex');
}
const at = (step: number) => `2026-05-01T00:00:${String(step % 60).padStart(2, '0')}.${String(step).padStart(3, '0')}Z`;

/** One edit of each kind the session tells apart, applied in turn to a snapshot. */
const EDITS: ((s: ProjectSnapshot, step: number) => ProjectSnapshot)[] = [
  // A questionnaire with red answers for a party.
  (s, k) => ({ ...s, questionnaires: [...s.questionnaires, answers(`qe${k}`, s.parties[(k * 7919) % s.parties.length]!.id, { 'q.own-passports': 'no', 'q.dprk-nationals': ['yes', 'reported'] }, at(k))] }),
  // A party's country.
  (s, k) => {
    const i = (k * 104_729) % s.parties.length;
    const parties = [...s.parties];
    parties[i] = { ...parties[i]!, country: k % 2 ? 'KP' : 'FR', updatedAt: at(k) };
    return { ...s, parties };
  },
  // A new cash payment link.
  (s, k) => ({ ...s, links: [...s.links, { ...s.links[0]!, id: `le${k}`, relation: 'pays', from: s.parties[(k * 31) % s.parties.length]!.id, to: s.parties[(k * 31 + 17) % s.parties.length]!.id, channel: 'cash', updatedAt: at(k) }] }),
  // A link removed.
  (s, k) => ({ ...s, links: s.links.filter((_, i) => i !== (k * 613) % s.links.length) }),
  // A link's relation and channel changed.
  (s, k) => {
    const i = (k * 389) % s.links.length;
    const links = [...s.links];
    const l: Link = links[i]!;
    links[i] = { ...l, relation: l.relation === 'pays' ? 'subcontracts' : 'pays', channel: l.relation === 'pays' ? null : 'third_party_account', updatedAt: at(k) };
    return { ...s, links };
  },
  // An existing questionnaire answered again (same id, new time), or the first one removed.
  (s, k) => (k % 2 && s.questionnaires.length
    ? { ...s, questionnaires: s.questionnaires.slice(1) }
    : { ...s, questionnaires: s.questionnaires.map((q, i) => (i === 0 ? { ...q, answers: q.answers.map((a) => ({ ...a, answer: a.answer === 'yes' ? 'no' as const : 'yes' as const })), updatedAt: at(k) } : q)) }),
  // A screening hit (spreads to owned parties) and an override.
  (s, k) => ({
    ...s,
    hits: [...s.hits, hit(`he${k}`, s.parties[(k * 53) % s.parties.length]!.id, 'confirmed')],
    overrides: [...s.overrides, override(`oe${k}`, s.parties[(k * 59) % s.parties.length]!.id, 'passports-held', k % 2 ? 'add' : 'remove')],
  }),
  // Evidence attached to a link and to a party.
  (s, k) => ({ ...s, evidence: [...s.evidence, evidence(`ee${k}`, s.links[(k * 211) % s.links.length]!.id), evidence(`ef${k}`, s.parties[(k * 17) % s.parties.length]!.id)] }),
  // A new party under the client (re-scores in full).
  (s, k) => ({ ...s, parties: [...s.parties, org(`pz${k}`, { country: 'RU', sector: 'construction', updatedAt: at(k) })], links: [...s.links, { ...s.links[0]!, id: `lz${k}`, relation: 'subcontracts', from: s.parties[0]!.id, to: `pz${k}`, channel: null, updatedAt: at(k) }] }),
];

/** Runs `steps` edits through one session and digests every result, the first one included. */
function sessionDigest(base: ProjectSnapshot, steps: number, options = {}): string {
  const session = createRiskSession(base, options);
  const results = [session.result];
  let s = base;
  for (let k = 0; k < steps; k++) {
    s = EDITS[k % EDITS.length]!(s, k);
    results.push(session.update(s));
  }
  return digestOf(results);
}

/**
 * A hub: one contractor with 150 direct subcontractors and payments (many of them alike, so their
 * exposure ties), some subcontracting back up: the many-sources path of topPaths and tie-breaking.
 */
function hubSnapshot(): ProjectSnapshot {
  const base = randomSnapshot(77, { parties: 300, links: 400 });
  const hub = base.parties[0]!.id;
  const extra: Link[] = [];
  for (let k = 1; k <= 150; k++) {
    const to = base.parties[k]!.id;
    extra.push({ ...base.links[0]!, id: `hs${String(k).padStart(3, '0')}`, relation: 'subcontracts', from: hub, to, channel: null });
    if (k % 2) extra.push({ ...base.links[0]!, id: `hp${String(k).padStart(3, '0')}`, relation: 'pays', from: hub, to, channel: k % 3 ? 'bank_transfer' : 'cash' });
    if (k % 25 === 0) extra.push({ ...base.links[0]!, id: `hb${String(k).padStart(3, '0')}`, relation: 'subcontracts', from: to, to: hub, channel: null });
  }
  return { ...base, links: [...base.links, ...extra] };
}

const heavyWeights = createRiskModel({ ...DEFAULT_WEIGHTS, unknownFactor: 0.05, attenuation: { ...DEFAULT_WEIGHTS.attenuation, pays: 1, banks_with: 1 }, thresholds: { medium: 10, high: 30, critical: 60 } });

/** The scenarios, cheapest first. */
export function equivalenceCases(): EquivalenceCase[] {
  const small = [3, 17, 101, 2024].map((seed) => ({ seed, s: randomSnapshot(seed, { parties: 60, links: 180 }) }));
  return [
    ...small.map(({ seed, s }) => ({ name: `random 60 parties, 180 links, seed ${seed}`, digest: () => digestOf([scoreProject(s)]) })),
    { name: 'random 60/180 seed 3, shuffled, 5 paths, as of 2026-06-30', digest: () => digestOf([scoreProject(shuffled(small[0]!.s, 9), { maxPaths: 5, asOf: '2026-06-30' })]) },
    { name: 'random 60/180 seed 17, other weights', digest: () => digestOf([scoreProject(small[1]!.s, { model: heavyWeights })]) },
    { name: 'hub with 150 direct subcontractors and payments, 5 paths', digest: () => digestOf([scoreProject(hubSnapshot(), { maxPaths: 5 })]) },
    { name: 'tiered 300 parties, 700 links, seed 7', digest: () => digestOf([scoreProject(randomSnapshot(7, { parties: 300, links: 700, shape: 'tiered' }))]) },
    { name: 'random 400 parties, 1,200 links, seed 11, 30 session edits', digest: () => sessionDigest(randomSnapshot(11, { parties: 400, links: 1200 }), 30) },
    { name: 'tiered 2,000 parties, 4,500 links, seed 5, 18 session edits, as of 2026-06-30', digest: () => sessionDigest(randomSnapshot(5, { parties: 2000, links: 4500, shape: 'tiered' }), 18, { asOf: '2026-06-30' }) },
    { name: 'bench: tiered 10,000 parties, 20,000 links, seed 42', digest: () => digestOf([scoreProject(randomSnapshot(42, { parties: 10_000, links: 20_000, shape: 'tiered' }))]) },
    { name: 'bench: random 10,000 parties, 20,000 links, seed 42', digest: () => digestOf([scoreProject(randomSnapshot(42, { parties: 10_000, links: 20_000, shape: 'random' }))]) },
    { name: 'bench: tiered 10,000/20,000, 4 session edits', digest: () => sessionDigest(randomSnapshot(42, { parties: 10_000, links: 20_000, shape: 'tiered' }), 4) },
  ];
}

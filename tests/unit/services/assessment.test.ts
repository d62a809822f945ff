// The assessment use case: screen under the policy, keep stored decisions, score. Same data gives
// the same bytes (hits made during an assessment are stamped from its date); the live session gives
// what a fresh assessment gives after each edit; a changed policy moves stored hits between bands.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnapshotJson } from '../../../src/cli/load-project';
import { canonicalJson, partySchema } from '../../../src/core/model';
import type { ProjectSnapshot } from '../../../src/core/model';
import { createRiskModel } from '../../../src/core/risk';
import { DEFAULT_SCREENING_POLICY, NameIndex } from '../../../src/core/screening';
import type { HitExplanation, ScreeningPolicy } from '../../../src/core/screening';
import { AssessmentSession, applyScreening, assessProject, assessScreened, carryScreening, parseBundledLists, screenSnapshot } from '../../../src/core/services';
import { REPO_ROOT } from '../../support/shared';

const demo = parseSnapshotJson(readFileSync(`${REPO_ROOT}/assets/samples/stadium-demo.json`, 'utf8'), 'stadium-demo.json');
const lists = parseBundledLists(readFileSync(`${REPO_ROOT}/assets/reference/sanctions-snapshot.json`, 'utf8'));
const index = new NameIndex(lists);
const model = createRiskModel();
const options = (policy: ScreeningPolicy = DEFAULT_SCREENING_POLICY) => ({ lists, index, policy, model, asOf: '2026-03-01' });

// Edits as the repository makes them: every written row gets a new updatedAt.
let tick = 0;
const stamp = () => `2026-03-01T10:00:${String(tick++).padStart(2, '0')}.000Z`;

function withParty(snapshot: ProjectSnapshot, id: string, name: string): ProjectSnapshot {
  const at = stamp();
  const party = partySchema.parse({ id, projectId: snapshot.project.id, kind: 'organization', name, createdAt: at, updatedAt: at });
  return { ...snapshot, parties: [...snapshot.parties, party].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

const renamed = (snapshot: ProjectSnapshot, id: string, name: string): ProjectSnapshot =>
  ({ ...snapshot, parties: snapshot.parties.map((p) => (p.id === id ? { ...p, name, updatedAt: stamp() } : p)) });

describe('assessProject', () => {
  it('gives the same bytes for the same data and date, with its own kind of hit ids', () => {
    const a = assessProject(demo, options());
    const b = assessProject(demo, options());
    expect(canonicalJson(a.snapshot)).toBe(canonicalJson(b.snapshot));
    expect(canonicalJson(a.risk)).toBe(canonicalJson(b.risk));
    expect(a.snapshot.hits.length).toBeGreaterThan(0);
    for (const h of a.snapshot.hits) {
      expect(h.id).toMatch(/^hit_unsaved_[0-9a-f]{24}$/);
      expect(h.createdAt).toBe('2026-03-01T00:00:00.000Z');
    }
  });

  it('with no lists, leaves the stored hits as they are and says it did not screen', () => {
    const screened = assessProject(demo, options()).snapshot;
    const again = assessProject(screened, { ...options(), lists: [], index: undefined });
    expect(again.screening).toBeNull();
    expect(again.snapshot).toBe(screened);
  });

  it('applies a run: upserts replace by id, removals drop, the rest stay in id order', () => {
    const base = assessProject(demo, options()).snapshot;
    const [first, second] = base.hits;
    const run = { upserts: [{ ...first!, score: 0.99 }], removals: [second!.id], counts: { queries: 0, created: 0, updated: 1, reopened: 0, kept: 0, removed: 1 } };
    const applied = applyScreening(base, run);
    expect(applied.hits.map((h) => h.id)).toEqual(base.hits.filter((h) => h.id !== second!.id).map((h) => h.id));
    expect(applied.hits[0]!.score).toBe(0.99);
  });
});

describe('carryScreening', () => {
  it('keeps a run\'s new hits for parties that still exist, and never hides a stored decision', () => {
    const before = withParty(withParty(demo, 'pty_aa_1', 'Korea Daesong Bank'), 'pty_aa_2', 'Korea Daesong Trading Corporation');
    const run = screenSnapshot(before, index, DEFAULT_SCREENING_POLICY, { mode: 'transient', asOf: '2026-03-01' });
    const gone = { ...before, parties: before.parties.filter((p) => p.id !== 'pty_aa_2') };
    const carried = carryScreening(run, gone);
    expect(carried.upserts.length).toBeGreaterThan(0);
    expect(carried.upserts.every((h) => h.partyId !== 'pty_aa_2')).toBe(true);
    expect(carried.upserts.length).toBe(run.upserts.filter((h) => h.partyId !== 'pty_aa_2').length);

    const stored = applyScreening(before, run);
    const decided = { ...stored, hits: stored.hits.map((h) => ({ ...h, status: 'confirmed' as const })) };
    const rerun = { ...run, removals: decided.hits.map((h) => h.id) };
    const kept = carryScreening(rerun, decided);
    expect(kept.upserts).toEqual([]);
    expect(kept.removals).toEqual([]);
    expect(applyScreening(decided, kept).hits).toEqual(decided.hits);
  });
});

describe('AssessmentSession', () => {
  it('gives what a fresh assessment gives after each edit', () => {
    const session = new AssessmentSession();
    let snapshot = demo;
    const edits: ((s: ProjectSnapshot) => ProjectSnapshot)[] = [
      (s) => s,
      // A designated name whose hits sort before the others, then one after them.
      (s) => withParty(s, 'pty_aa_1', 'Korea Daesong Bank'),
      (s) => withParty(s, 'pty_zz_1', 'Korea Daesong Trading Corporation'),
      // The same hits with another score, then no hit at all.
      (s) => renamed(s, 'pty_aa_1', 'Daesong Bank'),
      (s) => renamed(s, 'pty_zz_1', 'Gulf Harbour Trading'),
      (s) => ({ ...s, parties: s.parties.filter((p) => p.id !== 'pty_aa_1') }),
    ];
    for (const edit of edits) {
      snapshot = edit(snapshot);
      const run = screenSnapshot(snapshot, index, DEFAULT_SCREENING_POLICY, { mode: 'transient', asOf: '2026-03-01' });
      const live = session.assess(snapshot, run, options());
      const fresh = assessScreened(snapshot, run, options());
      expect(canonicalJson(live.risk)).toBe(canonicalJson(fresh.risk));
      expect(live.snapshot).toEqual(fresh.snapshot);
    }
  });
});

describe('a changed policy', () => {
  it('moves stored hits between the bands and drops open ones that fall below the review band', () => {
    const wide: ScreeningPolicy = { threshold: 0.95, reviewFloor: 0.6 };
    const stored = assessProject(demo, options(wide)).snapshot;
    const bands = (s: ProjectSnapshot) => s.hits.map((h) => `${h.partyId}|${h.entryRef}|${(h.explanation as HitExplanation).band}`).sort();
    const review = stored.hits.filter((h) => (h.explanation as HitExplanation).band === 'review');
    expect(review.length).toBeGreaterThan(0);

    const lower = assessProject(stored, options({ threshold: 0.6, reviewFloor: 0.6 })).snapshot;
    expect(lower.hits.every((h) => (h.explanation as HitExplanation).band === 'match')).toBe(true);
    expect(lower.hits.length).toBe(stored.hits.length);

    const narrow = assessProject(stored, options({ threshold: 0.95, reviewFloor: 0.95 })).snapshot;
    expect(narrow.hits.length).toBeLessThan(stored.hits.length);
    expect(bands(narrow).every((b) => b.endsWith('|match'))).toBe(true);
  });
});

// Screening figures. Quality: precision, recall and F1 at the default threshold on the labelled
// evaluation set (tests/fixtures/screening/eval-set.json) against the bundled DPRK snapshot, overall
// and per variant kind, beside Fuse.js over the same names in the same run. Speed: on the full UN
// and OFAC files (../shared): index build, single-query p95, a 10,000-name batch, and Fuse.js per name.
import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import { DEFAULT_SCREENING_CONFIG, NameIndex, importList, namesOf, parseSnapshotText, screenName } from '../../src/core/screening';
import type { ScreeningList } from '../../src/core/screening';
import { REPO_ROOT, hasShared, sanctionsPath } from '../support/shared';
import { evaluate, loadEvalSet } from '../fixtures/screening/evaluate';
import type { EvalCase, Quality } from '../fixtures/screening/evaluate';
import type { BenchFigure } from './types';
import { median, percentile, timeRuns } from './types';

const GROUP_Q = 'screening quality';
const GROUP_S = 'screening speed';

function qualityFigures(who: string, q: { overall: Quality; byKind: Map<string, Quality> }, targets: boolean): BenchFigure[] {
  const out: BenchFigure[] = [
    { group: GROUP_Q, name: `${who}: precision`, value: q.overall.precision, unit: '', ...(targets ? { target: '≥ 0.97', met: q.overall.precision >= 0.97 } : {}) },
    { group: GROUP_Q, name: `${who}: recall`, value: q.overall.recall, unit: '' },
    { group: GROUP_Q, name: `${who}: F1`, value: q.overall.f1, unit: '', ...(targets ? { target: '≥ 0.95', met: q.overall.f1 >= 0.95 } : {}) },
  ];
  for (const [kind, k] of q.byKind) {
    const positive = k.tp + k.fn > 0;
    out.push(positive
      ? { group: GROUP_Q, name: `${who}: ${kind} (${k.tp + k.fn}): recall / precision`, value: k.recall, unit: `/ ${(k.tp / Math.max(1, k.tp + k.fp)).toFixed(3)}` }
      : { group: GROUP_Q, name: `${who}: ${kind} (${k.tn + k.fp}): false-positive rate`, value: k.fp / Math.max(1, k.tn + k.fp), unit: '' });
  }
  return out;
}

function fuseOver(lists: readonly ScreeningList[], options: ConstructorParameters<typeof Fuse>[1]) {
  const docs = lists.flatMap((l) => l.entries.flatMap((e) => namesOf(e).map((n) => ({ key: `${l.name}:${e.ref}`, name: n.text }))));
  return new Fuse(docs, { keys: ['name'], includeScore: true, ...options });
}

function fusePredict(fuse: ReturnType<typeof fuseOver>, maxScore: number) {
  return (c: EvalCase) => [...new Set(fuse.search(c.query, { limit: 20 }).filter((r) => (r.score ?? 1) <= maxScore).map((r) => r.item.key))];
}

/** A deterministic batch: every evaluation query, then list names with one letter changed, then invented company names. */
function makeBatch(cases: readonly EvalCase[], lists: readonly ScreeningList[], size: number): string[] {
  const names = lists.flatMap((l) => l.entries.flatMap((e) => namesOf(e).map((n) => n.text)));
  const out = cases.map((c) => c.query);
  const words = ['Global', 'Pacific', 'Star', 'Building', 'Services', 'Ocean', 'Steel', 'Crane', 'Labour', 'Supply', 'Alpha', 'Nova', 'Gulf', 'Delta', 'Harbor'];
  for (let i = 0; out.length < size; i++) {
    if (i % 2 === 0) {
      const n = names[(i * 7919) % names.length]!;
      const p = (i * 31) % Math.max(1, n.length);
      out.push(n.slice(0, p) + 'x' + n.slice(p + 1));
    } else {
      out.push(`${words[i % words.length]} ${words[(i * 7) % words.length]} ${['LLC', 'Co., Ltd.', 'Contracting', 'Group'][i % 4]} ${i}`);
    }
  }
  return out.slice(0, size);
}

export default async function benchScreening(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const snapshot = parseSnapshotText(readFileSync(`${REPO_ROOT}assets/reference/sanctions-snapshot.json`, 'utf8')).snapshot;
  if (!snapshot) throw new Error('the bundled sanctions snapshot does not parse');
  const cases = loadEvalSet();
  const threshold = DEFAULT_SCREENING_CONFIG.threshold;
  const index = new NameIndex(snapshot.lists);
  const ours = evaluate(cases, (c) => screenName(index, c.query, c.queryKind).filter((m) => m.score >= threshold).map((m) => `${m.listName}:${m.ref}`));
  const negatives = cases.filter((c) => !c.positive).length;
  figures.push({ group: GROUP_Q, name: `evaluation set: cases (negatives ${negatives}, ${((100 * negatives) / cases.length).toFixed(0)}%)`, value: cases.length, unit: '', target: '≥ 300, ≥ 40% negatives', met: cases.length >= 300 && negatives / cases.length >= 0.4 });
  figures.push(...qualityFigures(`Subtier @ ${threshold}`, ours, true));
  const fuseDefault = fuseOver(snapshot.lists, {});
  figures.push(...qualityFigures('Fuse.js defaults', evaluate(cases, fusePredict(fuseDefault, 1)), false).slice(0, 3));
  const fuseStrict = fuseOver(snapshot.lists, { ignoreLocation: true, threshold: 0.3 });
  figures.push(...qualityFigures('Fuse.js ignoreLocation, threshold 0.3', evaluate(cases, fusePredict(fuseStrict, 0.3)), false));

  if (!hasShared) {
    process.stderr.write('  speed figures skipped: ../shared/reference/sanctions/full is not beside this checkout\n');
    return figures;
  }
  const read = (p: string) => ({ name: p, bytes: new Uint8Array(readFileSync(sanctionsPath(p))) });
  let t = performance.now();
  const un = importList([read('full/un/consolidated-2026-02-27.xml')], { id: 'un', importedAt: '' });
  figures.push({ group: GROUP_S, name: 'import full UN XML (1,003 records)', value: performance.now() - t, unit: 'ms' });
  t = performance.now();
  const ofac = importList(['sdn.csv', 'alt.csv', 'add.csv'].map((f) => read(`full/ofac-2023-12-28/${f}`)), { id: 'ofac', importedAt: '', publishedAt: '2023-12-28' });
  figures.push({ group: GROUP_S, name: 'import full OFAC CSV trio (13,821 entries)', value: performance.now() - t, unit: 'ms' });
  if (!un.value || !ofac.value) throw new Error('the full lists do not import');
  const lists = [un.value, ofac.value];
  let full: NameIndex | undefined;
  const builds = await timeRuns(3, () => {
    full = new NameIndex(lists);
  });
  const idx = full!;
  figures.push({ group: GROUP_S, name: `index build, full UN + OFAC (${idx.names.length.toLocaleString('en')} names)`, value: median(builds), unit: 'ms', target: '≤ 2000 ms', met: median(builds) <= 2000 });

  const batch = makeBatch(cases, lists, 10_000);
  const singles: number[] = [];
  for (const q of batch.slice(0, 1000)) {
    const s = performance.now();
    screenName(idx, q, 'any');
    singles.push(performance.now() - s);
  }
  singles.sort((a, b) => a - b);
  figures.push({ group: GROUP_S, name: 'single query, median (1,000 queries)', value: median(singles), unit: 'ms' });
  figures.push({ group: GROUP_S, name: 'single query, p95 (1,000 queries)', value: percentile(singles, 95), unit: 'ms', target: '≤ 5 ms', met: percentile(singles, 95) <= 5 });
  t = performance.now();
  for (const q of batch) screenName(idx, q, 'any');
  const batchMs = performance.now() - t;
  figures.push({ group: GROUP_S, name: '10,000 names batch', value: batchMs / 1000, unit: 's', target: '≤ 10 s', met: batchMs <= 10_000 });

  // Fuse.js is too slow to run the whole batch here (about half a second a name): it runs the first 50.
  const fuse = fuseOver(lists, { ignoreLocation: true, threshold: 0.3 });
  const sample = batch.slice(0, 50);
  t = performance.now();
  for (const q of sample) fuse.search(q, { limit: 20 });
  const fusePerName = (performance.now() - t) / sample.length;
  const oursPerName = batchMs / batch.length;
  figures.push({ group: GROUP_S, name: 'Fuse.js per name, full lists (first 50 of the batch)', value: fusePerName, unit: 'ms' });
  figures.push({ group: GROUP_S, name: 'Subtier per name in the batch', value: oursPerName, unit: 'ms' });
  figures.push({ group: GROUP_S, name: 'speed ratio, Fuse.js time / Subtier time per name', value: fusePerName / oursPerName, unit: '×' });
  return figures;
}

// Risk figures: full scoring of a chain of 10,000 parties and 20,000 links, and re-scoring after one
// edit (a questionnaire answer, a party field, a new payment link) through the incremental session.
import { createRiskSession, scoreProject } from '../../src/core/risk';
import type { ProjectSnapshot } from '../../src/core/model';
import { answers } from '../unit/risk/build';
import { randomSnapshot } from '../unit/risk/random-chain';
import type { BenchFigure } from './types';
import { median, percentile, timeRuns } from './types';

export default async function benchRisk(): Promise<BenchFigure[]> {
  const base = randomSnapshot(42, { parties: 10_000, links: 20_000, shape: 'tiered' });
  const full = await timeRuns(7, () => scoreProject(base));
  const stress = randomSnapshot(42, { parties: 10_000, links: 20_000, shape: 'random' });
  const fullStress = await timeRuns(3, () => scoreProject(stress));
  const figures: BenchFigure[] = [
    { group: 'risk', name: 'full scoring, 10,000 parties + 20,000 links, tiered chain (median)', value: median(full), unit: 'ms', target: '≤ 100 ms', met: median(full) <= 100 },
    { group: 'risk', name: `full scoring, 10,000 + 20,000, random links with a ${scoreProject(stress).cycles[0]?.length ?? 0}-party cycle (median)`, value: median(fullStress), unit: 'ms' },
  ];
  const edits: [string, (s: ProjectSnapshot, i: number) => ProjectSnapshot][] = [
    ['answer a questionnaire', (s, i) => ({ ...s, questionnaires: [...s.questionnaires, answers(`qb${i}`, s.parties[(i * 7919) % s.parties.length]!.id, { 'q.own-passports': 'no' }, `2026-04-01T00:00:00.${String(i % 1000).padStart(3, '0')}Z`)] })],
    ['edit a party', (s, i) => {
      const k = (i * 104_729) % s.parties.length;
      const parties = [...s.parties];
      parties[k] = { ...parties[k]!, country: i % 2 ? 'KP' : 'FR', updatedAt: `2026-04-02T00:00:00.${String(i % 1000).padStart(3, '0')}Z` };
      return { ...s, parties };
    }],
    ['add a payment link', (s, i) => ({ ...s, links: [...s.links, { ...s.links[0]!, id: `lb${i}`, relation: 'pays' as const, from: s.parties[(i * 31) % s.parties.length]!.id, to: s.parties[(i * 31 + 17) % s.parties.length]!.id, channel: 'cash' as const }] })],
  ];
  for (const [label, edit] of edits) {
    const session = createRiskSession(base);
    let current = base;
    let n = 0;
    const times = await timeRuns(15, () => {
      current = edit(current, n++);
      session.update(current);
    });
    figures.push({ group: 'risk', name: `re-score after one edit: ${label} (median; p90 ${percentile(times, 90).toFixed(1)} ms)`, value: median(times), unit: 'ms', target: '≤ 10 ms', met: median(times) <= 10 });
  }
  return figures;
}

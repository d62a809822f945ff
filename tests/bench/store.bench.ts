// Store figures: bulk insert and load of 10,000 parties through the repository over Dexie (fake-indexeddb).
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Repository } from '../../src/core/services/repository';
import { emptySnapshot, partySchema } from '../../src/core/model';
import { createDexieBackend, createMemoryBackend } from '../../src/store';
import type { BenchFigure } from './types';
import { median, timeRuns } from './types';

export default async function benchStore(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const [label, make] of [
    ['dexie (fake-indexeddb)', () => createDexieBackend({ name: `bench-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange })],
    ['memory twin', () => createMemoryBackend()],
  ] as const) {
    const repo = new Repository(make());
    const project = await repo.createProject({ name: 'Bench' });
    const now = new Date().toISOString();
    const parties = Array.from({ length: 10_000 }, (_, i) => partySchema.parse({ id: `pty_${i}`, projectId: project.id, kind: 'organization', name: `Contractor ${i}`, createdAt: now, updatedAt: now }));
    const insert = await timeRuns(3, () => repo.saveSnapshot({ ...emptySnapshot(project), parties }));
    const load = await timeRuns(5, () => repo.loadSnapshot(project.id));
    figures.push({ group: 'store', name: `insert 10,000 parties, ${label}`, value: median(insert), unit: 'ms' });
    figures.push({ group: 'store', name: `load 10,000 parties, ${label}`, value: median(load), unit: 'ms' });
  }
  return figures;
}

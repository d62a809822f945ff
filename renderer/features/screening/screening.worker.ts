/// <reference lib="webworker" />
/**
 * The screening worker: imports list files and screens projects off the interface thread, posting
 * progress as it goes. The index over the lists is kept between runs until the lists change.
 */
import { randomId, systemClock } from '../../../src/core/model';
import { NameIndex, diffLists, importList, screenProject } from '../../../src/core/screening';
import type { ScreeningList } from '../../../src/core/screening';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

const post = (message: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);
let cached: { key: string; index: NameIndex } | null = null;

function indexFor(lists: readonly ScreeningList[]): NameIndex {
  const key = lists.map((l) => `${l.id}@${l.importedAt}:${l.counts.entries}`).join('|');
  if (!cached || cached.key !== key) cached = { key, index: new NameIndex(lists) };
  return cached.index;
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'import') {
      const result = importList(request.files, request.options);
      const diff = result.value && request.previous ? diffLists(request.previous.entries, result.value.entries) : null;
      post({ type: 'imported', id: request.id, list: result.value, errors: result.errors, warnings: result.warnings, diff });
      return;
    }
    const index = indexFor(request.lists);
    let last = 0;
    const result = screenProject(request.snapshot, index, {
      clock: systemClock,
      ids: randomId,
      onProgress: (done, total) => {
        const now = performance.now();
        if (done === total || now - last > 50) {
          last = now;
          post({ type: 'progress', id: request.id, done, total });
        }
      },
    });
    post({ type: 'screened', id: request.id, result });
  } catch (error) {
    post({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
});

/// <reference lib="webworker" />
/**
 * The screening worker: imports list files and screens projects off the interface thread, posting
 * progress as it goes. The index over the lists is kept between runs until the lists change.
 */
import { NameIndex, diffLists, importList } from '../../../src/core/screening';
import { screenSnapshot } from '../../../src/core/services/project-screening';
import { serveRequests } from '../../app/worker-channel';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

let cached: { key: string; index: NameIndex } | null = null;

serveRequests<WorkerRequest, WorkerResponse>((request, post) => {
  if (request.type === 'import') {
    const result = importList(request.files, request.options);
    const diff = result.value && request.previous ? diffLists(request.previous.entries, result.value.entries) : null;
    post({ type: 'imported', id: request.id, list: result.value, errors: result.errors, warnings: result.warnings, diff });
    return;
  }
  if (request.lists) cached = { key: request.listsKey, index: new NameIndex([...request.lists]) };
  if (!cached || cached.key !== request.listsKey) {
    post({ type: 'need-lists', id: request.id });
    return;
  }
  let last = 0;
  const result = screenSnapshot(request.snapshot, cached.index, request.policy, request.stamp, (done, total) => {
    const now = performance.now();
    if (done === total || now - last > 50) {
      last = now;
      post({ type: 'progress', id: request.id, done, total });
    }
  });
  post({ type: 'screened', id: request.id, result });
});

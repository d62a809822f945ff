/**
 * The app's side of the screening worker: list imports, and the screener every screening and
 * assessment of the app runs through (the same use case as in process, off the interface thread).
 * The lists are sent only when the worker does not have them yet.
 */
import type { ImportRequest, WorkerRequest, WorkerResponse } from './worker-protocol';
import { listsKey } from '../../../src/core/services/project-screening';
import type { ProjectScreener } from '../../../src/core/services/project-screening';
import { workerChannel } from '../../app/worker-channel';

const channel = workerChannel<WorkerRequest, WorkerResponse>(
  () => new Worker(new URL('./screening.worker.ts', import.meta.url), { type: 'module', name: 'screening' }),
  'the screening worker stopped',
);
let sent: { key: string; generation: number } | null = null;

/** Parses list files in the worker; returns the list (or errors) and what changed against `previous`. */
export function importInWorker(request: Omit<ImportRequest, 'type' | 'id'>): Promise<Extract<WorkerResponse, { type: 'imported' }>> {
  return channel.ask({ type: 'import', ...request }, 'imported').answer;
}

/** Screens in the worker. */
export const workerScreener: ProjectScreener = async ({ snapshot, lists, policy, stamp, onProgress }) => {
  const key = listsKey(lists);
  const progress = onProgress ? (p: { done: number; total: number }) => onProgress(p.done, p.total) : undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const known = sent?.key === key && sent.generation === channel.generation;
    const response = await channel.ask({ type: 'screen', listsKey: key, lists: known ? null : lists, snapshot, policy, stamp }, ['screened', 'need-lists'], progress).answer;
    if (response.type === 'screened') {
      sent = { key, generation: channel.generation };
      return response.result;
    }
    sent = null;
  }
  throw new Error('the screening worker did not keep the lists it was given');
};

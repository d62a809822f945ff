/**
 * The interface side of the screening worker: one worker per app, requests answered by promises,
 * progress reported through a callback. Saving results goes through the repository, so every hit
 * and decision lands in the audit log.
 */
import { screeningHitSchema } from '../../../src/core/model';
import type { ProjectSnapshot } from '../../../src/core/model';
import type { ProjectScreening, ScreeningList } from '../../../src/core/screening';
import type { Repository } from '../../../src/core/services/repository';
import type { ImportRequest, WorkerResponse } from './worker-protocol';

type Imported = Extract<WorkerResponse, { type: 'imported' }>;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: WorkerResponse) => void; onProgress?: (done: number, total: number) => void }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./screening.worker.ts', import.meta.url), { type: 'module', name: 'screening' });
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      const waiting = pending.get(message.id);
      if (!waiting) return;
      if (message.type === 'progress') {
        waiting.onProgress?.(message.done, message.total);
        return;
      }
      pending.delete(message.id);
      waiting.resolve(message);
    });
    worker.addEventListener('error', (event) => {
      for (const [id, waiting] of pending) waiting.resolve({ type: 'failed', id, message: event.message || 'the screening worker stopped' });
      pending.clear();
      worker = null;
    });
  }
  return worker;
}

function ask(message: Record<string, unknown>, onProgress?: (done: number, total: number) => void): Promise<WorkerResponse> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve, ...(onProgress ? { onProgress } : {}) });
    getWorker().postMessage({ ...message, id });
  });
}

/** Parses list files in the worker; returns the list (or errors) and what changed against `previous`. */
export async function importInWorker(request: Omit<ImportRequest, 'type' | 'id'>): Promise<Imported> {
  const answer = await ask({ type: 'import', ...request });
  if (answer.type === 'failed') throw new Error(answer.message);
  return answer as Imported;
}

/** Screens a project in the worker and writes the new and changed hits; returns the counts. */
export async function screenAndSave(repo: Repository, snapshot: ProjectSnapshot, lists: readonly ScreeningList[], onProgress: (done: number, total: number) => void): Promise<ProjectScreening['counts']> {
  const answer = await ask({ type: 'screen', lists, snapshot }, onProgress);
  if (answer.type === 'failed') throw new Error(answer.message);
  if (answer.type !== 'screened') throw new Error('unexpected answer from the screening worker');
  for (const hit of answer.result.upserts) await repo.saveRecord('hits', screeningHitSchema, hit);
  for (const id of answer.result.removals) await repo.deleteRecord('hits', id);
  return answer.result.counts;
}

/**
 * The dialog side of the workbook import worker: one worker per app, requests answered by promises,
 * progress reported through a callback. Planning answers with a preview; the whole plan, ready for
 * `applyImportWithBackup`, is taken from the worker only to apply it.
 */
import type { ImportPlan, ImportTarget, InputFile } from '../../../src/core/io';
import type { ImportWorkerResponse, PlanPreview, ReadSummary } from './import-worker-protocol';

/** Where the worker has got to, for the progress bar. */
export interface WorkerProgress {
  readonly done: number;
  readonly total: number;
  readonly step: string;
}

type OnProgress = (progress: WorkerProgress) => void;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: ImportWorkerResponse) => void; onProgress?: OnProgress }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./workbook-import.worker.ts', import.meta.url), { type: 'module', name: 'workbook-import' });
    worker.addEventListener('message', (event: MessageEvent<ImportWorkerResponse>) => {
      const message = event.data;
      const waiting = pending.get(message.id);
      if (!waiting) return;
      if (message.type === 'progress') {
        waiting.onProgress?.({ done: message.done, total: message.total, step: message.step });
        return;
      }
      pending.delete(message.id);
      waiting.resolve(message);
    });
    worker.addEventListener('error', (event) => {
      // A worker that stopped (out of memory on a huge file, say) loses its draft: fail everything waiting.
      for (const [id, waiting] of pending) waiting.resolve({ type: 'failed', id, message: event.message || 'reading the workbook stopped' });
      pending.clear();
      worker = null;
    });
  }
  return worker;
}

function ask(message: Record<string, unknown>, onProgress?: OnProgress): { id: number; answer: Promise<ImportWorkerResponse> } {
  const id = nextId++;
  const answer = new Promise<ImportWorkerResponse>((resolve) => {
    pending.set(id, { resolve, ...(onProgress ? { onProgress } : {}) });
    getWorker().postMessage({ ...message, id });
  });
  return { id, answer };
}

/** Reads the files in the worker; returns the read's id (to plan it) and what the dialog shows of it. */
export async function readInWorker(files: readonly InputFile[], onProgress: OnProgress): Promise<{ readId: number; summary: ReadSummary }> {
  const { id, answer } = ask({ type: 'read', files }, onProgress);
  const response = await answer;
  if (response.type === 'failed') throw new Error(response.message);
  if (response.type !== 'read') throw new Error('unexpected answer from the import worker');
  return { readId: id, summary: response.summary };
}

/** Plans the import of the files read by `readId` into a new project or a merge; returns its preview. */
export async function planInWorker(readId: number, target: ImportTarget, onlyValidRows: boolean, onProgress: OnProgress): Promise<PlanPreview> {
  const response = await ask({ type: 'plan', readId, target, onlyValidRows }, onProgress).answer;
  if (response.type === 'failed') throw new Error(response.message);
  if (response.type !== 'planned') throw new Error('unexpected answer from the import worker');
  return response.preview;
}

/** The whole plan behind a preview, to apply it. */
export async function takePlan(preview: PlanPreview): Promise<ImportPlan> {
  const response = await ask({ type: 'take', planId: preview.planId }).answer;
  if (response.type === 'failed') throw new Error(response.message);
  if (response.type !== 'plan') throw new Error('unexpected answer from the import worker');
  return response.plan;
}

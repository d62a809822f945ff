/**
 * The dialog side of the workbook import worker: one worker per app, requests answered by promises,
 * progress reported through a callback. Planning answers with a preview; the whole plan, ready for
 * `applyImportWithBackup`, is taken from the worker only to apply it.
 */
import type { ImportPlan, ImportTarget, InputFile } from '../../../src/core/io';
import type { ImportWorkerRequest, ImportWorkerResponse, PlanPreview, ReadSummary } from './import-worker-protocol';
import { workerChannel } from '../../app/worker-channel';

/** Where the worker has got to, for the progress bar. */
export interface WorkerProgress {
  readonly done: number;
  readonly total: number;
  readonly step: string;
}

type OnProgress = (progress: WorkerProgress) => void;

const channel = workerChannel<ImportWorkerRequest, ImportWorkerResponse>(
  () => new Worker(new URL('./workbook-import.worker.ts', import.meta.url), { type: 'module', name: 'workbook-import' }),
  // A worker that stopped (out of memory on a huge file, say) loses its draft.
  'reading the workbook stopped',
);

const progressOf = (onProgress: OnProgress) => (p: { done: number; total: number; step: string }) => onProgress({ done: p.done, total: p.total, step: p.step });

/** Reads the files in the worker; returns the read's id (to plan it) and what the dialog shows of it. */
export async function readInWorker(files: readonly InputFile[], onProgress: OnProgress): Promise<{ readId: number; summary: ReadSummary }> {
  const { id, answer } = channel.ask({ type: 'read', files }, 'read', progressOf(onProgress));
  return { readId: id, summary: (await answer).summary };
}

/** Plans the import of the files read by `readId` into a new project or a merge; returns its preview. */
export async function planInWorker(readId: number, target: ImportTarget, onlyValidRows: boolean, onProgress: OnProgress): Promise<PlanPreview> {
  return (await channel.ask({ type: 'plan', readId, target, onlyValidRows }, 'planned', progressOf(onProgress)).answer).preview;
}

/** The whole plan behind a preview, to apply it. */
export async function takePlan(preview: PlanPreview): Promise<ImportPlan> {
  return (await channel.ask({ type: 'take', planId: preview.planId }, 'plan').answer).plan;
}

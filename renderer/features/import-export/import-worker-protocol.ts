/**
 * Messages between the workbook import dialog and its Web Worker: reading a workbook of up to
 * 50,000 rows a sheet and planning its import take seconds, so both run in the worker, which keeps
 * the read rows and sends the dialog only what it shows, plus progress step by step.
 */
import type { ImportPlan, ImportProblem, ImportTarget, InputFile, TemplateDraft } from '../../../src/core/io';

/** Read files into the worker's draft; it replaces the draft of any earlier read. */
export interface ReadRequest {
  readonly type: 'read';
  readonly id: number;
  readonly files: readonly InputFile[];
}

/** Plan the import of the draft read by request `readId`. */
export interface PlanRequest {
  readonly type: 'plan';
  readonly id: number;
  readonly readId: number;
  readonly target: ImportTarget;
  readonly onlyValidRows: boolean;
}

export type ImportWorkerRequest = ReadRequest | PlanRequest;

/** What the dialog needs of a read workbook before it is planned; the rows stay in the worker. */
export interface ReadSummary {
  /** The sheet each part of the template was read from. */
  readonly sheets: TemplateDraft['sheets'];
  /** The name on the Project sheet, if any. */
  readonly projectName: string | undefined;
  readonly errors: readonly ImportProblem[];
  readonly warnings: readonly ImportProblem[];
}

export type ImportWorkerResponse =
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number; readonly step: string }
  | { readonly type: 'read'; readonly id: number; readonly summary: ReadSummary }
  | { readonly type: 'planned'; readonly id: number; readonly plan: ImportPlan }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

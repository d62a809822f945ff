/**
 * Messages between the workbook import dialog and its Web Worker: reading a workbook of up to
 * 50,000 rows a sheet and planning its import take seconds, so both run in the worker, which keeps
 * the read rows and the plan and sends the dialog only what it shows, plus progress step by step.
 * The whole plan (every record to write) crosses over only when the person clicks Import.
 */
import type { EntityChange, ImportPlan, ImportProblem, ImportTarget, InputFile, TemplateDraft } from '../../../src/core/io';

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

/** Hand over the whole plan made by request `planId`, to apply it. */
export interface TakeRequest {
  readonly type: 'take';
  readonly id: number;
  readonly planId: number;
}

export type ImportWorkerRequest = ReadRequest | PlanRequest | TakeRequest;

/** How many changed records the preview lists by name. */
export const PREVIEW_CHANGES = 200;

/** What the dialog shows of a plan: counts, problems and the first changes, not the records. */
export interface PlanPreview {
  /** The id of the plan request, to take the whole plan when applying. */
  readonly planId: number;
  readonly mode: ImportPlan['mode'];
  readonly counts: ImportPlan['counts'];
  readonly errors: readonly ImportProblem[];
  readonly warnings: readonly ImportProblem[];
  readonly summary: Omit<ImportPlan['summary'], 'changes'> & {
    /** The first changed records (not the added ones), up to PREVIEW_CHANGES. */
    readonly changed: readonly EntityChange[];
    readonly changedCount: number;
  };
  readonly canApply: boolean;
}

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
  | { readonly type: 'planned'; readonly id: number; readonly preview: PlanPreview }
  | { readonly type: 'plan'; readonly id: number; readonly plan: ImportPlan }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

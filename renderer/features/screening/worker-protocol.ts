/**
 * Messages between the app and the screening Web Worker: list imports and project screening run in
 * the worker so parsing a 14,000-entry list or screening a large chain never freezes the interface.
 * The lists cross over only when they changed: the worker keeps its index over the last ones.
 */
import type { ProjectSnapshot } from '../../../src/core/model';
import type { ImportIssue, ListDiff, ProjectScreening, ScreeningList, ScreeningPolicy } from '../../../src/core/screening';
import type { HitStamp } from '../../../src/core/services';

export interface ImportRequest {
  readonly type: 'import';
  readonly id: number;
  readonly files: readonly { name: string; bytes: Uint8Array }[];
  readonly options: { id: string; importedAt: string; name?: string; publishedAt?: string };
  /** The stored list this import would replace (same name), to show what changed. */
  readonly previous: ScreeningList | null;
}

export interface ScreenRequest {
  readonly type: 'screen';
  readonly id: number;
  /** Identifies the lists (see `listsKey`); `lists` is null when the worker already has them. */
  readonly listsKey: string;
  readonly lists: readonly ScreeningList[] | null;
  readonly snapshot: ProjectSnapshot;
  readonly policy: ScreeningPolicy;
  readonly stamp: HitStamp;
}

export type WorkerRequest = ImportRequest | ScreenRequest;

export type WorkerResponse =
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number }
  | { readonly type: 'imported'; readonly id: number; readonly list: ScreeningList | null; readonly errors: readonly ImportIssue[]; readonly warnings: readonly ImportIssue[]; readonly diff: ListDiff | null }
  | { readonly type: 'screened'; readonly id: number; readonly result: ProjectScreening }
  | { readonly type: 'need-lists'; readonly id: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

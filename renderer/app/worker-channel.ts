/**
 * Typed request and answer over a Web Worker, for every worker of the app: each request gets an id,
 * its answer (or failure) settles a promise, progress messages reach a callback, and a worker that
 * stops (out of memory on a huge file, say) fails everything waiting and is started afresh next time.
 * `serveRequests` is the worker's side: every request is answered, an exception as a failure.
 */

type Failed = { readonly type: 'failed'; readonly id: number; readonly message: string };
type AnswerOf<A, T> = Extract<A, { type: T }>;
/** Distributes Omit over a union of requests. */
type WithoutId<R> = R extends unknown ? Omit<R, 'id'> : never;

export interface WorkerChannel<Req extends { type: string; id: number }, Ans extends { type: string; id: number }> {
  /** Sends a request; resolves with an answer of the type(s) expected, rejects with the worker's message. */
  ask<T extends Ans['type']>(request: WithoutId<Req>, expect: T | readonly T[], onProgress?: (progress: AnswerOf<Ans, 'progress'>) => void): { readonly id: number; readonly answer: Promise<AnswerOf<Ans, T>> };
  /** How many times the worker has been started: state kept in a worker is gone when this changes. */
  readonly generation: number;
}

/** A channel to the worker that `create` starts (on first use, and again after it stopped). */
export function workerChannel<Req extends { type: string; id: number }, Ans extends { type: string; id: number }>(
  create: () => Worker,
  stoppedMessage: string,
): WorkerChannel<Req, Ans> {
  let worker: Worker | null = null;
  let generation = 0;
  let nextId = 1;
  const pending = new Map<number, { expect: readonly string[]; resolve: (a: Ans) => void; reject: (e: Error) => void; onProgress?: (p: never) => void }>();

  const start = (): Worker => {
    if (worker) return worker;
    const started = create();
    generation++;
    started.addEventListener('message', (event: MessageEvent<Ans>) => {
      const answer = event.data;
      const waiting = pending.get(answer.id);
      if (!waiting) return;
      if (answer.type === 'progress') {
        waiting.onProgress?.(answer as never);
        return;
      }
      pending.delete(answer.id);
      if (waiting.expect.includes(answer.type)) waiting.resolve(answer);
      else if (answer.type === 'failed') waiting.reject(new Error((answer as unknown as Failed).message));
      else waiting.reject(new Error(`unexpected answer "${answer.type}" from the worker`));
    });
    started.addEventListener('error', (event) => {
      for (const waiting of pending.values()) waiting.reject(new Error(event.message || stoppedMessage));
      pending.clear();
      if (worker === started) worker = null;
    });
    worker = started;
    return started;
  };

  return {
    ask(request, expect, onProgress) {
      const id = nextId++;
      const answer = new Promise<never>((resolve, reject) => {
        pending.set(id, { expect: typeof expect === 'string' ? [expect] : expect, resolve: resolve as unknown as (a: Ans) => void, reject, ...(onProgress ? { onProgress: onProgress as (p: never) => void } : {}) });
        start().postMessage({ ...request, id });
      });
      return { id, answer };
    },
    get generation() {
      return generation;
    },
  };
}

/** The worker's side: runs `handle` for each request, and answers an exception as a failure. */
export function serveRequests<Req extends { type: string; id: number }, Ans extends { type: string; id: number }>(handle: (request: Req, post: (answer: Ans) => void) => void): void {
  const scope = self as unknown as { postMessage(message: unknown): void; addEventListener(type: 'message', fn: (event: MessageEvent<Req>) => void): void };
  const post = (answer: Ans) => scope.postMessage(answer);
  scope.addEventListener('message', (event) => {
    const request = event.data;
    try {
      handle(request, post);
    } catch (error) {
      scope.postMessage({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) } satisfies Failed);
    }
  });
}

// Access to the shared reference files beside the checkout (../shared). CI has them; a bare clone
// may not, so tests that need them use `describeWithShared`, which skips with a clear message.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHARED_ROOT = process.env.SUBTIER_SHARED ?? fileURLToPath(new URL('../../../shared', import.meta.url));
export const hasShared = existsSync(`${SHARED_ROOT}/reference/sanctions`);

/** Absolute path of a file under ../shared/reference/sanctions. */
export const sanctionsPath = (relative: string) => `${SHARED_ROOT}/reference/sanctions/${relative}`;

export function readShared(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(`${SHARED_ROOT}/${relative}`));
}

/** A describe block that runs only when ../shared is present, and says why it skipped otherwise. */
export function describeWithShared(name: string, fn: () => void): void {
  if (!hasShared) {
    // The body is not even collected: it would read files that are not there.
    describe(name, () => {
      it.skip(`skipped: ../shared/reference is not beside this checkout (${SHARED_ROOT})`, () => undefined);
    });
    return;
  }
  describe(name, fn);
}

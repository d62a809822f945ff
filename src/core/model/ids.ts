/**
 * Stable identifiers and timestamps. Ids are random UUIDs with a short type prefix so that a stray id
 * in a log or a bundle says what it refers to. Both generators are injectable for deterministic tests.
 */
export type IdPrefix = 'prj' | 'pty' | 'lnk' | 'evd' | 'hit' | 'lst' | 'qst' | 'ovr' | 'att' | 'bkp' | 'aud';

export interface IdGenerator {
  (prefix: IdPrefix): string;
}

export interface Clock {
  /** Current time as an ISO 8601 string in UTC. */
  (): string;
}

export const randomId: IdGenerator = (prefix) => `${prefix}_${globalThis.crypto.randomUUID()}`;

export const systemClock: Clock = () => new Date().toISOString();

/** A deterministic id generator for tests and reproducible fixtures: prj_0001, pty_0002, ... */
export function sequentialIds(start = 1): IdGenerator {
  let n = start;
  return (prefix) => `${prefix}_${String(n++).padStart(4, '0')}`;
}

/** A clock that starts at `iso` and advances one second per call. */
export function steppingClock(iso = '2026-01-01T00:00:00.000Z'): Clock {
  let t = Date.parse(iso);
  return () => {
    const now = new Date(t).toISOString();
    t += 1000;
    return now;
  };
}

// The fuzzing kit: a seeded PRNG, byte-level and structure-aware mutators, and a runner that feeds
// mutated copies of real fixtures to an importer and records every case that throws, takes too long
// or answers in a shape other than { value, errors[] }. Reproducible: FUZZ_SEED and the case number
// give the same input again, and failing inputs are written to .test-results/fuzz/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { REPO_ROOT } from '../../support/shared';
import { seededRandom } from '../../../src/core/model/seeded-random';

/** Cases per format: FUZZ_COUNT when set (npm run fuzz sets 1,000), else a quick CI default. */
export function fuzzCount(ciDefault: number): number {
  const n = Number(process.env.FUZZ_COUNT);
  return Number.isInteger(n) && n > 0 ? n : ciDefault;
}

export const FUZZ_SEED = Number(process.env.FUZZ_SEED) || 0x5eed_2026;

/** The project's seeded generator: the same sequence everywhere for the same seed. */
export const prng = seededRandom;

export type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, list: readonly T[]): T => list[int(rng, list.length)]!;

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Text that makes parsers work hard: nesting, entity tricks, huge numbers, quotes, control bytes. */
const NASTY = [
  '<a>'.repeat(5000), '['.repeat(20000), '{"a":'.repeat(5000), '"'.repeat(3000), '&amp;'.repeat(2000), '&#0;&#xD800;&#1114112;',
  '99999999999999999999999999', '-1', 'NaN', '1e308', '-0', '0x7fffffff', '\u0000\u0001\u001a\uFFFE\uFFFF', '\uD800',
  '=cmd|\'/c calc\'!A1', '<!DOCTYPE x [<!ENTITY e "ee">]>', '<![CDATA[', ']]>', '\r\r\n\n', ',,,,,,,,,,,,', '"a""b', '%PDF-1.7', 'PK\u0003\u0004',
  '조선릉라도무역총회사', 'ООО «Восток»', 'شركة', '\u202e\u200f', 'obj << /Length 99999999 >> stream', 'endobj', 'xref\n0 99999\n', 'trailer <<>>',
];

type Mutator = (rng: Rng, bytes: Uint8Array, donors: readonly Uint8Array[]) => Uint8Array;

export const MUTATORS: Readonly<Record<string, Mutator>> = {
  flip: (rng, b) => {
    const out = b.slice();
    for (let i = 1 + int(rng, 8); i > 0 && out.length; i--) {
      const at = int(rng, out.length);
      out[at] = out[at]! ^ (1 << int(rng, 8));
    }
    return out;
  },
  truncate: (rng, b) => b.slice(0, int(rng, b.length)),
  deleteChunk: (rng, b) => {
    const at = int(rng, b.length);
    return concat(b.slice(0, at), b.slice(at + 1 + int(rng, 4096)));
  },
  splice: (rng, b, donors) => {
    const donor = donors.length ? pick(rng, donors) : b;
    const from = int(rng, donor.length);
    const chunk = donor.slice(from, from + 1 + int(rng, 8192));
    const at = int(rng, b.length + 1);
    return rng() < 0.5 ? concat(b.slice(0, at), chunk, b.slice(at)) : concat(b.slice(0, at), chunk, b.slice(at + chunk.length));
  },
  hugeField: (rng, b) => {
    const at = int(rng, b.length + 1);
    const unit = strToU8(pick(rng, ['A', '9', ' ', 'é', '한', '"', ',', '<', '\n']));
    const run = new Uint8Array(unit.length * (10_000 + int(rng, 300_000)));
    for (let i = 0; i < run.length; i += unit.length) run.set(unit, i);
    return concat(b.slice(0, at), run, b.slice(at));
  },
  nasty: (rng, b) => {
    const at = int(rng, b.length + 1);
    return concat(b.slice(0, at), strToU8(pick(rng, NASTY)), b.slice(at + int(rng, 16)));
  },
  repeatChunk: (rng, b) => {
    const from = int(rng, b.length);
    const chunk = b.slice(from, from + 1 + int(rng, 256));
    return concat(b.slice(0, from), ...Array.from({ length: 2 + int(rng, 400) }, () => chunk), b.slice(from));
  },
};

const BYTE_MUTATORS = Object.keys(MUTATORS);

/** One to three byte-level mutations; returns the bytes and what was done. */
export function mutateBytes(rng: Rng, bytes: Uint8Array, donors: readonly Uint8Array[] = []): { bytes: Uint8Array; how: string } {
  let out: Uint8Array = bytes;
  const steps: string[] = [];
  for (let i = 1 + int(rng, 3); i > 0; i--) {
    const name = pick(rng, BYTE_MUTATORS);
    out = MUTATORS[name]!(rng, out, donors);
    steps.push(name);
  }
  return { bytes: out, how: steps.join('+') };
}

/**
 * Mutates one part inside a zip archive (an .xlsx or a bundle) and packs it again, so the mutation
 * gets past the archive layer into the XML or JSON parsers. `fix` may repair what the format checks
 * (for bundles: the manifest's hash of the changed part), to reach the validation behind it.
 */
export function mutateZipPart(rng: Rng, bytes: Uint8Array, fix?: (parts: Record<string, Uint8Array>, changed: string) => void): { bytes: Uint8Array; how: string } {
  const parts: Record<string, Uint8Array> = unzipSync(bytes);
  const names = Object.keys(parts).filter((n) => /\.(xml|rels|json)$/.test(n));
  const name = pick(rng, names);
  const donors = names.map((n) => parts[n]!);
  const mutated = mutateBytes(rng, parts[name]!, donors);
  parts[name] = mutated.bytes;
  fix?.(parts, name);
  return { bytes: zipSync(parts, { level: 1 }), how: `${name}:${mutated.how}${fix ? '+fixed' : ''}` };
}

/** What an importer answered: at least the errors list. */
export interface Answer {
  readonly value: unknown;
  readonly errors: readonly unknown[];
}

export interface FuzzFailure {
  readonly format: string;
  readonly seed: number;
  readonly index: number;
  readonly how: string;
  readonly problem: string;
}

export interface FuzzReport {
  readonly cases: number;
  readonly refused: number;
  readonly accepted: number;
  readonly slowestMs: number;
  readonly failures: readonly FuzzFailure[];
}

/** Checks an answer's shape: errors are non-empty messages (strings, or objects with a message). */
function shapeProblem(answer: unknown): string | null {
  if (!answer || typeof answer !== 'object') return `answered ${typeof answer}, not { value, errors }`;
  const { errors, value } = answer as Answer;
  if (!Array.isArray(errors)) return 'answered without an errors list';
  for (const e of errors) {
    const message = typeof e === 'string' ? e : (e as { message?: unknown })?.message;
    if (typeof message !== 'string' || message.trim() === '') return `an error without a message: ${JSON.stringify(e)?.slice(0, 200)}`;
  }
  if ((value === null || value === undefined) && errors.length === 0) return 'no value and no error';
  return null;
}

/**
 * Runs `count` cases: each makes an input with `mutate`, feeds it to `target`, and checks that the
 * importer answered (no throw) in its structured shape. The slowest case is reported, not judged: a
 * case that hangs fails the test by its timeout, and FUZZ_TRACE names it.
 */
export async function fuzz(format: string, count: number, mutate: (rng: Rng, index: number) => { bytes: Uint8Array; how: string }, target: (bytes: Uint8Array) => unknown): Promise<FuzzReport> {
  const failures: FuzzFailure[] = [];
  let refused = 0;
  let slowestMs = 0;
  for (let index = 0; index < count; index++) {
    const seed = (FUZZ_SEED + index * 7919) >>> 0;
    const { bytes, how } = mutate(prng(seed), index);
    // FUZZ_TRACE=file names the case about to run, so a case that never returns can be found.
    if (process.env.FUZZ_TRACE) writeFileSync(process.env.FUZZ_TRACE, `${format} seed ${seed} case ${index}: ${how} (${bytes.length} bytes)\n`);
    const started = performance.now();
    let problem: string | null;
    try {
      const answer = await target(bytes);
      problem = shapeProblem(answer);
      if (!problem && (answer as Answer).errors.length) refused++;
    } catch (error) {
      problem = `threw ${(error as Error)?.name}: ${String((error as Error)?.message ?? error).slice(0, 300)}`;
    }
    const ms = performance.now() - started;
    slowestMs = Math.max(slowestMs, ms);
    if (problem) {
      failures.push({ format, seed, index, how, problem });
      const dir = `${REPO_ROOT}/.test-results/fuzz`;
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${dir}/${format}-${seed}.bin`, bytes);
    }
  }
  return { cases: count, refused, accepted: count - refused - failures.length, slowestMs: Math.round(slowestMs), failures };
}

/** Replaces the manifest entry of a changed bundle part with its new size and hash. */
export function fixBundleManifest(sha256Hex: (b: Uint8Array) => string) {
  return (parts: Record<string, Uint8Array>, changed: string) => {
    if (changed === 'manifest.json') return;
    const manifest = JSON.parse(strFromU8(parts['manifest.json']!)) as { files: { path: string; size: number; sha256: string }[] };
    for (const f of manifest.files) {
      if (f.path === changed) {
        f.size = parts[changed]!.length;
        f.sha256 = sha256Hex(parts[changed]!);
      }
    }
    parts['manifest.json'] = strToU8(JSON.stringify(manifest));
  };
}

/**
 * Reading untrusted zip archives (workbooks, bundles) safely: the central directory is read and
 * checked before anything is inflated (sizes against limits, no duplicate, unsafe or overlapping
 * entries, no encryption), and each entry is then inflated in small steps that stop as soon as it
 * produces more than its declared size, so a lying directory cannot turn a small file into gigabytes.
 */
import { Inflate, strFromU8 } from 'fflate';
import { formatBytes } from './limits';

export interface ZipEntryInfo {
  readonly name: string;
  /** Compressed size in the archive. */
  readonly size: number;
  /** Size the archive declares for the unpacked entry. */
  readonly originalSize: number;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  /** Where the entry's local header starts, and where its data starts after it. */
  readonly offset: number;
  readonly dataStart: number;
}

export type ZipListing = { readonly ok: true; readonly entries: readonly ZipEntryInfo[] } | { readonly ok: false; readonly error: string };

export interface ZipLimits {
  readonly maxEntries: number;
  /** The most all entries together may declare when unpacked. */
  readonly maxUnpackedBytes: number;
  /** The most one entry may declare when unpacked, for all entries or by name (default: maxUnpackedBytes). */
  readonly maxEntryBytes?: number | ((name: string) => number);
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Names that mean something to JavaScript objects: an archive keyed by name must never hold them. */
const RESERVED_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);
/** Input is fed to the inflater in steps this size, so one step can produce at most ~16 MiB. */
const INFLATE_STEP = 16 * 1024;

/** Why an entry name is unsafe (absolute, climbing out with "..", a reserved word), or null. */
export function unsafeEntryName(name: string): string | null {
  if (name === '') return 'an entry has no name';
  // eslint-disable-next-line no-control-regex -- control characters never belong in a part name
  if (/[\u0000-\u001f\u007f\\]/.test(name)) return `the entry name ${JSON.stringify(name)} holds control characters or backslashes`;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return `the entry ${JSON.stringify(name)} has an absolute path`;
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === '')) return `the entry ${JSON.stringify(name)} has "..", "." or an empty part in its path`;
  if (segments.some((s) => RESERVED_SEGMENTS.has(s))) return `the entry ${JSON.stringify(name)} has a reserved name`;
  return null;
}

function findEndOfDirectory(bytes: Uint8Array, view: DataView): number {
  const stop = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= stop; i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

/**
 * Lists an archive from its central directory without inflating anything, and refuses it when it
 * breaks a limit or a rule. A cut-off archive has no directory and is reported as incomplete.
 */
export function listZip(bytes: Uint8Array, limits: ZipLimits): ZipListing {
  const fail = (error: string): ZipListing => ({ ok: false, error });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length >= 22 ? findEndOfDirectory(bytes, view) : -1;
  if (end < 0) return fail('the archive is incomplete: its end is missing (the file was cut off while copying or downloading)');
  const count = view.getUint16(end + 10, true);
  const dirSize = view.getUint32(end + 12, true);
  const dirStart = view.getUint32(end + 16, true);
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0 || view.getUint16(end + 8, true) !== count) return fail('the archive is split over several disks, which is not supported');
  if (count === 0xffff || dirStart === 0xffffffff) return fail('the archive uses the ZIP64 format for more than 65,535 parts or 4 GiB, which is not accepted');
  if (count > limits.maxEntries) return fail(`the archive holds ${count} parts; at most ${limits.maxEntries} are accepted`);
  if (dirStart + dirSize > end) return fail('the archive is damaged (its directory points outside the file)');

  const entries: ZipEntryInfo[] = [];
  const names = new Set<string>();
  let total = 0;
  const maxEntry = (name: string) => (typeof limits.maxEntryBytes === 'function' ? limits.maxEntryBytes(name) : limits.maxEntryBytes ?? limits.maxUnpackedBytes);
  for (let i = 0, at = dirStart; i < count; i++) {
    if (at + 46 > dirStart + dirSize || view.getUint32(at, true) !== CENTRAL) return fail('the archive is damaged (its directory is malformed)');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const originalSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > end) return fail('the archive is damaged (its directory is malformed)');
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength), !(flags & 0x800));
    at += 46 + nameLength + extraLength + commentLength;

    const unsafe = unsafeEntryName(name);
    if (unsafe) return fail(unsafe);
    if (names.has(name)) return fail(`the archive holds two entries named ${JSON.stringify(name)}; readers disagree on which one counts, so it is refused`);
    names.add(name);
    if (flags & 0x1) return fail(`the part ${name} is encrypted`);
    if (size === 0xffffffff || originalSize === 0xffffffff || offset === 0xffffffff) return fail(`the part ${name} uses ZIP64 sizes, which are not accepted`);
    if (method !== 0 && method !== 8) return fail(`the part ${name} uses compression method ${method}; only stored and deflated parts are read`);
    if (originalSize > maxEntry(name)) return fail(`the part ${name} would unpack to ${formatBytes(originalSize)}; at most ${formatBytes(maxEntry(name))} per part are accepted`);
    total += originalSize;
    if (total > limits.maxUnpackedBytes) return fail(`the archive would unpack to more than ${formatBytes(limits.maxUnpackedBytes)}, the most accepted`);
    if (size > 0 && originalSize / size > 1000 && originalSize > 10 * 1024 * 1024) return fail(`the part ${name} is compressed more than 1000 to 1; such files are refused as a precaution (zip bomb)`);
    if (method === 0 && size !== originalSize) return fail(`the part ${name} is damaged (stored with two different sizes)`);

    // The local header must name the same entry, and the data must lie before the directory.
    if (offset + 30 > dirStart || view.getUint32(offset, true) !== LOCAL) return fail(`the archive is damaged (the part ${name} is missing)`);
    const localName = bytes.subarray(offset + 30, offset + 30 + view.getUint16(offset + 26, true));
    if (strFromU8(localName, !(view.getUint16(offset + 6, true) & 0x800)) !== name || view.getUint16(offset + 8, true) !== method) return fail(`the archive is damaged or forged (the part ${name} is described two different ways)`);
    const dataStart = offset + 30 + localName.length + view.getUint16(offset + 28, true);
    if (dataStart + size > dirStart) return fail(`the archive is damaged (the part ${name} runs past the end of the data)`);
    entries.push({ name, size, originalSize, method, offset, dataStart });
  }
  // Parts sharing bytes are how the smallest zip bombs are made: each part must have its own.
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    if (prev.dataStart + prev.size > sorted[i]!.offset) return fail(`the parts ${prev.name} and ${sorted[i]!.name} overlap; such archives are refused (zip bomb)`);
  }
  return { ok: true, entries };
}

/** Inflates one listed entry, never producing more than its declared size. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntryInfo): { ok: true; bytes: Uint8Array } | { ok: false; error: string } {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.size);
  if (entry.method === 0) return { ok: true, bytes: data.slice() };
  const out = new Uint8Array(entry.originalSize);
  let produced = 0;
  let overflow = false;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    if (produced + chunk.length > out.length) {
      overflow = true;
      throw new RangeError('overflow');
    }
    out.set(chunk, produced);
    produced += chunk.length;
    if (final) finished = true;
  });
  try {
    for (let i = 0; i < data.length && !finished; i += INFLATE_STEP) inflater.push(data.subarray(i, Math.min(data.length, i + INFLATE_STEP)), i + INFLATE_STEP >= data.length);
    if (!data.length) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (overflow) return { ok: false, error: `the part ${entry.name} unpacks to more than the ${formatBytes(entry.originalSize)} its directory declares (zip bomb or forged archive)` };
    return { ok: false, error: `the part ${entry.name} is damaged (${(error as Error).message})` };
  }
  if (produced !== entry.originalSize) return { ok: false, error: `the part ${entry.name} unpacks to ${formatBytes(produced)}, not the ${formatBytes(entry.originalSize)} its directory declares` };
  return { ok: true, bytes: out };
}

/** Inflates the listed entries `want` accepts (all by default), by name; the first failure stops it. */
export function unzipEntries(bytes: Uint8Array, entries: readonly ZipEntryInfo[], want: (entry: ZipEntryInfo) => boolean = () => true): { ok: true; files: Map<string, Uint8Array> } | { ok: false; error: string } {
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (!want(entry) || entry.name.endsWith('/')) continue;
    const inflated = inflateEntry(bytes, entry);
    if (!inflated.ok) return inflated;
    files.set(entry.name, inflated.bytes);
  }
  return { ok: true, files };
}

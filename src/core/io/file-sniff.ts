/**
 * Recognises what a file really is from its first bytes and, for zip archives, from the list of
 * parts inside (read without unpacking anything), so that a PDF, an encrypted workbook, a bundle or a
 * zip bomb is named and refused before any parser spends memory on it.
 */
import { unzipSync } from 'fflate';
import { formatBytes } from './limits';

export type FileKind =
  | 'zip' | 'cfb' | 'pdf' | 'image' | 'archive' | 'executable' | 'xml' | 'html' | 'text' | 'binary' | 'empty';

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, n: number) => String.fromCharCode(...bytes.subarray(0, n));

/** The kind of file, judged from its first bytes. */
export function sniffFile(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'cfb';
  if (ascii(bytes, 5) === '%PDF-') return 'pdf';
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) || startsWith(bytes, 0xff, 0xd8, 0xff) || ascii(bytes, 4) === 'GIF8' || (ascii(bytes, 4) === 'RIFF' && ascii(bytes.subarray(8), 4) === 'WEBP')) return 'image';
  if (startsWith(bytes, 0x1f, 0x8b) || ascii(bytes, 4) === 'Rar!' || startsWith(bytes, 0x37, 0x7a, 0xbc, 0xaf) || startsWith(bytes, 0x42, 0x5a, 0x68)) return 'archive';
  if (ascii(bytes, 2) === 'MZ' || startsWith(bytes, 0x7f, 0x45, 0x4c, 0x46)) return 'executable';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<?xml')) return 'xml';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<table')) return 'html';
  return looksLikeText(bytes) ? 'text' : 'binary';
}

/** Text unless the first 4 KiB hold NUL bytes (outside UTF-16) or many control characters. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  if (startsWith(sample, 0xff, 0xfe) || startsWith(sample, 0xfe, 0xff)) return true;
  let nulEven = 0;
  let nulOdd = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) {
      if (i % 2) nulOdd++;
      else nulEven++;
    } else if (b < 9 || (b > 13 && b < 32)) control++;
  }
  const half = sample.length / 2;
  // UTF-16 without a byte-order mark: ASCII text has a NUL in every other byte.
  if ((nulOdd > half * 0.3 && nulEven === 0) || (nulEven > half * 0.3 && nulOdd === 0)) return true;
  return nulEven + nulOdd === 0 && control <= sample.length * 0.01;
}

/** A plain-words description of a non-spreadsheet kind, for messages. */
export function describeKind(kind: FileKind): string {
  switch (kind) {
    case 'pdf': return 'a PDF document';
    case 'image': return 'an image';
    case 'archive': return 'a compressed archive (gzip, RAR, 7-Zip or bzip2)';
    case 'executable': return 'a program';
    case 'xml': return 'an XML file';
    case 'html': return 'a web page';
    case 'empty': return 'an empty file';
    case 'binary': return 'a binary file of an unknown kind';
    default: return 'a file of another kind';
  }
}

export interface ZipEntryInfo {
  readonly name: string;
  /** Compressed size in the archive. */
  readonly size: number;
  /** Size the archive declares for the unpacked part. */
  readonly originalSize: number;
}

export type ZipListing = { readonly ok: true; readonly entries: readonly ZipEntryInfo[] } | { readonly ok: false; readonly error: string };

/**
 * Lists the parts of a zip archive from its central directory without inflating any of them, and
 * checks the declared unpacked size and the number of parts against limits. A cut-off archive has no
 * central directory and is reported as incomplete.
 */
export function listZip(bytes: Uint8Array, limits: { readonly maxEntries: number; readonly maxUnpackedBytes: number }): ZipListing {
  if (!hasEndOfCentralDirectory(bytes)) return { ok: false, error: 'the archive is incomplete: its end is missing (the file was cut off while copying or downloading)' };
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, size: file.size, originalSize: file.originalSize });
        return false;
      },
    });
  } catch (error) {
    return { ok: false, error: `the archive is damaged (${(error as Error).message})` };
  }
  if (entries.length > limits.maxEntries) return { ok: false, error: `the archive holds ${entries.length} parts; at most ${limits.maxEntries} are accepted` };
  const total = entries.reduce((sum, e) => sum + e.originalSize, 0);
  if (total > limits.maxUnpackedBytes) return { ok: false, error: `the archive would unpack to ${formatBytes(total)}; at most ${formatBytes(limits.maxUnpackedBytes)} are accepted` };
  const suspicious = entries.find((e) => e.size > 0 && e.originalSize / e.size > 1000 && e.originalSize > 10 * 1024 * 1024);
  if (suspicious) return { ok: false, error: `the part ${suspicious.name} is compressed more than 1000 to 1; such files are refused as a precaution (zip bomb)` };
  return { ok: true, entries };
}

/** True when the last 64 KiB + 22 bytes contain a zip end-of-central-directory record. */
function hasEndOfCentralDirectory(bytes: Uint8Array): boolean {
  const stop = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

/**
 * Recognises what a file really is from its first bytes and, for zip archives, from the list of
 * parts inside (read without unpacking anything), so that a PDF, an encrypted workbook, a bundle or a
 * zip bomb is named and refused before any parser spends memory on it.
 */

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

// Zip archives are listed and checked by zip-read.ts; re-exported here for existing callers.
export { listZip } from './zip-read';
export type { ZipEntryInfo, ZipListing } from './zip-read';

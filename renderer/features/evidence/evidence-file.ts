/**
 * Turning a picked file into evidence: the media type (from the file's first bytes, then its
 * extension), the SHA-256 of the exact bytes, and the record the repository stores. The size limit
 * is the bridge's documented limit for evidence files (FILE_KINDS.evidence, 100 MB), enforced before
 * the bytes are read. Previews are allowed only for types the app can show safely.
 */
import { evidenceSchema, randomId, sha256Hex, systemClock } from '../../../src/core/model';
import type { Evidence } from '../../../src/core/model';
import { FILE_KINDS, tooLargeMessage } from '../../../src/ipc/contract';

/** The largest evidence file accepted, in bytes (documented in the README with the other limits). */
export const EVIDENCE_MAX_BYTES = FILE_KINDS.evidence.maxBytes;

const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp',
  bmp: 'image/bmp', tif: 'image/tiff', tiff: 'image/tiff', heic: 'image/heic',
  txt: 'text/plain', csv: 'text/csv', md: 'text/markdown', json: 'application/json', xml: 'application/xml', eml: 'message/rfc822',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text', ods: 'application/vnd.oasis.opendocument.spreadsheet',
  rtf: 'application/rtf', zip: 'application/zip', mp3: 'audio/mpeg', m4a: 'audio/mp4', mp4: 'video/mp4',
};

const starts = (b: Uint8Array, ...sig: number[]) => sig.every((x, i) => b[i] === x);

/** The media type of a file: its magic bytes win over its name, so a renamed file is named truly. */
export function detectMediaType(name: string, bytes: Uint8Array): string {
  if (starts(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(bytes, 0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(bytes, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(bytes, 0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(bytes, 0x52, 0x49, 0x46, 0x46) && starts(bytes.subarray(8), 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const byName = BY_EXTENSION[ext];
  // A file named like an image or a PDF whose bytes say otherwise is stored as plain bytes.
  if (byName && (byName.startsWith('image/') || byName === 'application/pdf') && !['image/bmp', 'image/tiff', 'image/heic'].includes(byName)) return 'application/octet-stream';
  return byName ?? 'application/octet-stream';
}

export type PreviewKind = 'image' | 'pdf' | 'text' | 'none';

/** How a stored file may be previewed. Never as HTML or SVG in a frame: only inert views. */
export function previewKind(mediaType: string): PreviewKind {
  if (/^image\/(png|jpeg|gif|webp|bmp)$/.test(mediaType)) return 'image';
  if (mediaType === 'application/pdf') return 'pdf';
  if (/^text\/|^application\/(json|xml)$|^message\/rfc822$/.test(mediaType)) return 'text';
  return 'none';
}

/** A refusal message when the file is over the limit, else null. */
export function checkEvidenceSize(name: string, size: number): string | null {
  return size > EVIDENCE_MAX_BYTES ? tooLargeMessage('evidence', name, size) : null;
}

export interface EvidenceDraft {
  readonly title: string;
  readonly capturedAt: string;
  readonly description: string;
  readonly sensitive: boolean;
}

/** Builds the evidence record for bytes about a subject; the hash is of the exact bytes stored. */
export function buildEvidence(projectId: string, subject: Evidence['subject'], name: string, bytes: Uint8Array, draft: EvidenceDraft): Evidence {
  const now = systemClock();
  return evidenceSchema.parse({
    id: randomId('evd'), projectId, subject, createdAt: now, updatedAt: now,
    title: draft.title.trim() || name, fileName: name.slice(0, 500), mediaType: detectMediaType(name, bytes), size: bytes.length,
    sha256: sha256Hex(bytes), capturedAt: draft.capturedAt, description: draft.description, sensitive: draft.sensitive,
  });
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

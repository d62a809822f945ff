// Evidence files: the media type comes from the bytes before the name, previews are only ever
// inert, and the size limit is the documented one.
import { describe, expect, it } from 'vitest';
import { EVIDENCE_MAX_BYTES, buildEvidence, checkEvidenceSize, detectMediaType, previewKind } from '../../../renderer/features/evidence/evidence-file';
import { sha256Hex } from '../../../src/core/model';

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0, 0, 0, 0, 0]);

describe('evidence files', () => {
  it('names a file by its bytes, not its name', () => {
    expect(detectMediaType('scan.bin', bytes(0x25, 0x50, 0x44, 0x46, 0x2d))).toBe('application/pdf');
    expect(detectMediaType('photo.pdf', bytes(0x89, 0x50, 0x4e, 0x47))).toBe('image/png');
    expect(detectMediaType('photo.jpg', new TextEncoder().encode('<html><script>alert(1)</script>'))).toBe('application/octet-stream');
    expect(detectMediaType('notes.txt', new TextEncoder().encode('interview notes'))).toBe('text/plain');
    expect(detectMediaType('contract.docx', bytes(0x50, 0x4b, 0x03, 0x04))).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('previews images, PDFs and text only, never HTML or SVG', () => {
    expect(previewKind('image/png')).toBe('image');
    expect(previewKind('application/pdf')).toBe('pdf');
    expect(previewKind('text/plain')).toBe('text');
    expect(previewKind('text/html')).toBe('text');
    expect(previewKind('image/svg+xml')).toBe('none');
    expect(previewKind('application/octet-stream')).toBe('none');
  });

  it('refuses files above the documented limit with both sizes in the message', () => {
    expect(EVIDENCE_MAX_BYTES).toBe(100 * 1024 * 1024);
    expect(checkEvidenceSize('ok.pdf', EVIDENCE_MAX_BYTES)).toBeNull();
    expect(checkEvidenceSize('video.mp4', EVIDENCE_MAX_BYTES + 1)).toMatch(/video\.mp4 is 100\.0 MB; the largest evidence file Subtier opens is 100\.0 MB/);
  });

  it('records the SHA-256 of the exact bytes, the size and the capture date', () => {
    const data = new TextEncoder().encode('badge list');
    const ev = buildEvidence('prj_1', { type: 'party', id: 'pty_1' }, 'badges.txt', data, { title: '', capturedAt: '2026-03-01', description: '', sensitive: true });
    expect(ev).toMatchObject({ sha256: sha256Hex(data), size: data.length, capturedAt: '2026-03-01', title: 'badges.txt', mediaType: 'text/plain', sensitive: true });
  });
});

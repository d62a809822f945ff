/**
 * Previewing stored evidence: images from object URLs of their bytes (the CSP allows blob: images),
 * PDFs drawn page by page by pdf.js, text as plain text. Nothing is ever shown as HTML or run; other
 * types are offered as a saved copy. Object URLs are revoked when the preview closes.
 */
import { useEffect, useState } from 'react';
import { useServices } from '../../app/services-context';
import { Notice } from '../../components/ui';
import { PdfPreview } from '../../components/PdfPreview';
import type { Evidence } from '../../../src/core/model';
import { previewKind } from './evidence-file';

const TEXT_PREVIEW_BYTES = 256 * 1024;

export function EvidencePreview({ evidence }: { evidence: Evidence }) {
  const { repo } = useServices();
  const kind = previewKind(evidence.mediaType);
  const [state, setState] = useState<{ url?: string; text?: string; bytes?: Uint8Array; error?: string }>({});

  useEffect(() => {
    let url: string | undefined;
    let live = true;
    if (kind === 'none') return;
    repo.getEvidenceBytes(evidence.id).then((bytes) => {
      if (!live) return;
      if (!bytes) {
        setState({ error: 'The file\'s bytes are missing from the database.' });
        return;
      }
      if (kind === 'text') {
        const head = bytes.subarray(0, TEXT_PREVIEW_BYTES);
        setState({ text: new TextDecoder('utf-8', { fatal: false }).decode(head) + (bytes.length > head.length ? '\n…' : '') });
        return;
      }
      if (kind === 'pdf') {
        setState({ bytes });
        return;
      }
      // Copy into a fresh buffer: a Blob cannot take a view of shared or offset memory.
      url = URL.createObjectURL(new Blob([bytes.slice()], { type: evidence.mediaType }));
      setState({ url });
    }, (e: unknown) => live && setState({ error: (e as Error).message }));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [repo, evidence.id, evidence.mediaType, kind]);

  if (kind === 'none') return <Notice>There is no preview for this kind of file ({evidence.mediaType}). Save a copy to open it in another program.</Notice>;
  if (state.error) return <Notice kind="error">{state.error}</Notice>;
  if (kind === 'text') return state.text === undefined ? <p className="muted">Loading…</p> : <pre className="evidence-text" dir="auto">{state.text}</pre>;
  if (kind === 'pdf') return state.bytes ? <PdfPreview source={state.bytes} title={evidence.title || evidence.fileName} /> : <p className="muted">Loading…</p>;
  if (!state.url) return <p className="muted">Loading…</p>;
  return <img className="evidence-image" src={state.url} alt={evidence.title || evidence.fileName} />;
}

/**
 * A PDF drawn page by page onto a canvas with pdf.js, identical in the web build and the desktop
 * app (no browser PDF viewer, no frame, no plugin). Only the page on screen is rendered, when it is
 * shown, and only the first few pages can be browsed; a damaged or encrypted file gets a plain
 * message instead of a preview.
 */
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { Button, Notice } from './ui';
import { describePdfError, openPdf } from './pdf-document';

const DEFAULT_MAX_PAGES = 20;
/** Canvas width in CSS pixels; the page is scaled to it and drawn at the screen's pixel ratio. */
const PAGE_WIDTH = 720;

interface PdfPreviewProps {
  /** The PDF's bytes, or an object URL of them. */
  readonly source: Uint8Array | string;
  /** What the PDF is, for the canvas's accessible name. */
  readonly title: string;
  /** How many of the first pages can be browsed. */
  readonly maxPages?: number;
}

export function PdfPreview({ source, title, maxPages = DEFAULT_MAX_PAGES }: PdfPreviewProps) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pageNumber, setPageNumber] = useState(1);
  const [rendering, setRendering] = useState(false);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    let destroy: (() => Promise<void>) | null = null;
    setDoc(null);
    setError(null);
    setPageNumber(1);
    openPdf(source).then((task) => {
      destroy = () => task.destroy();
      if (!live) return void task.destroy();
      return task.promise.then((d) => {
        opened = d;
        if (live) setDoc(d);
      });
    }).catch((e: unknown) => {
      if (live) setError(describePdfError(e));
    });
    return () => {
      live = false;
      void (opened ? opened.destroy() : destroy?.());
    };
  }, [source]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!doc || !canvas) return;
    let task: RenderTask | null = null;
    let live = true;
    setRendering(true);
    doc.getPage(pageNumber).then((page) => {
      if (!live) return;
      const base = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (PAGE_WIDTH / base.width) * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      task = page.render({ canvas, viewport });
      return task.promise;
    }).then(() => {
      if (live) setRendering(false);
    }, (e: unknown) => {
      if (!live || (e as { name?: string }).name === 'RenderingCancelledException') return;
      setRendering(false);
      setError(describePdfError(e));
    });
    return () => {
      live = false;
      task?.cancel();
    };
  }, [doc, pageNumber]);

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!doc) return <p className="muted">Opening the PDF…</p>;
  const browsable = Math.min(doc.numPages, maxPages);
  return (
    <div className="pdf-preview">
      <div className="pdf-preview-bar" style={{ display: 'flex', alignItems: 'center', gap: '0.5rem', marginBottom: '0.5rem' }}>
        <Button variant="ghost" onClick={() => setPageNumber((n) => n - 1)} disabled={pageNumber <= 1} aria-label="Previous page">‹ Previous</Button>
        <span aria-live="polite" data-testid="pdf-page-status">Page {pageNumber} of {doc.numPages}</span>
        <Button variant="ghost" onClick={() => setPageNumber((n) => n + 1)} disabled={pageNumber >= browsable} aria-label="Next page">Next ›</Button>
        {rendering ? <span className="muted small">Drawing…</span> : null}
      </div>
      {doc.numPages > maxPages ? <p className="muted small">The preview shows the first {maxPages} pages. Save a copy to read the rest.</p> : null}
      <canvas
        ref={canvasRef}
        className="pdf-preview-page"
        role="img"
        aria-label={`${title}, page ${pageNumber} of ${doc.numPages}`}
        style={{ maxWidth: '100%', height: 'auto', border: '1px solid #ccc', background: '#fff', display: 'block' }}
      />
    </div>
  );
}

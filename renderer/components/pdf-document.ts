/**
 * Opening a PDF with pdf.js the same way in the web build and the desktop app: the legacy build
 * (it runs in older Chromium too), its worker, fonts and character maps bundled by Vite and served
 * from the app's own origin, no eval, no scripting. Loaded on first use so the main bundle stays small.
 */
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { BundledPdfData } from './pdf-data';

type PdfJs = typeof PdfJsModule;

let loading: Promise<PdfJs> | null = null;

/** The pdf.js module, configured once with the bundled worker. */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    return lib;
  });
  return loading;
}

/**
 * Starts opening a PDF from its bytes (copied, because pdf.js hands its buffer to the worker) or
 * from an object URL. Evidence PDFs are untrusted: nothing is evaluated and no script runs. A font
 * the file names without embedding is drawn with pdf.js's bundled standard fonts, not the system's,
 * so a page looks the same in the browser and the desktop app.
 */
export async function openPdf(source: Uint8Array | string): Promise<PDFDocumentLoadingTask> {
  const lib = await loadPdfJs();
  return lib.getDocument({
    ...(typeof source === 'string' ? { url: source } : { data: source.slice() }),
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: false,
    useWorkerFetch: false,
    cMapPacked: true,
    BinaryDataFactory: BundledPdfData,
    // Errors only: pdf.js otherwise logs a warning for every quirk of a damaged file.
    verbosity: lib.VerbosityLevel.ERRORS,
  });
}

/** A plain message for why a PDF could not be opened. */
export function describePdfError(error: unknown): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') return 'This PDF is encrypted with a password, so it cannot be previewed. Save a copy to open it in another program.';
  if (name === 'InvalidPDFException') return 'This file is damaged or is not a PDF, so it cannot be previewed.';
  if (name === 'MissingPDFException') return 'The PDF could not be read.';
  const message = (error as Error | null)?.message;
  return `The PDF could not be previewed${message ? `: ${message}` : ''}.`;
}

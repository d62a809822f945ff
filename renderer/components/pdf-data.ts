/**
 * The data pdf.js asks for while drawing, served from the app's own bundle: character maps for
 * CJK text (Korean documents among them) and the standard fonts a PDF names without embedding.
 * Vite emits each file as an asset; nothing is fetched until a PDF needs it, and never from outside.
 */
const CMAPS = import.meta.glob('../../node_modules/pdfjs-dist/cmaps/*.bcmap', { eager: true, query: '?url', import: 'default' }) as Record<string, string>;
const FONTS = import.meta.glob('../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', { eager: true, query: '?url', import: 'default' }) as Record<string, string>;

function byFileName(urls: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));
}

const FILES: Record<string, Map<string, string>> = { cMapUrl: byFileName(CMAPS), standardFontDataUrl: byFileName(FONTS) };

/**
 * pdf.js's `BinaryDataFactory`: looks a requested file up among the bundled assets. Anything else
 * (WebAssembly decoders, which the CSP does not allow) is refused, and pdf.js goes without it.
 */
export class BundledPdfData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = FILES[kind]?.get(filename);
    if (!url) throw new Error(`${filename} is not bundled with the app.`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${filename} could not be read (${response.status}).`);
    return new Uint8Array(await response.arrayBuffer());
  }
}


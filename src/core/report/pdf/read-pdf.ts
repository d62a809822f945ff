/**
 * Reading back what Subtier wrote into a PDF: embedded files (the report data) and the text of a
 * page (to find the hash printed on the cover), decoded through the fonts' ToUnicode maps. Only
 * what our own renderer writes needs to be understood; anything else is reported as not found.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRawStream, PDFStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import type { PDFDocument, PDFObject } from 'pdf-lib';

function streamBytes(obj: PDFObject | undefined): Uint8Array | null {
  if (obj instanceof PDFRawStream) return decodePDFRawStream(obj).decode();
  if (obj instanceof PDFStream) return obj.getContents();
  return null;
}

/** The embedded files of a document, by name (flat name trees, as pdf-lib writes them, and kids). */
export function embeddedFiles(doc: PDFDocument): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const walk = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 8) return;
    const list = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (list) {
      for (let i = 0; i + 1 < list.size(); i += 2) {
        const key = list.lookup(i);
        const name = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : '';
        const spec = list.lookup(i + 1);
        if (!(spec instanceof PDFDict)) continue;
        const ef = spec.lookupMaybe(PDFName.of('EF'), PDFDict);
        const bytes = streamBytes(ef?.lookup(PDFName.of('F')));
        if (name && bytes) out.set(name, bytes);
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) walk(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  walk(tree, 0);
  return out;
}

const latin1 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
};

const utf16Hex = (hex: string) => {
  let s = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return s;
};

/** Parses the bfchar and bfrange sections of a ToUnicode CMap into glyph code → text. */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(m[1]!, 16), utf16Hex(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      const dst = m[3]!;
      if (dst.startsWith('[')) {
        [...dst.matchAll(/<([0-9A-Fa-f]+)>/g)].forEach((d, i) => map.set(lo + i, utf16Hex(d[1]!)));
      } else {
        const base = utf16Hex(dst.slice(1, -1));
        for (let c = lo; c <= hi && c - lo < 65536; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - lo)));
      }
    }
  }
  return map;
}

/**
 * The text drawn on a page, one string per text-showing operator, in drawing order. Understands
 * the operators pdf-lib writes for embedded fonts (Tf, then hex strings with Tj).
 */
export function pageText(doc: PDFDocument, pageIndex: number): string[] {
  const page = doc.getPage(pageIndex);
  const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
  const maps = new Map<string, Map<number, string>>();
  for (const [name, ref] of fonts?.entries() ?? []) {
    const dict = doc.context.lookup(ref);
    if (!(dict instanceof PDFDict)) continue;
    const bytes = streamBytes(dict.lookup(PDFName.of('ToUnicode')));
    if (bytes) maps.set(name.decodeText(), parseToUnicode(latin1(bytes)));
  }
  const contents = page.node.Contents();
  const parts: Uint8Array[] = [];
  if (contents instanceof PDFArray) {
    for (let i = 0; i < contents.size(); i++) {
      const b = streamBytes(contents.lookup(i));
      if (b) parts.push(b);
    }
  } else {
    const b = streamBytes(contents);
    if (b) parts.push(b);
  }
  const out: string[] = [];
  let map: Map<number, string> | undefined;
  for (const part of parts) {
    for (const m of latin1(part).matchAll(/\/([^\s/[\]<>()]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj/g)) {
      if (m[1] !== undefined) {
        map = maps.get(m[1]);
        continue;
      }
      const hex = m[2]!.replace(/\s+/g, '');
      let s = '';
      for (let i = 0; i + 4 <= hex.length; i += 4) s += map?.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
      out.push(s);
    }
  }
  return out;
}

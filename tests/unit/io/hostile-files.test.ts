// Hostile and broken files: each is refused with a message that says what it is and what to do,
// and none of them throws past the reader.
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, readSpreadsheet, readTemplateFiles } from '../../../src/core/io';
import { patchPart, stadiumSheets, workbook } from './helpers';

const messageOf = (bytes: Uint8Array, name = 'file.xlsx') => {
  const r = readSpreadsheet(bytes, name);
  expect(r.value).toBeNull();
  expect(r.errors).toHaveLength(1);
  return r.errors[0]!.message;
};

/** A compound-file container holding the streams of an ECMA-376 encrypted workbook. */
function encryptedContainer(): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  const info = new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>')]);
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', info);
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(4104).fill(0x5a));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as number[]);
}

describe('hostile and broken files', () => {
  const good = workbook(stadiumSheets());

  it('refuses a password-protected workbook and says how to remove the password', () => {
    expect(messageOf(encryptedContainer())).toMatch(/protected with a password.*remove the password/);
  });

  it('refuses a workbook cut off in transfer', () => {
    expect(messageOf(good.subarray(0, Math.floor(good.length / 2)))).toMatch(/incomplete.*cut off/);
  });

  it('refuses a damaged workbook', () => {
    const damaged = good.slice();
    // Overwrite the middle of the archive (compressed sheet data) with noise.
    for (let i = 200; i < damaged.length - 400; i++) damaged[i] = (i * 31) & 0xff;
    expect(messageOf(damaged)).toMatch(/damaged|not a readable workbook/);
  });

  it.each([
    ['a PDF', strToU8('%PDF-1.7\n1 0 obj <<>> endobj\n'), /PDF document/],
    ['an image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /an image/],
    ['a program', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]), /a program/],
    ['random bytes', Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256), /binary file/],
    ['a Word file', zipSync({ 'word/document.xml': strToU8('<w:document/>'), '[Content_Types].xml': strToU8('<Types/>') }), /zip archive.*not a workbook/],
    ['a bundle', zipSync({ 'manifest.json': strToU8('{}'), 'project.json': strToU8('{}') }), /project bundle.*import it as a bundle/],
    ['an HTML page', strToU8('<!DOCTYPE html><html><table><tr><td>x</td></tr></table></html>'), /web page/],
    ['an empty file', new Uint8Array(0), /empty/],
  ])('refuses %s as not a spreadsheet', (_label, bytes, re) => {
    expect(messageOf(bytes)).toMatch(re);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const big = new Uint8Array(IMPORT_LIMITS.maxFileBytes + 1);
    expect(messageOf(big)).toMatch(/25 MiB/);
  });

  it('refuses a zip whose parts claim to unpack to more than the limit (zip bomb)', () => {
    const bytes = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': strToU8('<worksheet/>') });
    // Patch the central directory's uncompressed size of the first part to 3 GiB.
    const view = new DataView(bytes.buffer);
    for (let i = bytes.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 3 * 1024 ** 3, true);
    }
    expect(messageOf(bytes)).toMatch(/would unpack to \d+ GiB; at most 64 MiB per part are accepted/);
  });

  it('refuses a sheet over the row limit', () => {
    const rows = ['ID,Name', ...Array.from({ length: IMPORT_LIMITS.maxRowsPerSheet + 5 }, (_, i) => `P${i},Party ${i}`)].join('\n');
    const r = readSpreadsheet(strToU8(rows), 'Parties.csv');
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(/more than 50,000 rows/)]);
  });

  it('reads saved formula results and never calculates; a formula without a result reads as empty', () => {
    const written = workbook({
      Parties: [
        ['ID', 'Name', 'Country'],
        ['P1', { t: 's', v: 'Cached Name Co', f: 'CONCATENATE("Cached"," Name Co")' }, 'QA'],
        ['P2', 'Second Co', 'NO-RESULT'],
        ['P3', { t: 'e', v: 0x17, w: '#REF!', f: 'Sheet9!A1' } as never, 'QA'],
      ],
    });
    // A formula saved without its result, as a generator (not Excel) may write it.
    const bytes = patchPart(written, 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/<c r="C3"[^>]*><v>NO-RESULT<\/v><\/c>/, '<c r="C3"><f>WEBSERVICE("http://example.invalid")</f></c>'));
    const parsed = readTemplateFiles([{ name: 'f.xlsx', bytes }]);
    expect(parsed.value.parties.map((p) => p.name)).toEqual(['Cached Name Co', 'Second Co', '']);
    expect(parsed.value.parties[1]!.country).toBe('');
    expect(parsed.errors).toEqual([expect.objectContaining({ sheet: 'Parties', row: 4, column: 'B', message: 'Name: the cell shows the spreadsheet error #REF!' })]);
    expect(parsed.warnings).toEqual(expect.arrayContaining([
      expect.objectContaining({ sheet: 'Parties', row: 3, column: 'C', message: expect.stringMatching(/formula without a saved result/) }),
      expect.objectContaining({ sheet: 'Parties', row: null, message: expect.stringMatching(/3 cells hold formulas.*not calculated/) }),
    ]));
  });

  it('refuses huge strings at their cell without echoing them', () => {
    const huge = 'A'.repeat(IMPORT_LIMITS.maxCellChars + 10);
    const written = workbook({ Parties: [['ID', 'Name', 'Notes'], ['P1', 'Big Co', 'HUGE'], ['P2', 'x'.repeat(400), '']] });
    const bytes = patchPart(written, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<v>HUGE</v>', `<v>${huge}</v>`));
    const parsed = readTemplateFiles([{ name: 'f.xlsx', bytes }]);
    expect(parsed.errors.map((e) => `${e.sheet}!${e.row}:${e.column} ${e.message}`)).toEqual([
      'Parties!2:C Notes: the text is 32,777 characters long; a cell may hold at most 32,767',
      'Parties!3:B Name: is 400 characters long; at most 300 are allowed',
    ]);
    expect(parsed.errors.every((e) => e.message.length < 200)).toBe(true);
  });
});

describe('CSV files', () => {
  const csv = 'ID;Name;Country\r\nP1;"Société ""Générale"" de\nConstruction";France\r\nP2;Üst Yapí;TR\r\n';
  it.each([
    ['UTF-8 with a byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(csv)])],
    ['UTF-16 LE', (() => { const b = new Uint8Array(2 + csv.length * 2); b[0] = 0xff; b[1] = 0xfe; for (let i = 0; i < csv.length; i++) { b[2 + i * 2] = csv.charCodeAt(i) & 0xff; b[3 + i * 2] = csv.charCodeAt(i) >> 8; } return b; })()],
    ['UTF-16 BE', (() => { const b = new Uint8Array(2 + csv.length * 2); b[0] = 0xfe; b[1] = 0xff; for (let i = 0; i < csv.length; i++) { b[2 + i * 2] = csv.charCodeAt(i) >> 8; b[3 + i * 2] = csv.charCodeAt(i) & 0xff; } return b; })()],
    ['Windows-1252', Uint8Array.from(csv, (ch) => ch.charCodeAt(0))],
  ])('reads %s with semicolons and a quoted line break', (_label, bytes) => {
    const parsed = readTemplateFiles([{ name: 'parties.csv', bytes }]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.value.parties.map((p) => [p.ref, p.name, p.country])).toEqual([
      ['P1', 'Société "Générale" de\nConstruction', 'FR'],
      ['P2', 'Üst Yapí', 'TR'],
    ]);
  });
  it('warns when a file is not UTF-8', () => {
    const parsed = readTemplateFiles([{ name: 'parties.csv', bytes: Uint8Array.from('ID,Name\nP1,Caf\u00e9\n', (ch) => ch.charCodeAt(0)) }]);
    expect(parsed.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/Windows-1252/)]);
  });
  it('reports a quote that never closes', () => {
    const r = readSpreadsheet(strToU8('ID,Name\nP1,"Open quote\nP2,Other\n'), 'Parties.csv');
    expect(r.errors[0]!.message).toMatch(/never closed/);
  });
  it('recognises each CSV file by its headers when its name says nothing', () => {
    const parsed = readTemplateFiles([
      { name: 'export (3).csv', bytes: strToU8('Party ID,Name\nA,Alpha\nB,Beta\n') },
      { name: 'export (4).csv', bytes: strToU8('From,To,Relation\nA,B,subcontracts\n') },
    ]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.value.sheets).toEqual({ parties: 'export (3)', links: 'export (4)' });
    expect(parsed.value.links).toHaveLength(1);
  });
});

// The list importers on the real official files: UN XML in both layouts, the OFAC CSV trio, custom
// watchlists in CSV and XLSX, and hostile or malformed input that must fail cleanly with a location.
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { detectFormat, importList, parseCustomCsv, parseCustomXlsx, parseOfacCsv, parseUnXml } from '../../../src/core/screening';
import { describeWithShared, readShared } from '../../support/shared';

const enc = (s: string) => new TextEncoder().encode(s);
const file = (name: string, text: string) => ({ name, bytes: enc(text) });
const opts = { id: 'lst_1', importedAt: '2026-01-01T00:00:00.000Z' };

describeWithShared('UN consolidated list XML', () => {
  const read = (p: string) => new TextDecoder().decode(readShared(`reference/sanctions/${p}`));

  it('reads the 2026 DPRK excerpt: 80 individuals and 75 entities, trimmed and with aliases', () => {
    const r = parseUnXml(read('un/consolidated-dprk-2026-02-27.xml'), 'un.xml');
    expect(r.errors).toEqual([]);
    const entries = r.value!.entries;
    expect(entries.filter((e) => e.type === 'individual')).toHaveLength(80);
    expect(entries.filter((e) => e.type === 'entity')).toHaveLength(75);
    expect(r.value!.publishedAt).toBe('2026-02-27');
    const mop = entries.find((e) => e.ref === 'KPe.050')!;
    expect(mop.name).toBe('MANSUDAE OVERSEAS PROJECT GROUP OF COMPANIES');
    expect(mop.listedOn).toBe('2017-08-05');
    expect(entries.every((e) => e.ref === e.ref.trim() && !/\s{2}/.test(e.name))).toBe(true);
    expect(entries.find((e) => e.ref === 'KPe.001')!.aliases.map((a) => a.name)).toContain('KOMID');
  });

  it('reads the older one-record-a-line layout with untrimmed values', () => {
    const r = parseUnXml(read('un/consolidated-dprk-2017-07-03.xml'), 'old.xml');
    expect(r.errors).toEqual([]);
    expect(r.value!.entries).toHaveLength(99);
    expect(r.value!.entries.find((e) => e.ref === 'KPi.033')!.name).toBe('RI WON HO');
  });

  it('reads the full official file (1,003 records)', () => {
    const r = importList([{ name: 'consolidated.xml', bytes: readShared('reference/sanctions/full/un/consolidated-2026-02-27.xml') }], opts);
    expect(r.errors).toEqual([]);
    expect(r.value!.counts).toMatchObject({ entries: 1003, individuals: 730, entities: 273 });
    expect(r.value!.files[0]!.sha256).toBe('66b392a4090868d2d39161e8d748efd39138377b0e6e60b7921aa67a4f99c8bf');
  });
});

describe('UN XML, hostile and malformed input', () => {
  const good = '<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-01-02T00:00:00Z"><INDIVIDUALS/><ENTITIES><ENTITY><FIRST_NAME>ACME</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.999</REFERENCE_NUMBER><LISTED_ON>2020-01-01</LISTED_ON></ENTITY></ENTITIES></CONSOLIDATED_LIST>';

  it('imports a minimal list', () => {
    expect(parseUnXml(good, 'a.xml').value!.entries[0]).toMatchObject({ ref: 'KPe.999', name: 'ACME', programs: ['DPRK'] });
  });

  it('refuses a DTD and entity declarations before parsing', () => {
    for (const xml of [
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${good.slice(21)}`,
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><CONSOLIDATED_LIST/>`,
    ]) {
      const r = parseUnXml(xml, 'evil.xml');
      expect(r.value).toBeNull();
      expect(r.errors[0]!.message).toMatch(/DTD or entities/);
    }
  });

  it('reports malformed XML with its line and a record without a name with its record number', () => {
    const broken = parseUnXml('<?xml version="1.0"?>\n<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n</CONSOLIDATED_LIST>', 'b.xml');
    expect(broken.value).toBeNull();
    expect(broken.errors[0]!.line).toBeGreaterThan(1);
    const nameless = parseUnXml(good.replace('<FIRST_NAME>ACME</FIRST_NAME>', '<FIRST_NAME/>'), 'c.xml');
    expect(nameless.value).toBeNull();
    expect(nameless.errors[0]).toMatchObject({ record: 1 });
    expect(nameless.errors[0]!.message).toMatch(/KPe\.999: has no name/);
  });
});

describeWithShared('OFAC legacy CSV', () => {
  const trio = (dir: string) => ['sdn.csv', 'alt.csv', 'add.csv'].map((f) => ({ name: f, bytes: readShared(`reference/sanctions/${dir}/${f}`) }));

  it('reads the DPRK excerpt with aliases, addresses, programs and weak aliases from the remarks', () => {
    const [sdn, alt, add] = trio('ofac/2023-12-28');
    const r = parseOfacCsv({ sdn: sdn!, alt, add });
    expect(r.errors).toEqual([]);
    expect(r.value).toHaveLength(587);
    const komid = r.value!.find((e) => e.ref === '9345')!;
    expect(komid.programs).toEqual(['NPWMD', 'DPRK2']);
    expect(komid.type).toBe('entity');
    expect(komid.aliases.map((a) => a.name)).toEqual(expect.arrayContaining(['CHANGGWANG SINYONG CORPORATION', 'KOMID']));
    expect(komid.aliases.find((a) => a.name === 'KOMID')!.quality).toBe('weak');
    expect(komid.addresses).toContain('Central District, Pyongyang, Korea, North');
    expect(r.value!.every((e) => !e.remarks.includes('-0-') && e.name !== '-0-')).toBe(true);
    expect(r.value!.find((e) => e.ref === '20157')).toMatchObject({ name: 'KIM, Jong Un', type: 'individual' });
  });

  it('reads the full official files (13,821 entries) and keeps the trailing 0x1A out of the data', () => {
    const r = importList(trio('full/ofac-2023-12-28'), { ...opts, publishedAt: '2023-12-28' });
    expect(r.errors).toEqual([]);
    expect(r.value!.counts.entries).toBe(13821);
    expect(r.value!.entries.at(-1)!.remarks.includes(String.fromCharCode(0x1a))).toBe(false);
  });
});

describe('OFAC CSV, malformed input', () => {
  it('reports a row with the wrong number of columns by line, and imports nothing', () => {
    const sdn = '1,"A CORP",-0- ,"DPRK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n2,"B CORP",-0- ,"DPRK"\r\n\u001a';
    const r = parseOfacCsv({ sdn: { name: 'sdn.csv', bytes: enc(sdn) } });
    expect(r.value).toBeNull();
    expect(r.errors).toEqual([expect.objectContaining({ file: 'sdn.csv', line: 2, message: 'expected 12 columns, found 4' })]);
  });

  it('reports an unclosed quote', () => {
    const r = parseOfacCsv({ sdn: { name: 'sdn.csv', bytes: enc('1,"A CORP,-0- \r\n') } });
    expect(r.value).toBeNull();
    expect(r.errors.some((e) => /never closed/.test(e.message))).toBe(true);
  });
});

describe('custom watchlists', () => {
  const csv = 'Name;Ref;Type;Aliases;Programs;Listed_On;Remarks;Colour\nAcme Labour Agency;W-1;entity;Acme Manpower | ACME LA;internal;2025-03-01;seen in Doha;red\nKim Chol;W-2;person;;internal;;;blue\n';

  it('reads CSV with its documented columns, separator detected, unknown columns reported', () => {
    const r = parseCustomCsv(enc(csv), 'watch.csv');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([expect.objectContaining({ column: 'Colour', message: 'unknown column, ignored' })]);
    expect(r.value!.entries[0]).toMatchObject({ ref: 'W-1', type: 'entity', aliases: [{ name: 'Acme Manpower', quality: 'strong' }, { name: 'ACME LA', quality: 'strong' }], programs: ['internal'] });
    expect(r.value!.entries[1]!.type).toBe('individual');
    expect(r.value!.latestListedOn).toBe('2025-03-01');
  });

  it('reads the first sheet of an XLSX workbook and reports a bad row with its row number', () => {
    const sheet = XLSX.utils.aoa_to_sheet([['name', 'type'], ['Good Co', 'entity'], ['Bad Co', 'spaceship']]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, sheet, 'Blocklist');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect(detectFormat({ name: 'x.xlsx', bytes })).toBe('custom-xlsx');
    const r = parseCustomXlsx(bytes, 'x.xlsx');
    expect(r.value).toBeNull();
    expect(r.errors).toEqual([expect.objectContaining({ sheet: 'Blocklist', line: 3, column: 'type' })]);
  });

  it('imports as a named list with counts and the file hash, or not at all', () => {
    const ok = importList([file('watch.csv', csv)], { ...opts, name: 'Our blocklist' });
    expect(ok.value).toMatchObject({ source: 'custom', name: 'Our blocklist', format: 'custom-csv', publishedAt: '2025-03-01', counts: { entries: 2, names: 4 } });
    expect(ok.value!.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const bad = importList([file('watch.csv', 'name\n"unclosed\n')], opts);
    expect(bad.value).toBeNull();
    expect(bad.errors[0]!.line).toBe(2);
  });

  it('refuses files it does not know', () => {
    const r = importList([file('notes.bin', '\u0000\u0001binary')], opts);
    expect(r.value).toBeNull();
    expect(r.errors[0]!.message).toMatch(/not a list file/);
  });
});

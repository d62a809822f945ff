// Every documented input limit (README "Limits") at its edge: an input exactly at the limit is
// processed, one just above it gets a message that names the limit. Timings of the at-limit cases
// are printed, since the app must handle them without freezing.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BUNDLE_LIMITS, IMPORT_LIMITS, planImport, readBundle, readSpreadsheet, readTemplateFiles } from '../../../src/core/io';
import { listZip } from '../../../src/core/io/file-sniff';
import { AUDIT_PATH } from '../../../src/core/io/bundle-format';
import { LIMITS, sequentialIds, steppingClock } from '../../../src/core/model';
import { Repository } from '../../../src/core/services/repository';
import { createMemoryBackend } from '../../../src/store';
import { workbook } from '../io/helpers';

const plan = (name: string, bytes: Uint8Array) => planImport(readTemplateFiles([{ name, bytes }]), { target: { mode: 'new' }, ids: sequentialIds(), clock: steppingClock() });
const timed = <T>(label: string, fn: () => T): T => {
  const started = performance.now();
  const result = fn();
  console.log(`limits: ${label} in ${Math.round(performance.now() - started)} ms`);
  return result;
};
const messages = (r: { errors: readonly { message: string }[]; warnings?: readonly { message: string }[] }) => [...r.errors, ...(r.warnings ?? [])].map((e) => e.message);

/** A Parties CSV of `rows` parties whose notes are `notes` characters long. */
function partiesCsv(rows: number, notes = 0): string {
  const pad = 'n'.repeat(notes);
  return ['ID,Name,Kind,Notes', ...Array.from({ length: rows }, (_v, i) => `P-${i + 1},Party ${i + 1},organization,${pad}`)].join('\n');
}

describe('workbook and CSV import limits', () => {
  it(`accepts a file of exactly ${IMPORT_LIMITS.maxFileBytes} bytes and refuses one byte more`, () => {
    // Parties with long notes (each within the 20,000-character field limit), the last one trimmed to land exactly on the limit.
    const lines = ['ID,Name,Kind,Notes'];
    let size = lines[0]!.length;
    for (let i = 1; size < IMPORT_LIMITS.maxFileBytes; i++) {
      const head = `\nP-${i},Party ${i},organization,`;
      const line = head + 'n'.repeat(Math.max(1, Math.min(19_000, IMPORT_LIMITS.maxFileBytes - size - head.length)));
      lines.push(line.slice(1));
      size += line.length;
    }
    const exact = strToU8(lines.join('\n'));
    expect(exact.length).toBe(IMPORT_LIMITS.maxFileBytes);
    const atLimit = timed('25 MiB CSV read', () => readTemplateFiles([{ name: 'Parties.csv', bytes: exact }]));
    expect(atLimit.errors).toEqual([]);
    expect(atLimit.value.parties).toHaveLength(lines.length - 1);
    const over = readSpreadsheet(strToU8(lines.join('\n') + 'n'), 'Parties.csv');
    expect(messages(over)).toEqual(['the file is 25 MiB; files up to 25 MiB are accepted. Split it into smaller workbooks']);
  }, 120_000);

  it(`imports ${IMPORT_LIMITS.maxRowsPerSheet} rows and refuses a sheet with one more`, () => {
    const atLimit = timed(`${IMPORT_LIMITS.maxRowsPerSheet} parties read and planned`, () => plan('Parties.csv', strToU8(partiesCsv(IMPORT_LIMITS.maxRowsPerSheet))));
    expect(atLimit.errors).toEqual([]);
    expect(atLimit.result.parties).toHaveLength(IMPORT_LIMITS.maxRowsPerSheet);
    const over = plan('Parties.csv', strToU8(partiesCsv(IMPORT_LIMITS.maxRowsPerSheet + 1)));
    expect(messages(over)).toContainEqual(expect.stringMatching(/more than 50,000 rows; split it into smaller/));
  }, 120_000);

  it(`reads ${IMPORT_LIMITS.maxColumns} columns of a workbook and says when columns after them are skipped`, () => {
    const sheet = (columns: number) => {
      const header = ['ID', 'Name', ...Array.from({ length: columns - 2 }, (_v, i) => `Extra ${i + 1}`)];
      return workbook({ Parties: [header, ['P-1', 'Party 1', ...header.slice(2).map((_h, i) => `v${i}`)]] });
    };
    const atLimit = readSpreadsheet(sheet(IMPORT_LIMITS.maxColumns), 'Parties.xlsx');
    expect(messages(atLimit)).toEqual([]);
    expect(atLimit.value!.sheets[0]!.rows[1]).toHaveLength(IMPORT_LIMITS.maxColumns);
    const over = readSpreadsheet(sheet(IMPORT_LIMITS.maxColumns + 1), 'Parties.xlsx');
    expect(messages(over)).toEqual(['only the first 200 columns are read; this column and those after it were skipped']);
  });

  it(`keeps a cell of ${IMPORT_LIMITS.maxCellChars} characters and refuses one more`, () => {
    const cell = (n: number) => strToU8(`ID,Name,Notes\nP-1,Party 1,${'x'.repeat(n)}`);
    const atLimit = readSpreadsheet(cell(IMPORT_LIMITS.maxCellChars), 'Parties.csv');
    expect(atLimit.errors).toEqual([]);
    expect(String(atLimit.value!.sheets[0]!.rows[1]![2]!.v)).toHaveLength(IMPORT_LIMITS.maxCellChars);
    const over = readSpreadsheet(cell(IMPORT_LIMITS.maxCellChars + 1), 'Parties.csv');
    expect(JSON.stringify(over)).toMatch(/at most 32,767/);
  });

  it(`lists an archive of ${IMPORT_LIMITS.maxZipEntries} parts and refuses one with more`, () => {
    const zip = (n: number) => zipSync(Object.fromEntries(Array.from({ length: n }, (_v, i) => [`xl/part${i}.xml`, strToU8('<x/>')])));
    const limits = { maxEntries: IMPORT_LIMITS.maxZipEntries, maxUnpackedBytes: IMPORT_LIMITS.maxUnpackedBytes };
    expect(listZip(zip(IMPORT_LIMITS.maxZipEntries), limits).ok).toBe(true);
    expect(listZip(zip(IMPORT_LIMITS.maxZipEntries + 1), limits)).toEqual({ ok: false, error: 'the archive holds 2001 parts; at most 2000 are accepted' });
  });
});

describe('bundle limits', () => {
  it('refuses a bundle over the size limit before reading it', async () => {
    // Untouched zeroed memory: the operating system does not really allocate it.
    const over = await readBundle(new Uint8Array(BUNDLE_LIMITS.maxBundleBytes + 1));
    expect(messages(over)).toEqual(['The bundle was refused: it is 1 GiB; bundles up to 1 GiB are accepted']);
  });

  it('refuses a bundle whose audit.json claims more than the JSON limit, without unpacking it', async () => {
    // Stored uncompressed (300 KB), so the claim of 256 MiB stays under the zip-bomb ratio rule and the JSON limit decides.
    const audit = strToU8(`{"entries":[],"pad":"${'x'.repeat(300_000)}"}`);
    const bundle = zipSync({ 'manifest.json': strToU8('{}'), [AUDIT_PATH]: [audit, { level: 0 }] });
    const view = new DataView(bundle.buffer, bundle.byteOffset, bundle.byteLength);
    for (let i = 0; i < bundle.length - 46; i++) {
      if (view.getUint32(i, true) === 0x02014b50 && new TextDecoder().decode(bundle.subarray(i + 46, i + 46 + AUDIT_PATH.length)) === AUDIT_PATH) {
        view.setUint32(i + 24, BUNDLE_LIMITS.maxJsonBytes + 1, true);
      }
    }
    const read = await readBundle(bundle);
    expect(messages(read)).toEqual(['The bundle was refused: the part audit.json would unpack to 256 MiB; at most 256 MiB per part are accepted']);
  });
});

describe('record field limits', () => {
  const repo = () => new Repository(createMemoryBackend());

  it.each([
    ['name', { name: 'N'.repeat(LIMITS.name) }, { name: 'N'.repeat(LIMITS.name + 1) }, 'name must be at most 300 characters'],
    ['notes', { name: 'A', notes: 'n'.repeat(LIMITS.longText) }, { name: 'A', notes: 'n'.repeat(LIMITS.longText + 1) }, 'notes must be at most 20000 characters'],
    ['address', { name: 'A', address: 'a'.repeat(LIMITS.shortText) }, { name: 'A', address: 'a'.repeat(LIMITS.shortText + 1) }, 'address must be at most 500 characters'],
    ['aliases', { name: 'A', aliases: Array.from({ length: LIMITS.aliases }, (_v, i) => `Alias ${i}`) }, { name: 'A', aliases: Array.from({ length: LIMITS.aliases + 1 }, (_v, i) => `Alias ${i}`) }, 'aliases'],
  ])('a party %s at the limit is saved; over it is refused with the limit named', async (_field, ok, over, message) => {
    const r = repo();
    const p = await r.createProject({ name: 'P' });
    await expect(r.createParty(p.id, { kind: 'organization', ...ok })).resolves.toMatchObject({ projectId: p.id });
    await expect(r.createParty(p.id, { kind: 'organization', ...over })).rejects.toThrow(message);
  });
});

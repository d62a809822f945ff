// Zip hygiene for bundles and workbooks: duplicate entry names (readers disagree on which one wins),
// entries named "__proto__" or anything the manifest does not list, paths with ".." or absolute
// paths, overlapping entries, and entries that inflate past the size their directory declares are
// all refused, each with a message that says why.
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBundle, readSpreadsheet, writeBundle, writeTemplate } from '../../../src/core/io';
import { sha256Hex } from '../../../src/core/model';
import type { ProjectSnapshot } from '../../../src/core/model';
import { rawZip, zeroBomb } from '../../support/raw-zip';
import type { RawEntry } from '../../support/raw-zip';
import { demo } from '../../integration/store/v1-rows';

const note = strToU8('Site visit notes, 2025-02-11.');

async function validBundle(): Promise<Record<string, Uint8Array>> {
  const snapshot: ProjectSnapshot = {
    ...demo,
    evidence: [{
      id: 'evd_1', createdAt: '2025-03-04T10:00:00.000Z', updatedAt: '2025-03-04T10:00:00.000Z', projectId: 'prj_demo', subject: { type: 'project', id: 'prj_demo' },
      title: 'Site visit', fileName: 'visit.txt', mediaType: 'text/plain', size: note.length, sha256: sha256Hex(note), capturedAt: '', description: '', sensitive: false, sealed: '',
    }],
  };
  return unzipSync(await writeBundle({ snapshot, evidence: new Map([['evd_1', note]]), audit: [], createdAt: '2026-03-01T00:00:00.000Z' }));
}

const entries = (parts: Record<string, Uint8Array>): RawEntry[] => Object.entries(parts).map(([name, data]) => ({ name, data }));

/** Renames a listed file in both the archive and the manifest (hash unchanged: the file is the same). */
function renamed(parts: Record<string, Uint8Array>, from: string, to: string): RawEntry[] {
  const manifest = JSON.parse(strFromU8(parts['manifest.json']!)) as { files: { path: string }[] };
  for (const f of manifest.files) if (f.path === from) f.path = to;
  return entries(parts).map((e) => (e.name === 'manifest.json' ? { ...e, data: strToU8(JSON.stringify(manifest)) } : e.name === from ? { ...e, name: to } : e));
}

async function refusal(bytes: Uint8Array): Promise<string> {
  const read = await readBundle(bytes);
  expect(read.value, 'the bundle should be refused').toBeNull();
  return read.errors.map((e) => e.message).join(' ');
}

describe('zip hygiene of bundles', () => {
  it('reads the same files through the raw zip writer (the checks below change one thing each)', async () => {
    expect((await readBundle(rawZip(entries(await validBundle())))).errors).toEqual([]);
  });

  it('refuses two entries with the same name, whichever comes first', async () => {
    const parts = await validBundle();
    const forged = strToU8(strFromU8(parts['project.json']!).replace('Al Wakra', 'Al Fakra'));
    const all = entries(parts);
    const at = all.findIndex((e) => e.name === 'project.json');
    expect(await refusal(rawZip([...all.slice(0, at), { name: 'project.json', data: forged }, ...all.slice(at)]))).toMatch(/two entries named "project.json"/);
    expect(await refusal(rawZip([...all, { name: 'project.json', data: forged }]))).toMatch(/two entries named "project.json"/);
  });

  it('refuses an entry named __proto__ and any entry the manifest does not list, directories included', async () => {
    const parts = await validBundle();
    expect(await refusal(rawZip([...entries(parts), { name: '__proto__', data: strToU8('{"polluted":true}') }]))).toMatch(/reserved name/);
    expect(await refusal(rawZip([...entries(parts), { name: 'evidence/__proto__', data: note }]))).toMatch(/reserved name/);
    expect(await refusal(rawZip([...entries(parts), { name: 'evidence/', data: new Uint8Array() }]))).toMatch(/evidence\/, which the manifest does not list/);
    expect(await refusal(rawZip([...entries(parts), { name: 'notes.txt', data: note }]))).toMatch(/notes.txt, which the manifest does not list/);
  });

  it('refuses evidence paths with "..", absolute paths and paths outside evidence/', async () => {
    const parts = await validBundle();
    expect(await refusal(rawZip(renamed(parts, 'evidence/evd_1', 'evidence/../evd_1')))).toMatch(/"\.\."/);
    expect(await refusal(rawZip(renamed(parts, 'evidence/evd_1', '/evidence/evd_1')))).toMatch(/absolute path/);
    expect(await refusal(rawZip(renamed(parts, 'evidence/evd_1', 'C:/evidence/evd_1')))).toMatch(/absolute path/);
    expect(await refusal(rawZip(renamed(parts, 'evidence/evd_1', 'files/evd_1')))).toMatch(/not a path a bundle may hold/);
  });

  it('stops inflating an entry as soon as it passes its declared size', async () => {
    const parts = await validBundle();
    const bomb = zeroBomb(16 * 1024 * 1024);
    const bytes = rawZip(entries(parts).map((e) => (e.name === 'evidence/evd_1' ? { name: e.name, data: e.data, deflated: bomb, declaredSize: e.data.length } : e)));
    expect(await refusal(bytes)).toMatch(/evidence\/evd_1 unpacks to more than the 29 bytes its directory declares/);
  });
});

describe('zip hygiene of workbooks', () => {
  it('refuses a workbook with two parts of the same name', () => {
    const parts = unzipSync(writeTemplate(demo));
    const sheet = Object.keys(parts).find((n) => n.startsWith('xl/worksheets/'))!;
    const read = readSpreadsheet(rawZip([...entries(parts), { name: sheet, data: strToU8('<worksheet/>') }]), 'x.xlsx');
    expect(read.value).toBeNull();
    expect(read.errors[0]?.message).toMatch(/two entries named/);
  });

  it('refuses a workbook part named __proto__', () => {
    const parts = unzipSync(writeTemplate(demo));
    const read = readSpreadsheet(rawZip([...entries(parts), { name: '__proto__', data: strToU8('<x/>') }]), 'x.xlsx');
    expect(read.value).toBeNull();
    expect(read.errors[0]?.message).toMatch(/reserved name/);
  });
});

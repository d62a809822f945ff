// The CLI contract of the import/export capability: import-check prints `sheet!row:column: message`
// and exits 1 on errors, 0 when clean; export-template writes the template; other commands accept
// template workbooks and bundles as PROJECT, and --party accepts a workbook ID.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/index';
import type { CliIo } from '../../../src/cli/io';
import { loadProject, resolvePartyArg } from '../../../src/cli/load-project';
import { readTemplateFiles } from '../../../src/core/io';
import { applyImport, exportBundle } from '../../../src/core/services';
import { Repository } from '../../../src/core/services/repository';
import { sequentialIds, steppingClock } from '../../../src/core/model';
import { createMemoryBackend } from '../../../src/store';
import { importBytes, stadiumSheets, workbook } from './helpers';

function memoryIo(files: Record<string, Uint8Array> = {}): CliIo & { out: string; err: string; files: Record<string, Uint8Array> } {
  const io = {
    out: '', err: '', files,
    stdout: (t: string) => { io.out += t; },
    stderr: (t: string) => { io.err += t; },
    readStdin: async () => '',
    readFile: async (path: string) => {
      const f = files[path];
      if (!f) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return f;
    },
    writeFile: async (path: string, bytes: Uint8Array | string) => { files[path] = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes; },
    today: () => '2026-05-01',
  };
  return io;
}

describe('subtier import-check', () => {
  it('prints each problem as sheet!row:column: message and exits 1', async () => {
    const s = stadiumSheets();
    s.Parties![2]![3] = 'Atlantis';
    s.Links!.push(['GC-001', 'NOPE', 'subcontracts']);
    const io = memoryIo({ 'chain.xlsx': workbook(s) });
    expect(await runCli(['import-check', 'chain.xlsx'], io)).toBe(1);
    expect(io.out.trim().split('\n')).toEqual([
      'Parties!3:D: Country: Unknown country "Atlantis"',
      'Links!2:B: To: the party "SUB-004" (Parties row 3) has errors, so this row cannot be imported until they are fixed',
      'Links!3:A: From: the party "SUB-004" (Parties row 3) has errors, so this row cannot be imported until they are fixed',
      'Links!6:B: To: no party with the ID "NOPE" on the Parties sheet',
      'chain.xlsx: Parties 6 rows (1 with errors), Links 5 rows (3 with errors), Workforce 1 row, 6 project fields; 4 errors, 0 warnings',
    ]);
    expect(io.err).toBe('');
  });

  it('exits 0 on a clean file', async () => {
    const io = memoryIo({ 'chain.xlsx': workbook(stadiumSheets()) });
    expect(await runCli(['import-check', 'chain.xlsx'], io)).toBe(0);
    expect(io.out).toBe('chain.xlsx: Parties 6 rows, Links 4 rows, Workforce 1 row, 6 project fields; 0 errors, 0 warnings\n');
  });

  it('names the file for file-level problems and refuses what is not a spreadsheet', async () => {
    const io = memoryIo({ 'scan.pdf': new TextEncoder().encode('%PDF-1.4 x') });
    expect(await runCli(['import-check', 'scan.pdf'], io)).toBe(1);
    expect(io.out.split('\n')[0]).toBe('scan.pdf: this is a PDF document, not a spreadsheet; give an .xlsx workbook or a .csv file');
  });

  it('checks CSV files given one per sheet', async () => {
    const enc = (t: string) => new TextEncoder().encode(t);
    const io = memoryIo({ 'Parties.csv': enc('ID,Name\nA,Alpha\nB,Beta\n'), 'Links.csv': enc('From,To,Relation\nA,B,subcontracts\nA,C,pays\n') });
    expect(await runCli(['import-check', 'Parties.csv', 'Links.csv'], io)).toBe(1);
    expect(io.out.split('\n')[0]).toBe('Links!3:B: To: no party with the ID "C" on the Parties sheet');
  });

  it('verifies a bundle', async () => {
    const repo = new Repository(createMemoryBackend(), { ids: sequentialIds(), clock: steppingClock() });
    const id = await applyImport(repo, importBytes(workbook(stadiumSheets())));
    const io = memoryIo({ 'p.subtier': await exportBundle(repo, id, '2026-05-01T00:00:00.000Z') });
    expect(await runCli(['import-check', 'p.subtier'], io)).toBe(0);
    expect(io.out).toMatch(/bundle verified: "Stadium East Stand", 6 parties, 4 links, 0 evidence files, 1 audit entries; every SHA-256 matches/);
  });

  it('is a usage error without a file', async () => {
    const io = memoryIo();
    expect(await runCli(['import-check'], io)).toBe(2);
  });
});

describe('subtier export-template', () => {
  it('writes the template, which checks clean', async () => {
    const io = memoryIo();
    expect(await runCli(['export-template', 'out.xlsx'], io)).toBe(0);
    expect(readTemplateFiles([{ name: 'out.xlsx', bytes: io.files['out.xlsx']! }]).errors).toEqual([]);
    expect(await runCli(['export-template', 'out.csv'], io)).toBe(2);
  });

  it('writes a project in the template layout with --from', async () => {
    const io = memoryIo({ 'chain.xlsx': workbook(stadiumSheets()) });
    expect(await runCli(['export-template', 'again.xlsx', '--from', 'chain.xlsx'], io)).toBe(0);
    // Same project, parties and links; only the row order (and so the numbered ids) may differ.
    const plain = async (file: string) => {
      const s = await loadProject(file, io);
      const ref = new Map(s.parties.map((p) => [p.id, p.ref] as const));
      return {
        project: { ...s.project, id: '' },
        parties: s.parties.map((p) => ({ ...p, id: '' })).sort((x, y) => (x.ref < y.ref ? -1 : 1)),
        links: s.links.map((l) => ({ ...l, id: '', from: ref.get(l.from), to: ref.get(l.to) })).sort((x, y) => `${x.from}${x.to}`.localeCompare(`${y.from}${y.to}`)),
      };
    };
    expect(await plain('again.xlsx')).toEqual(await plain('chain.xlsx'));
  });
});

describe('PROJECT arguments', () => {
  it('loads a template workbook with the same ids every time, or says which cells are wrong', async () => {
    const io = memoryIo({ 'chain.xlsx': workbook(stadiumSheets()), 'bad.xlsx': workbook({ Parties: [['ID', 'Name', 'Country'], ['A', 'Alpha', 'Mars']] }) });
    const a = await loadProject('chain.xlsx', io);
    expect(a.parties).toHaveLength(6);
    expect(await loadProject('chain.xlsx', io)).toEqual(a);
    await expect(loadProject('bad.xlsx', io)).rejects.toThrow(/bad.xlsx: the workbook has 1 error:\n {2}Parties!2:C: Country: Unknown country "Mars"/);
  });

  it('loads a verified bundle and refuses a tampered one', async () => {
    const repo = new Repository(createMemoryBackend(), { ids: sequentialIds(), clock: steppingClock() });
    const id = await applyImport(repo, importBytes(workbook(stadiumSheets())));
    const bundle = await exportBundle(repo, id, '2026-05-01T00:00:00.000Z');
    const io = memoryIo({ 'p.subtier': bundle, 'cut.subtier': bundle.subarray(0, 500) });
    expect((await loadProject('p.subtier', io)).project.id).toBe(id);
    await expect(loadProject('cut.subtier', io)).rejects.toThrow(/cut.subtier: The bundle was refused: the archive is incomplete/);
  });

  it('runs score on a workbook', async () => {
    const io = memoryIo({ 'chain.xlsx': workbook(stadiumSheets()) });
    expect(await runCli(['score', 'chain.xlsx', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out).parties).toHaveLength(6);
  });

  it('--party accepts the workbook ID (any case), the id or the name', async () => {
    const io = memoryIo({ 'chain.xlsx': workbook(stadiumSheets()) });
    const snapshot = await loadProject('chain.xlsx', io);
    expect(resolvePartyArg(snapshot, 'SUB-004').name).toBe('Al Noor Facades LLC');
    expect(resolvePartyArg(snapshot, 'sub-004').ref).toBe('SUB-004');
    expect(resolvePartyArg(snapshot, 'vostok bank').ref).toBe('BNK-1');
    const sub = snapshot.parties.find((p) => p.ref === 'SUB-004')!;
    expect(resolvePartyArg(snapshot, sub.id)).toBe(sub);
    expect(() => resolvePartyArg(snapshot, 'SUB')).toThrow(/no party with that reference code.*did you mean SUB-004 \(Al Noor Facades LLC\)/);
  });
});

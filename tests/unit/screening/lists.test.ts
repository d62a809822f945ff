// List issues against each other (the diff a newer import shows), the DPRK selection of the bundled
// snapshot (rebuilt from the official files, byte for byte), and the screen command's contract.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { buildDprkSnapshot, diffLists, importList, parseSnapshotText, serializeSnapshot } from '../../../src/core/screening';
import { runCli } from '../../../src/cli/index';
import type { CliIo } from '../../../src/cli/io';
import { REPO_ROOT, describeWithShared, readShared } from '../../support/shared';

const read = (p: string) => ({ name: p.split('/').pop()!, bytes: readShared(`reference/sanctions/${p}`) });
const opts = { id: 'x', importedAt: '' };

describeWithShared('list diffs between issues', () => {
  it('UN 2017 → 2026: the 56 later designations are added, none removed', () => {
    const old = importList([read('un/consolidated-dprk-2017-07-03.xml')], opts).value!;
    const cur = importList([read('un/consolidated-dprk-2026-02-27.xml')], opts).value!;
    const d = diffLists(old.entries, cur.entries);
    expect(d.added).toHaveLength(56);
    expect(d.removed).toHaveLength(0);
    expect(d.changed.length + d.unchanged).toBe(99);
  });

  it('OFAC 2023-12-28 → 2024-05-03 sdn.csv: +8, −1 (JW JEWEL), no changed names', () => {
    const old = importList([read('ofac/2023-12-28/sdn.csv')], opts).value!;
    const cur = importList([read('ofac/2024-05-03-sdn-only/sdn.csv')], opts).value!;
    const d = diffLists(old.entries, cur.entries);
    expect(d.added.map((e) => e.ref)).toEqual(['47699', '47701', '48260', '48261', '48262', '48267', '48268', '48269']);
    expect(d.removed.map((e) => `${e.ref} ${e.name}`)).toEqual(['25690 JW JEWEL']);
  });

  it('the bundled snapshot is what the official files give, byte for byte', () => {
    const un = importList([read('full/un/consolidated-2026-02-27.xml')], { id: 'bundled-un', importedAt: '' }).value!;
    const ofac = importList(['sdn.csv', 'alt.csv', 'add.csv'].map((f) => read(`full/ofac-2023-12-28/${f}`)), { id: 'bundled-ofac', importedAt: '', publishedAt: '2023-12-28' }).value!;
    const committed = readFileSync(`${REPO_ROOT}assets/reference/sanctions-snapshot.json`, 'utf8');
    const snap = parseSnapshotText(committed).snapshot!;
    const rebuilt = buildDprkSnapshot({ ...un, importedAt: un.publishedAt, origin: snap.lists[0]!.origin }, { ...ofac, importedAt: '2023-12-28', origin: snap.lists[1]!.origin });
    expect(rebuilt.lists.map((l) => l.counts.entries)).toEqual([155, 587]);
    expect(serializeSnapshot(rebuilt)).toBe(committed);
  });
});

function fakeIo(stdin: string, files: Record<string, Uint8Array> = {}) {
  const out: string[] = [], err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => stdin,
    readFile: async (p) => {
      if (files[p]) return files[p]!;
      throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    },
    writeFile: async () => undefined, today: () => '2026-01-01',
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

it('subtier screen writes one JSON line per name with the contract fields, best first', async () => {
  const f = fakeIo('Kim Jong Un\n{"query": "Korea Rynrado General Trading", "kind": "organization"}\nSamsung C&T\n');
  expect(await runCli(['screen'], f.io)).toBe(0);
  const lines = f.out().trim().split('\n').map((l) => JSON.parse(l) as { query: string; matches: Record<string, unknown>[] });
  expect(lines.map((l) => l.query)).toEqual(['Kim Jong Un', 'Korea Rynrado General Trading', 'Samsung C&T']);
  expect(lines[0]!.matches[0]).toEqual({ list: 'OFAC', ref: '20157', name: 'KIM, Jong Un', matchedName: 'KIM, Jong Un', score: 1, band: 'match', program: 'DPRK3', explanation: expect.any(String) });
  expect(Object.keys(lines[1]!.matches[0]!)).toEqual(['list', 'ref', 'name', 'matchedName', 'score', 'band', 'program', 'explanation']);
  expect(lines[2]!.matches).toEqual([]);
  for (const l of lines) for (let i = 1; i < l.matches.length; i++) expect(l.matches[i - 1]!.score as number).toBeGreaterThanOrEqual(l.matches[i]!.score as number);
});

it('subtier screen honours --threshold and rejects a bad one', async () => {
  const low = fakeIo('Korea Daesong Bank\n');
  await runCli(['screen', '--threshold', '0.5'], low.io);
  const strict = fakeIo('Korea Daesong Bank\n');
  await runCli(['screen', '--threshold', '1'], strict.io);
  const n = (s: string) => (JSON.parse(s) as { matches: unknown[] }).matches.length;
  expect(n(low.out())).toBeGreaterThan(n(strict.out()));
  const bad = fakeIo('');
  expect(await runCli(['screen', '--threshold', '2'], bad.io)).toBe(2);
});

it('subtier screen adds a watchlist given with --list and names its list', async () => {
  const csv = new TextEncoder().encode('name,ref\nAcme Manpower Services,W-7\n');
  const f = fakeIo('Acme Manpower Services LLC\n', { 'blocklist.csv': csv });
  expect(await runCli(['screen', '--list', 'blocklist.csv'], f.io)).toBe(0);
  expect(JSON.parse(f.out()).matches[0]).toMatchObject({ list: 'blocklist', ref: 'W-7' });
});

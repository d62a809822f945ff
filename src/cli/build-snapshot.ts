// `npm run snapshot:build`: builds assets/reference/sanctions-snapshot.json, the bundled DPRK list
// snapshot, from the full official UN XML and OFAC CSV files. Reproducible: the output depends only
// on the input bytes (no clock), and records each input's name, size and SHA-256.
//   node --import tsx src/cli/build-snapshot.ts [--un FILE] [--ofac DIR] [--ofac-date YYYY-MM-DD] [--out FILE] [--check]
// --check rebuilds in memory and exits 1 if the committed snapshot differs.
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDprkSnapshot, formatIssue, importList, serializeSnapshot } from '../core/screening';
import { parseArgs } from './io';

const root = fileURLToPath(new URL('../..', import.meta.url));
const full = join(root, '..', 'shared', 'reference', 'sanctions', 'full');
const args = parseArgs(process.argv.slice(2), { values: ['un', 'ofac', 'ofac-date', 'out'], booleans: ['check'] });
const unPath = args.value('un') ?? join(full, 'un', 'consolidated-2026-02-27.xml');
const ofacDir = args.value('ofac') ?? join(full, 'ofac-2023-12-28');
const ofacDate = args.value('ofac-date') ?? /(\d{4}-\d{2}-\d{2})/.exec(basename(ofacDir))?.[1] ?? '';
const out = args.value('out') ?? join(root, 'assets', 'reference', 'sanctions-snapshot.json');

const UN_ORIGIN = 'United Nations Security Council Consolidated List, XML as published by the UN (dateGenerated in the file). '
  + 'The copy used is the complete official file kept as test data in the moov-io/watchman repository '
  + '(test/testdata/UN_consolidated.xml, commit 612b2174c7753aaf7166f59bbefcdfecbb1681de).';
const OFAC_ORIGIN = 'US Treasury OFAC Specially Designated Nationals list, legacy CSV files sdn.csv, alt.csv and add.csv. '
  + 'The files carry no date; sdn.csv is the issue scraped on 2023-12-28 (jackdwyer/specially-designated-nationals-list, '
  + 'commit 62d975080dbeee5378f2b2514d238364c8a59a0c), alt.csv and add.csv the matching issue kept by moov-io/watchman '
  + '(test/testdata/static, commit fa395409af8279d5cb0ded28484e07d52cd90077).';

async function readInput(path: string) {
  return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
}

function fail(what: string, issues: readonly Parameters<typeof formatIssue>[0][]): never {
  process.stderr.write(`${what} could not be imported:\n${issues.slice(0, 20).map((i) => `  ${formatIssue(i)}`).join('\n')}\n`);
  process.exit(1);
}

const un = importList([await readInput(unPath)], { id: 'bundled-un', importedAt: '', origin: UN_ORIGIN });
if (!un.value) fail(unPath, un.errors);
const ofacFiles = await Promise.all(['sdn.csv', 'alt.csv', 'add.csv'].map((f) => readInput(join(ofacDir, f))));
const ofac = importList(ofacFiles, { id: 'bundled-ofac', importedAt: '', publishedAt: ofacDate, origin: OFAC_ORIGIN });
if (!ofac.value) fail(ofacDir, ofac.errors);
if (!ofacDate) fail(ofacDir, [{ file: 'sdn.csv', message: 'give --ofac-date: OFAC CSV files carry no publication date' }]);

// The snapshot's import time is its publication date, so the bytes never depend on when it was built.
const unList = { ...un.value, importedAt: un.value.publishedAt };
const ofacList = { ...ofac.value, importedAt: ofacDate };
const text = serializeSnapshot(buildDprkSnapshot(unList, ofacList));

if (args.flag('check')) {
  const current = await readFile(out, 'utf8').catch(() => '');
  if (current !== text) {
    process.stderr.write(`${out} is out of date: run npm run snapshot:build\n`);
    process.exit(1);
  }
  process.stdout.write(`${out} is up to date\n`);
} else {
  await writeFile(out, text);
  const snapshot = buildDprkSnapshot(unList, ofacList);
  for (const l of snapshot.lists) {
    process.stdout.write(`${l.name}: ${l.counts.entries} entries (${l.counts.names} names), published ${l.publishedAt}, from ${l.files.map((f) => `${f.name} ${f.sha256.slice(0, 12)}…`).join(', ')}\n`);
  }
  process.stdout.write(`written ${out} (${text.length} bytes), lists as of ${snapshot.asOf}\n`);
}

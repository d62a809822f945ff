// Guard figures: how fast hostile and large inputs are answered (the tests check only that they
// are answered, and correctly): a workbook with a damaged deflate stream, a CSV field followed by
// 50,000 stray quotes, XML that declares entities (list files and a workbook sheet), 100,000 levels
// of nesting, an overlong country name, a 25 MiB CSV, and filtering a 2,000-party table. Targets are
// the budgets the app relies on to stay responsive.
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { buildGraph, computeTiers } from '../../src/core/chain/graph';
import { generateChain } from '../../src/core/chain/generate';
import { buildPartyRows, filterPartyRows } from '../../src/core/chain/table';
import { parseCsv, readCsv, readSpreadsheet, writeTemplate } from '../../src/core/io';
import { normalizeCountry } from '../../src/core/model';
import { importList } from '../../src/core/screening';
import { REPO_ROOT } from '../support/shared';
import type { BenchFigure } from './types';
import { median, timeRuns } from './types';

const options = { id: 'lst_x', importedAt: '2026-03-01T00:00:00.000Z' };
const laughs = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_v, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
const BILLION_LAUGHS = `<?xml version="1.0"?><!DOCTYPE CONSOLIDATED_LIST [${laughs}]><CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:00Z"><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>KPi.001</REFERENCE_NUMBER><FIRST_NAME>&lol9;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`;

function figure(name: string, ms: number, budget: number): BenchFigure {
  return { group: 'guards', name, value: ms, unit: 'ms', target: `≤ ${budget} ms`, met: ms <= budget };
}

/** The median of a few runs, after one warm-up. */
const time = async (runs: number, fn: () => unknown) => median(await timeRuns(runs, fn));

export default async function benchGuards(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const damaged = new Uint8Array(readFileSync(`${REPO_ROOT}/tests/fixtures/fuzz/damaged-deflate.xlsx`));
  figures.push(figure('workbook with a damaged deflate stream refused', await time(3, () => readSpreadsheet(damaged, 'damaged.xlsx')), 2000));

  const quotes = `1,"KIM, Jong Un",individual\r\n2,${'A'.repeat(400_000)}${'"'.repeat(50_000)},entity\r\n`;
  figures.push(figure('CSV field of 400,000 characters and 50,000 stray quotes parsed', await time(3, () => parseCsv(quotes)), 1000));

  for (const [label, xml] of [
    ['billion laughs', BILLION_LAUGHS],
    ['undeclared entity references', BILLION_LAUGHS.replace(/<!DOCTYPE[^\]]*\]>/, '')],
  ] as const) {
    const bytes = strToU8(xml);
    figures.push(figure(`list file with ${label} refused or read`, await time(5, () => importList([{ name: 'consolidated.xml', bytes }], options)), 500));
  }
  const depth = 100_000;
  const nested = strToU8(`<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:00Z">${'<A>'.repeat(depth)}${'</A>'.repeat(depth)}</CONSOLIDATED_LIST>`);
  figures.push(figure('list file nested 100,000 levels deep refused', await time(3, () => importList([{ name: 'consolidated.xml', bytes: nested }], options)), 5000));

  const parts: Record<string, Uint8Array> = unzipSync(writeTemplate());
  const sheet = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  parts[sheet] = strToU8(strFromU8(parts[sheet]!).replace(/^(<\?xml[^>]*\?>)?/, `$1<!DOCTYPE worksheet [${laughs}]>`));
  const hostileBook = zipSync(parts);
  figures.push(figure('workbook sheet declaring entities read', await time(3, () => readSpreadsheet(hostileBook, 'template.xlsx')), 2000));

  figures.push(figure('199-character country name refused', await time(5, () => normalizeCountry('x'.repeat(199))), 200));

  const row = (i: number) => `P-${i},"Contractor ${i}, W.L.L.",organization,QA,"Alias ${i}; other",Street ${i} Doha,"a note with ""quotes"" ${i}"\n`;
  let csv = 'ID,Name,Kind,Country,Aliases,Address,Notes\n';
  for (let i = 0; csv.length < 25 * 1024 * 1024 - 200; i++) csv += row(i);
  const big = strToU8(csv);
  figures.push(figure(`25 MiB CSV read (${(big.length / 1048576).toFixed(1)} MiB, stops at the row limit)`, await time(2, () => readCsv(big, 'Parties')), 15000));

  const chain = generateChain(2000, 4000, 3);
  const rows = buildPartyRows(chain.parties, chain.links, [], computeTiers(buildGraph(chain.parties, chain.links)));
  let n = 0;
  figures.push(figure('filter 2,000 party rows by words and kind', await time(20, () => filterPartyRows(rows, { query: `gulf ${n++}`, kinds: ['organization'] })), 20));
  return figures;
}

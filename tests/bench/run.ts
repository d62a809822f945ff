// `npm run bench`: runs every tests/bench/*.bench.ts module, prints one table of figures and writes
// them to .bench/results.json. Benchmarks report figures and targets; they never fail a build.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchFigure } from './types';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
const figures: BenchFigure[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(`${here}${file}`).href)) as { default: () => Promise<BenchFigure[]> };
  process.stderr.write(`running ${file} ...\n`);
  const started = performance.now();
  figures.push(...(await mod.default()));
  process.stderr.write(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
const rows = figures.map((f) => [f.group, f.name, `${formatValue(f.value)} ${f.unit}`, f.target ?? '', f.target ? (f.met ? 'met' : 'NOT met') : '']);
const headers = ['group', 'figure', 'value', 'target', ''];
const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells: readonly string[]) => cells.map((c, i) => String(c).padEnd(widths[i]!)).join('  ');
console.log(line(headers));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
await mkdir('.bench', { recursive: true });
await writeFile('.bench/results.json', `${JSON.stringify({ at: new Date().toISOString(), node: process.version, figures }, null, 2)}\n`);
console.log('\nwritten to .bench/results.json');

function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : v < 1 ? v.toFixed(3) : v.toFixed(1);
}

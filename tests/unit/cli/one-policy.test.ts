// One screening policy for every command: `screen` keeps its JSON contract and lists the match band
// only unless --review is given; `score` screens with the bundled lists by default, honours
// --no-screen, the bands and the project's recorded decisions; `report` embeds the policy it used;
// each states the policy on stderr, and crossed or nonsense bands are refused as bad usage.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/index';
import type { CliIo } from '../../../src/cli/io';
import { createRiskModel } from '../../../src/core/risk';
import { embeddedFiles, parseReportData, REPORT_DATA_FILE } from '../../../src/core/report';
import { PDFDocument } from 'pdf-lib';
import { DEFAULT_SCREENING_POLICY } from '../../../src/core/screening';
import { assessProject, parseBundledLists } from '../../../src/core/services';
import { parseSnapshotJson } from '../../../src/cli/load-project';
import { REPO_ROOT } from '../../support/shared';

const DEMO = `${REPO_ROOT}/assets/samples/stadium-demo.json`;

function fakeIo(stdin = '', extra: Record<string, Uint8Array> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, Uint8Array>();
  const io: CliIo = {
    stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => stdin,
    readFile: async (p) => extra[p] ?? new Uint8Array(await readFile(p)),
    writeFile: async (p, b) => void written.set(p, typeof b === 'string' ? new TextEncoder().encode(b) : b),
    today: () => '2026-03-01',
  };
  return { io, written, out: () => out.join(''), err: () => err.join('') };
}

type Match = { score: number; band: string };
const QUERIES = 'Korea Construction Ltd\nDaesong Trading Company\nKim Jong Nam\nRungrado Shipping\nKorea Daesong Bank\n';

describe('subtier screen', () => {
  it('lists the match band only by default and adds review candidates with --review, each banded by the policy', async () => {
    const plain = fakeIo(QUERIES);
    const review = fakeIo(QUERIES);
    expect(await runCli(['screen', '--review-threshold', '0.3'], plain.io)).toBe(0);
    expect(await runCli(['screen', '--review-threshold', '0.3', '--review'], review.io)).toBe(0);
    const lines = (s: string) => s.trim().split('\n').map((l) => JSON.parse(l) as { query: string; matches: Match[] });
    const withReview = lines(review.out());
    const without = lines(plain.out());
    const t = DEFAULT_SCREENING_POLICY.threshold;
    for (const l of withReview) for (const m of l.matches) expect(m.band).toBe(m.score >= t ? 'match' : 'review');
    for (const l of withReview) for (const m of l.matches) expect(m.score).toBeGreaterThanOrEqual(0.3);
    expect(withReview.flatMap((l) => l.matches).some((m) => m.band === 'review')).toBe(true);
    expect(without.map((l) => l.matches)).toEqual(withReview.map((l) => l.matches.filter((m) => m.band === 'match')));
    expect(plain.err()).toMatch(/^subtier screen: Screening policy: a name scoring 0\.80 or more is a match; scores from 0\.30 up to 0\.80 are possible matches for review/);
  });

  it('lowers the review band with a lower --threshold, and refuses crossed or nonsense bands', async () => {
    const low = fakeIo('Kim Jong Un\n');
    expect(await runCli(['screen', '--threshold', '0.5'], low.io)).toBe(0);
    expect(low.err()).toMatch(/0\.50 or more is a match; no review band/);
    for (const args of [['--threshold', '0.6', '--review-threshold', '0.7'], ['--review-threshold', '0.9'], ['--threshold', 'high'], ['--threshold', '0']]) {
      const bad = fakeIo('');
      expect(await runCli(['screen', ...args], bad.io)).toBe(2);
      expect(bad.err()).toMatch(/threshold/);
    }
  });
});

describe('subtier score', () => {
  const designated = (json: { parties: { name: string; indicators: { id: string }[] }[] }) =>
    json.parties.filter((p) => p.indicators.some((i) => i.id === 'designation-match')).map((p) => p.name).sort();

  it('screens with the bundled lists by default and not with --no-screen, saying which on stderr', async () => {
    const screened = fakeIo();
    const unscreened = fakeIo();
    expect(await runCli(['score', DEMO, '--json'], screened.io)).toBe(0);
    expect(await runCli(['score', DEMO, '--json', '--no-screen'], unscreened.io)).toBe(0);
    expect(designated(JSON.parse(screened.out())).length).toBeGreaterThan(0);
    expect(designated(JSON.parse(unscreened.out()))).toEqual([]);
    expect(screened.err()).toMatch(/^subtier score: Screening policy: .* Lists: UN \d{4}-\d\d-\d\d, OFAC \d{4}-\d\d-\d\d; lists as of /);
    expect(unscreened.err()).toMatch(/not screened \(--no-screen\)/);
    const both = fakeIo();
    expect(await runCli(['score', DEMO, '--no-screen', '--list', 'x.csv'], both.io)).toBe(2);
  });

  it('keeps the review decisions recorded in the project: dismissed hits count for nothing', async () => {
    const demo = parseSnapshotJson(await readFile(DEMO, 'utf8'), DEMO);
    const lists = parseBundledLists(await readFile(`${REPO_ROOT}/assets/reference/sanctions-snapshot.json`, 'utf8'));
    const assessed = assessProject(demo, { lists, policy: DEFAULT_SCREENING_POLICY, model: createRiskModel(), asOf: '2026-03-01' });
    expect(assessed.snapshot.hits.length).toBeGreaterThan(0);
    const dismissed = { ...assessed.snapshot, hits: assessed.snapshot.hits.map((h) => ({ ...h, status: 'dismissed' as const, reason: 'different registration number', reviewer: 'M. Kim', reviewedAt: '2026-02-01' })) };
    const f = fakeIo('', { 'decided.json': new TextEncoder().encode(JSON.stringify(dismissed)) });
    expect(await runCli(['score', 'decided.json', '--json'], f.io)).toBe(0);
    expect(designated(JSON.parse(f.out()))).toEqual([]);
  });

  it('a stricter match band never finds more designation matches', async () => {
    const strict = fakeIo();
    const loose = fakeIo();
    await runCli(['score', DEMO, '--json', '--threshold', '0.99', '--review-threshold', '0.99'], strict.io);
    await runCli(['score', DEMO, '--json', '--threshold', '0.7', '--review-threshold', '0.6'], loose.io);
    const s = designated(JSON.parse(strict.out()));
    const l = designated(JSON.parse(loose.out()));
    expect(l).toEqual(expect.arrayContaining(s));
    expect(l.length).toBeGreaterThan(s.length);
  });
});

describe('subtier report', () => {
  it('states the policy on stderr and embeds it with the data', async () => {
    const f = fakeIo();
    expect(await runCli(['report', DEMO, '-o', 'r.pdf', '--threshold', '0.85', '--review-threshold', '0.7', '--sections', 'scope'], f.io)).toBe(0);
    expect(f.err()).toMatch(/^subtier report: Screening policy: a name scoring 0\.85 or more is a match; scores from 0\.70 up to 0\.85/);
    const data = parseReportData(embeddedFiles(await PDFDocument.load(f.written.get('r.pdf')!)).get(REPORT_DATA_FILE)!).value!;
    expect(data.input.screeningPolicy).toEqual({ threshold: 0.85, reviewFloor: 0.7 });
  });
});

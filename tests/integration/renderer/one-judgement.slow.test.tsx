// @vitest-environment jsdom
// One judgement: for the demo project and every sample workbook in assets/samples, `subtier score
// --json` and the data embedded in the PDF from `subtier report` (both run as a real command, in
// their own process) and the app's risk screen (the project loaded as the app loads it, the bundled
// lists installed, read off the rendered table) agree party by party: inherent and exposure score
// and level, completeness, and the project's rating.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PDFDocument } from 'pdf-lib';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/app/App';
import { planImport, readTemplateFiles } from '../../../src/core/io';
import { parseProjectSnapshot, randomId, systemClock } from '../../../src/core/model';
import { embeddedFiles, parseReportData, REPORT_DATA_FILE } from '../../../src/core/report';
import { applyImport, parseBundledLists, restoreBundledLists } from '../../../src/core/services';
import { Repository } from '../../../src/core/services/repository';
import { createMemoryBackend } from '../../../src/store';

// jsdom gives modules no file URL; tests run from the checkout's root.
const REPO_ROOT = process.cwd();
const TODAY = '2026-04-01';
const SAMPLES = `${REPO_ROOT}/assets/samples`;
const files = readdirSync(SAMPLES).filter((f) => /\.(json|xlsx)$/i.test(f)).sort();
const LABEL = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const;

interface Row { name: string; inherent: string; exposure: string; known: string }
type Level = keyof typeof LABEL;
interface PartyJson { id: string; name: string; inherent: { score: number; level: Level }; exposure: { score: number; level: Level }; completeness: number; insufficient: boolean }

/** Runs `subtier` from source in its own Node process, as of TODAY; returns what it printed. */
function subtier(args: readonly string[]): { stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', `${REPO_ROOT}/src/cli/main.ts`, ...args, '--as-of', TODAY], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`subtier ${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
  return { stdout: run.stdout, stderr: run.stderr };
}

const badge = (score: number, level: Level) => `${LABEL[level]} ${score}`;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Opens the sample as the app does: the demo's JSON saved as it is, a workbook imported into a new project. */
async function openInApp(repo: Repository, file: string): Promise<string> {
  const bytes = new Uint8Array(readFileSync(`${SAMPLES}/${file}`));
  if (file.endsWith('.json')) {
    const parsed = parseProjectSnapshot(JSON.parse(new TextDecoder().decode(bytes)));
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    await repo.saveSnapshot(parsed.snapshot, new Map(), 'opened the sample');
    return parsed.snapshot.project.id;
  }
  const plan = planImport(readTemplateFiles([{ name: file, bytes }]), { target: { mode: 'new', projectName: file }, ids: randomId, clock: systemClock });
  expect(plan.errors).toEqual([]);
  return applyImport(repo, plan, file);
}

/** The rows of the app's risk table, as a person reads them. */
function riskTable(): Row[] {
  const table = screen.getByRole('table', { name: 'All parties, most exposed first' });
  return [...table.querySelectorAll('tbody tr')].map((tr) => {
    const cells = tr.querySelectorAll('td');
    const badgeText = (td: Element) => td.querySelector('.risk-badge .badge')?.textContent ?? td.textContent ?? '';
    return { name: cells[0]!.querySelector('button')!.textContent!, inherent: badgeText(cells[1]!), exposure: badgeText(cells[2]!), known: cells[3]!.textContent! };
  });
}

describe('one judgement: score, report and the risk screen agree', () => {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${TODAY}T12:00:00Z`));
  });
  afterAll(() => vi.useRealTimers());
  afterEach(cleanup);

  it('has the demo and at least one sample workbook to check', () => {
    expect(files).toContain('stadium-demo.json');
    expect(files.some((f) => f.endsWith('.xlsx'))).toBe(true);
  });

  it.each(files)('%s', async (file) => {
    let reportPdf: Uint8Array;
    const path = `${SAMPLES}/${file}`;
    const score = subtier(['score', path, '--json']);
    expect(score.stderr).toMatch(/^subtier score: Screening policy: a name scoring 0\.\d\d or more is a match/);
    const json = JSON.parse(score.stdout) as { project: { rating: Level; score: number }; parties: (PartyJson & { indicators: { id: string }[] })[] };
    const names = json.parties.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);

    const work = mkdtempSync(`${tmpdir()}/subtier-judgement-`);
    try {
      expect(subtier(['report', path, '-o', `${work}/report.pdf`]).stderr).toMatch(/^subtier report: Screening policy:/);
      reportPdf = new Uint8Array(readFileSync(`${work}/report.pdf`));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    const embedded = embeddedFiles(await PDFDocument.load(reportPdf)).get(REPORT_DATA_FILE)!;
    const data = parseReportData(embedded).value!;
    const nameOf = new Map(data.input.snapshot.parties.map((p) => [p.id, p.name]));
    const reported = new Map(data.input.risk.parties.map((p) => [nameOf.get(p.partyId)!, p]));
    expect(data.input.screeningPolicy).toBeDefined();

    const repo = new Repository(createMemoryBackend());
    await restoreBundledLists(repo, parseBundledLists(readFileSync(`${REPO_ROOT}/assets/reference/sanctions-snapshot.json`, 'utf8')));
    const projectId = await openInApp(repo, file);
    window.location.hash = `#/risk?project=${projectId}`;
    render(<App services={{ repo }} />);
    // The screen shows recorded hits at once and the screened result when the run is done.
    await waitFor(() => expect(document.querySelector('[data-testid="risk-screening"]')?.getAttribute('data-screening')).toBe('done'), { timeout: 30_000 });
    expect(riskTable()).toHaveLength(json.parties.length);
    const app = new Map(riskTable().map((r) => [r.name, r]));
    const rating = document.querySelector('.rating-value')!.textContent;

    const disagreements: string[] = [];
    for (const p of json.parties) {
      const r = reported.get(p.name);
      const a = app.get(p.name);
      const cli = `${badge(p.inherent.score, p.inherent.level)} / ${badge(p.exposure.score, p.exposure.level)} / ${pct(p.completeness)}`;
      const inReport = r ? `${badge(r.inherent.score, r.inherent.level)} / ${badge(r.exposure.score, r.exposure.level)} / ${pct(r.completeness)}` : 'missing';
      const inApp = a ? `${a.inherent} / ${a.exposure} / ${a.known}` : 'missing';
      if (inReport !== cli || inApp !== cli) disagreements.push(`${p.name}: score ${cli}; report ${inReport}; app ${inApp}`);
    }
    expect(disagreements).toEqual([]);
    expect(data.input.risk.project.rating).toBe(json.project.rating);
    expect(rating).toBe(json.project.rating.toUpperCase());
    // The screening is part of the judgement: every sample has designation hits to agree on.
    expect(json.parties.some((p) => p.indicators.some((i) => i.id === 'designation-match'))).toBe(true);
  }, 120_000);
});

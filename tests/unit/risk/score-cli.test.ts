// `subtier score`: the JSON contract of issue 4, the readable table, and errors phrased for a person.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/index';
import type { CliIo } from '../../../src/cli/io';
import { REPO_ROOT } from '../../support/shared';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => '',
    readFile: async (p) => new Uint8Array(await readFile(p)), writeFile: async () => {}, today: () => '2026-03-01',
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}
const DEMO = `${REPO_ROOT}/assets/samples/stadium-demo.json`;

describe('subtier score', () => {
  it('prints the JSON contract', async () => {
    const t = fakeIo();
    expect(await runCli(['score', DEMO, '--json'], t.io)).toBe(0);
    const json = JSON.parse(t.out());
    expect(Object.keys(json.project).sort()).toEqual(['completeness', 'rating', 'score']);
    expect(json.project.rating).toBe('critical');
    expect(json.parties).toHaveLength(38);
    for (const party of json.parties) {
      expect(Object.keys(party).sort()).toEqual(['completeness', 'exposure', 'id', 'indicators', 'inherent', 'insufficient', 'name', 'paths']);
      expect(Object.keys(party.inherent).sort()).toEqual(['level', 'score']);
      expect(Object.keys(party.exposure).sort()).toEqual(['level', 'score']);
      expect(typeof party.insufficient).toBe('boolean');
      expect(party.completeness).toBeGreaterThanOrEqual(0);
      expect(party.completeness).toBeLessThanOrEqual(1);
      for (const i of party.indicators) expect(Object.keys(i).sort()).toEqual(['confidence', 'contribution', 'id']);
      for (const path of party.paths) expect(path[0]).toBe(party.id);
    }
    expect(json.model.weightsHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same bytes for the same data and date', async () => {
    const a = fakeIo();
    const b = fakeIo();
    await runCli(['score', DEMO, '--json', '--as-of', '2026-03-01'], a.io);
    await runCli(['score', DEMO, '--json'], b.io);
    expect(a.out()).toBe(b.out());
  });

  it('prints a readable table without --json', async () => {
    const t = fakeIo();
    expect(await runCli(['score', DEMO], t.io)).toBe(0);
    expect(t.out()).toMatch(/^Al Wakra Stadium East Stand \(demo\): CRITICAL \(score \d+(\.\d)?, \d+% of the facts that matter known/);
    expect(t.out()).toContain('Steel erection crew');
    expect(t.out()).toMatch(/A2 +DPRK nationals in the workforce: \d parties/);
  });

  it('explains bad usage and bad files', async () => {
    const t = fakeIo();
    expect(await runCli(['score'], t.io)).toBe(2);
    expect(t.err()).toContain('PROJECT is required');
    const u = fakeIo();
    expect(await runCli(['score', DEMO, '--as-of', '2026-13-45'], u.io)).toBe(2);
    const v = fakeIo();
    expect(await runCli(['score', `${REPO_ROOT}/package.json`, '--weights', DEMO], v.io)).toBe(1);
    expect(v.err()).toMatch(/invalid weights/);
  });
});

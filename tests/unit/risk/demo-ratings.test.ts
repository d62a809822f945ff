// The demo project's expected ratings, as an auditor reading its explanations would expect them:
// the DPRK steel crew and its employer critical, the contractors above them exposed, clean and
// documented crews low, parties without data never low.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnapshotJson } from '../../../src/cli/load-project';
import { partyRiskById, scoreProject } from '../../../src/core/risk';
import { REPO_ROOT } from '../../support/shared';

const demo = parseSnapshotJson(readFileSync(`${REPO_ROOT}/assets/samples/stadium-demo.json`, 'utf8'), 'stadium-demo.json');
const result = scoreProject(demo, { asOf: '2026-03-01' });
const p = (id: string) => partyRiskById(result, id)!;

describe('demo project ratings', () => {
  it('rates the project critical, driven by the DPRK steel erection crew', () => {
    expect(result.project.rating).toBe('critical');
    expect(result.project.drivenBy).toBe('pty_demo_028');
    expect(result.cycles).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('makes the steel crew critical under both hard rules, with sourced explanations', () => {
    const crew = p('pty_demo_028');
    expect(crew.inherent.level).toBe('critical');
    expect(crew.indicators.map((i) => i.code)).toEqual(expect.arrayContaining(['A2', 'A15', 'A3', 'A5', 'A6', 'A4']));
    expect(crew.notes.filter((n) => n.startsWith('Hard rule'))).toHaveLength(2);
    expect(crew.indicators.find((i) => i.code === 'A2')!.sources.map((s) => s.id)).toContain('S44');
  });

  it('makes Silver Falcon (employs the crew, pays cash and a third-party account) critical and flags its contradicted answer', () => {
    const agency = p('pty_demo_011');
    expect(agency.inherent.level).toBe('critical');
    expect(agency.indicators.map((i) => i.code)).toEqual(expect.arrayContaining(['A2', 'A3', 'A12']));
    expect(agency.notes.some((n) => n.startsWith('Contradiction'))).toBe(true);
  });

  it('exposes the contractors above the crew, attenuated by distance', () => {
    expect(p('pty_demo_006').exposure.level).toBe('critical'); // Baltiyskiy, two steps
    expect(p('pty_demo_002').exposure.level).toBe('critical'); // general contractor, three steps
    expect(p('pty_demo_002').paths[0]!.ids).toEqual(['pty_demo_002', 'pty_demo_006', 'pty_demo_011', 'pty_demo_028']);
    expect(p('pty_demo_001').exposure.level).toBe('high'); // the client, four steps
    expect(p('pty_demo_012').exposure.level).toBe('critical'); // the DPRK trading company recruits the crew
  });

  it('rates the MEP chain high for passports held by the employer, and the documented crews low', () => {
    expect(p('pty_demo_030').inherent.level).toBe('high');
    expect(p('pty_demo_005').inherent.level).toBe('high');
    for (const id of ['pty_demo_026', 'pty_demo_032', 'pty_demo_033']) expect(p(id).inherent.level, id).toBe('low');
  });

  it('never rates a party with insufficient information low', () => {
    const insufficient = result.parties.filter((x) => x.insufficient);
    expect(insufficient.length).toBeGreaterThan(5);
    for (const x of insufficient) expect(x.inherent.level, x.name).not.toBe('low');
    expect(p('pty_demo_034').insufficient).toBe(true); // the landscaping crew: nothing known
  });
});

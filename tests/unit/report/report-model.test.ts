// The report model: what the report says, decided before drawing. Checked on a hand-made project
// whose risk results are written out, so every expectation here can be read off the fixture.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/model';
import { buildReportModel } from '../../../src/core/report/build-report-model';
import { prepareReportInput } from '../../../src/core/report/build-report';
import { layoutDiagram } from '../../../src/core/report/pdf/chain-layout';
import { workerPseudonym } from '../../../src/core/report/redaction';
import { serializeReportData, parseReportData } from '../../../src/core/report/report-data';
import { fixtureInput, NAMES } from './fixture';
import type { ReportInput } from '../../../src/core/report/report-input';
import { largeInput } from './large-fixture';

const modelOf = (options = {}, raw: ReportInput = fixtureInput(options)) => {
  const input = prepareReportInput(raw);
  const data = serializeReportData(input, '0.1.0');
  return { model: buildReportModel(input, data.sha256, '0.1.0'), data };
};

describe('report model', () => {
  it('carries the cover facts, a deterministic report id and the data hash', () => {
    const { model, data } = modelOf();
    expect(model.meta).toMatchObject({ projectName: 'Lusail Arena East Stand', hostCountry: 'Qatar', asOf: '2026-03-15', author: 'Mina Haddad', dataSha256: data.sha256, redacted: false });
    expect(model.meta.reportId).toBe(`SDR-20260315-${data.sha256.slice(0, 8).toUpperCase()}`);
    expect(model.legal.authorities.map((a) => a.citation)).toEqual(expect.arrayContaining(['UNSCR 2375 (2017), para. 17', 'UNSCR 2397 (2017), para. 8', 'E.O. 13722 (2016), sec. 2(a)', '22 U.S.C. 9214(g)(1)(C) (NKSPEA, as amended)', 'CAATSA §321(b), 22 U.S.C. 9241a; 19 U.S.C. 1307']));
  });

  it('writes findings for high and critical parties only, never for the client or a worker, most severe first', () => {
    const { model } = modelOf();
    const names = model.findings.map((f) => f.name);
    expect(names).not.toContain(NAMES.client);
    expect(names).not.toContain(NAMES.worker);
    expect(names).not.toContain(NAMES.arabic); // medium
    expect(names).toEqual([NAMES.crew, NAMES.hangul, NAMES.cyrillic, NAMES.gc]);
  });

  it('recommends actions with reasons drawn from the facts', () => {
    const { model } = modelOf();
    const crew = model.findings.find((f) => f.name === NAMES.crew)!;
    expect(crew.actions.map((a) => a.action)).toEqual(['terminate', 'suspend_payments', 'escalate', 'verify_payroll', 'require_attestation']);
    expect(crew.actions.find((a) => a.action === 'verify_payroll')!.reason).toMatch(/not paid into workers' own accounts/);
    const agency = model.findings.find((f) => f.name === NAMES.hangul)!;
    expect(agency.actions.find((a) => a.action === 'escalate')!.reason).toMatch(/^Confirmed designation match \(KOREA RUNGRADO/);
    const sub = model.findings.find((f) => f.name === NAMES.cyrillic)!;
    expect(sub.actions.find((a) => a.action === 'escalate')!.reason).toMatch(/attestation contradicts/);
    expect(sub.exposurePaths).toEqual([`${NAMES.cyrillic} → ${NAMES.crew}`, `${NAMES.cyrillic} → ${NAMES.hangul}`]);
    expect(sub.exposesContractors).toEqual([`${NAMES.client} → ${NAMES.gc} → ${NAMES.cyrillic}`]);
  });

  it('summarises ratings, confirmed matches, open hits and the parties needing action', () => {
    const { model } = modelOf();
    expect(model.summary.levelCounts).toEqual({ critical: 5, high: 1, medium: 2, low: 0 });
    expect(model.summary.confirmedMatches).toEqual([{ party: NAMES.hangul, entry: 'KOREA RUNGRADO GENERAL TRADING CORPORATION', list: 'UN', ref: 'KPe.042' }]);
    expect(model.summary.openHits).toBe(1);
    expect(model.summary.keyFindings.join(' ')).toMatch(/DPRK nationals are recorded in 1 workforce: Steel erection crew/);
    expect(model.screening.rows.map((r) => r.status)).toEqual(['confirmed', 'open', 'dismissed']);
    expect(model.evidence.attestations.find((a) => a.supplier === NAMES.cyrillic)!.status).toBe('contradicted');
    expect(model.audit).toMatchObject({ available: true, verified: true });
    expect(model.scope.notExamined.join(' ')).toMatch(/insufficient information \(1\)/);
  });

  it('puts a labour supplier below the contractor it supplies in the chain diagram', () => {
    const { model } = modelOf();
    expect(model.chain.edges).toContainEqual({ from: 'pty_04', to: 'pty_03', relation: 'supplies_labor' });
    const layout = layoutDiagram(model.chain);
    const at = (id: string) => layout.placed.get(id)!;
    expect(at('pty_01').column).toBe(0);
    expect(at('pty_03').column).toBe(3);
    expect(at('pty_08').column).toBe(layout.columns.length - 1);
  });

  it('lays out a large chain with one party per cell and each party at or below the row of its parent', () => {
    const input = prepareReportInput(largeInput(300));
    const model = buildReportModel(input, 'f'.repeat(64), '0.1.0');
    const layout = layoutDiagram(model.chain);
    expect(layout.placed.size).toBe(300);
    const cells = new Set([...layout.placed.values()].map((p) => `${p.column}:${p.row}`));
    expect(cells.size).toBe(300);
    for (const p of layout.placed.values()) if (p.parent) expect(p.row).toBeGreaterThanOrEqual(layout.placed.get(p.parent)!.row);
  });

  it('redacts worker-identifying data everywhere, with stable pseudonyms', () => {
    const { model, data } = modelOf({ redact: true });
    const pseudonym = workerPseudonym('prj_fixture', 'pty_07');
    expect(pseudonym).toMatch(/^Worker [0-9A-F]{6}$/);
    const everything = canonicalJson(model) + new TextDecoder().decode(data.bytes);
    expect(everything).not.toContain(NAMES.worker);
    expect(everything).not.toContain('Interview 3');
    expect(everything).not.toContain('interview-ri.m4a');
    expect(everything).toContain(pseudonym);
    expect(model.meta.redacted).toBe(true);
    expect(modelOf({ redact: true }).data.sha256).toBe(data.sha256);
  });

  it('lists sensitive evidence by hash only and embeds no sealed record, even unredacted', () => {
    const input = fixtureInput();
    const sealedSnapshot = { ...input.snapshot, parties: input.snapshot.parties.map((p) => ({ ...p, sealed: 'v1:ciphertext-of-worker-details' })) };
    const { model, data } = modelOf({}, { ...input, snapshot: sealedSnapshot });
    const everything = canonicalJson(model) + new TextDecoder().decode(data.bytes);
    expect(model.meta.redacted).toBe(false);
    expect(everything).not.toContain('interview-ri.m4a');
    expect(everything).not.toContain('Interview with Ri Chol Jin');
    expect(everything).not.toContain('ciphertext-of-worker-details');
    expect(everything).toContain('Sensitive item bbbbbbbb');
  });

  it('round-trips the embedded data and rejects foreign data with reasons', () => {
    const { data } = modelOf();
    const parsed = parseReportData(data.bytes);
    expect(parsed.value && serializeReportData(parsed.value.input, '0.1.0').sha256).toBe(data.sha256);
    expect(parseReportData(new TextEncoder().encode('{"format":"x"}')).errors.length).toBeGreaterThan(0);
    expect(parseReportData(new Uint8Array([0xff, 0xfe])).errors[0]).toMatch(/not valid JSON/);
  });

  it('matches the reviewed model of the fixture', () => {
    expect(modelOf().model).toMatchSnapshot();
  });
});

// Import/export figures: a 10,000-party workbook in the template (with 10,000 links and 1,000 crews)
// read and validated (target ≤ 2 s), writing the template export and the register, and a bundle of
// the same project written and verified.
import { strToU8 } from 'fflate';
import { planImport, readBundle, readTemplateFiles, writeBundle, writeRegister, writeTemplate } from '../../src/core/io';
import { emptySnapshot, linkSchema, partySchema, projectSchema, sequentialIds, sha256Hex, evidenceSchema } from '../../src/core/model';
import type { ProjectSnapshot } from '../../src/core/model';
import type { BenchFigure } from './types';
import { median, timeRuns } from './types';

const COUNTRIES = ['QA', 'AE', 'RU', 'CN', 'NP', 'KP', 'IN', 'TR', 'SA', 'KR'];

/** A synthetic project: 10,000 parties (every tenth a crew with workforce facts) and 10,000 links. */
function bigProject(): ProjectSnapshot {
  const at = '2026-01-01T00:00:00.000Z';
  const project = projectSchema.parse({ id: 'prj_bench', name: 'Bench stadium', hostCountry: 'QA', createdAt: at, updatedAt: at });
  const parties = Array.from({ length: 10_000 }, (_, i) => partySchema.parse({
    id: `pty_${i}`, projectId: project.id, ref: `P-${i}`, createdAt: at, updatedAt: at,
    kind: i % 10 === 9 ? 'workforce' : 'organization', name: `Contractor ${i} Construction LLC`, country: COUNTRIES[i % COUNTRIES.length],
    sector: 'Construction', aliases: i % 3 ? [] : [`Contractor ${i}`, `C${i} LLC`], registrationNumber: `REG-${100000 + i}`, address: `${i} Industrial Road`,
    workforce: i % 10 === 9 ? { nationality: 'NP', headcount: 40, wagePayment: 'team_leader', passportsHeldBy: 'agency', individualContracts: 'no', housing: 'compound', arrivalDate: '2026-02-01' } : null,
  }));
  const links = Array.from({ length: 10_000 }, (_, i) => linkSchema.parse({
    id: `lnk_${i}`, projectId: project.id, relation: i % 2 ? 'subcontracts' : 'pays', from: `pty_${Math.floor(i / 2)}`, to: `pty_${(Math.floor(i / 2) + 1 + (i % 7)) % 10_000}`,
    value: 1000 * i, currency: 'USD', channel: i % 2 ? null : 'bank_transfer', startDate: '2026-01-15', createdAt: at, updatedAt: at,
  }));
  return { ...emptySnapshot(project), parties, links };
}

export default async function benchIo(): Promise<BenchFigure[]> {
  const snapshot = bigProject();
  const workbook = writeTemplate(snapshot);
  let plan = planImport(readTemplateFiles([{ name: 'big.xlsx', bytes: workbook }]), { target: { mode: 'new' }, ids: sequentialIds(), clock: () => '2026-01-01T00:00:00.000Z' });
  if (plan.errors.length || plan.result.parties.length !== 10_000 || plan.result.links.length !== 10_000) {
    throw new Error(`bench workbook did not import cleanly: ${plan.errors.length} errors, ${plan.result.parties.length} parties`);
  }
  // CPU time beside wall time: on a busy machine the wall clock also counts time spent waiting for a core.
  const cpu: number[] = [];
  const parse = await timeRuns(3, () => {
    const before = process.cpuUsage();
    plan = planImport(readTemplateFiles([{ name: 'big.xlsx', bytes: workbook }]), { target: { mode: 'new' }, ids: sequentialIds(), clock: () => '2026-01-01T00:00:00.000Z' });
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  });
  cpu.shift(); // the warm-up run
  cpu.sort((a, b) => a - b);
  const merge = await timeRuns(3, () => planImport(readTemplateFiles([{ name: 'big.xlsx', bytes: workbook }]), { target: { mode: 'merge', snapshot }, ids: sequentialIds(), clock: () => '2026-01-01T00:00:00.000Z' }));
  const template = await timeRuns(3, () => writeTemplate(snapshot));
  const register = await timeRuns(3, () => writeRegister(snapshot, { exportedAt: '2026-01-01T00:00:00.000Z' }));

  // A bundle with 200 evidence files of 50 KiB.
  const evidence = new Map<string, Uint8Array>();
  const records = Array.from({ length: 200 }, (_, i) => {
    const bytes = strToU8(`evidence ${i} `.repeat(4000));
    evidence.set(`evd_${i}`, bytes);
    return evidenceSchema.parse({ id: `evd_${i}`, projectId: 'prj_bench', subject: { type: 'project', id: 'prj_bench' }, fileName: `e${i}.txt`, size: bytes.length, sha256: sha256Hex(bytes), createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
  });
  const withEvidence = { ...snapshot, evidence: records };
  let bundle: Uint8Array = new Uint8Array();
  const bundleWrite = await timeRuns(3, async () => { bundle = await writeBundle({ snapshot: withEvidence, evidence, audit: [], createdAt: '2026-01-01T00:00:00.000Z' }); });
  const bundleRead = await timeRuns(3, () => readBundle(bundle));

  const target = 2000;
  return [
    { group: 'io', name: 'read + validate 10,000-party template workbook (new project)', value: median(parse), unit: 'ms', target: `≤ ${target} ms`, met: median(parse) <= target },
    { group: 'io', name: 'the same, CPU time of the process (all threads, GC included)', value: median(cpu), unit: 'ms' },
    { group: 'io', name: 'read + plan merge of the same workbook into the project', value: median(merge), unit: 'ms' },
    { group: 'io', name: `write template export, 10,000 parties (${Math.round(workbook.length / 1024)} KiB)`, value: median(template), unit: 'ms' },
    { group: 'io', name: 'write register workbook, 10,000 parties (unscored)', value: median(register), unit: 'ms' },
    { group: 'io', name: `write bundle, 10,000 parties + 200 evidence files (${Math.round(bundle.length / 1024)} KiB)`, value: median(bundleWrite), unit: 'ms' },
    { group: 'io', name: 'read + verify the same bundle', value: median(bundleRead), unit: 'ms' },
  ];
}

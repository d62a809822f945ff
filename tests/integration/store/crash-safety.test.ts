// Crash safety: a workbook import, a bundle import over an existing copy, a merge and the edits that
// touch many records at once (deleting a party with its links moved, deleting a project) are made to
// fail at every single write they make, half-way through that write, on both backends. Each time
// the whole database must be exactly as it was before: every table, every row.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { sequentialIds, steppingClock } from '../../../src/core/model';
import type { Party, ProjectSnapshot } from '../../../src/core/model';
import { planImport, readBundle, readTemplateFiles, writeTemplate } from '../../../src/core/io';
import { applyBundle, applyImport, exportBundle } from '../../../src/core/services';
import { Repository } from '../../../src/core/services/repository';
import type { StorageBackend } from '../../../src/core/services/ports';
import { createDexieBackend, createMemoryBackend } from '../../../src/store';
import { dumpBackend, faultBackend } from './fault-backend';
import type { FaultBackend } from './fault-backend';
import { demo } from './v1-rows';

const backends: Record<string, () => StorageBackend> = {
  memory: () => createMemoryBackend(),
  dexie: () => createDexieBackend({ name: `crash-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange }),
};

const demoSnapshot = demo;
const workbookDemo: ProjectSnapshot = demo;
const evidenceBytes = new TextEncoder().encode('Signed labour supply agreement, SUB-004 with Silver Falcon, 2024-03-02.');

async function seeded(make: () => StorageBackend): Promise<{ repo: Repository; backend: FaultBackend }> {
  const backend = faultBackend(make());
  const repo = new Repository(backend, { ids: sequentialIds(), clock: steppingClock('2026-02-01T00:00:00.000Z'), actor: () => 'tester' });
  await repo.saveSnapshot(demoSnapshot, new Map(), 'demo');
  const other = await repo.createProject({ name: 'Lusail bus depot', hostCountry: 'QA' });
  await repo.createParty(other.id, { kind: 'organization', name: 'Lusail Transit', ref: 'CLI-1' });
  const { sha256Hex } = await import('../../../src/core/model');
  await repo.addEvidence({
    id: 'evd_crash_1', createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z', projectId: 'prj_demo',
    subject: { type: 'party', id: 'pty_demo_004' }, title: 'Labour supply agreement', fileName: 'agreement.txt', mediaType: 'text/plain',
    size: evidenceBytes.length, sha256: sha256Hex(evidenceBytes), capturedAt: '', description: '', sensitive: false,
  } as never, evidenceBytes);
  return { repo, backend };
}

/**
 * Runs `operation` once to count its writes (on a throw-away copy made by `setup`), then on the
 * database under test fails it at each write in turn and checks nothing changed. Finally lets it
 * succeed, to prove the operation was real and did write.
 */
async function failAtEveryWrite(make: () => StorageBackend, operation: (repo: Repository) => Promise<unknown>): Promise<number> {
  const probe = await seeded(make);
  probe.backend.writes = 0;
  await operation(probe.repo);
  const total = probe.backend.writes;
  probe.backend.close();
  expect(total, 'the operation writes something').toBeGreaterThan(0);

  const { repo, backend } = await seeded(make);
  const before = await dumpBackend(backend);
  let notified = 0;
  repo.subscribe(() => notified++);
  for (let k = 1; k <= total; k++) {
    backend.writes = 0;
    backend.plan.failAt = k;
    await expect(operation(repo), `failing at write ${k} of ${total}`).rejects.toThrow(`simulated crash at write ${k}`);
    expect(await dumpBackend(backend), `database after a failure at write ${k} of ${total}`).toEqual(before);
  }
  expect(notified, 'no change is announced for a failed write').toBe(0);
  backend.plan.failAt = 0;
  await operation(repo);
  expect(await dumpBackend(backend)).not.toEqual(before);
  backend.close();
  return total;
}

/** The demo project as a colleague edited it in the workbook: two parties changed, one added with its link. */
function editedDemo(): ProjectSnapshot {
  const parties: Party[] = workbookDemo.parties.map((p) =>
    p.id === 'pty_demo_003' ? { ...p, sector: 'Precast terraces and stairs' } : p.id === 'pty_demo_026' ? { ...p, workforce: { ...p.workforce!, headcount: 92 } } : p);
  const added: Party = { ...workbookDemo.parties[2]!, id: 'pty_new_1', ref: 'SUB-099', name: 'Doha Scaffolding W.L.L.', aliases: [], registrationNumber: 'CR 200111' };
  return {
    ...workbookDemo,
    parties: [...parties, added],
    links: [...workbookDemo.links, { ...workbookDemo.links[0]!, id: 'lnk_new_1', from: 'pty_demo_002', to: 'pty_new_1', value: 2_400_000 }],
  };
}

describe.each(Object.entries(backends))('crash safety over %s', (_name, make) => {
  it('a workbook import into a new project leaves nothing behind when it fails at any write', async () => {
    const bytes = writeTemplate(workbookDemo);
    const operation = async (repo: Repository) => {
      const plan = planImport(readTemplateFiles([{ name: 'stadium.xlsx', bytes }]), { target: { mode: 'new' }, ids: sequentialIds(500), clock: steppingClock() });
      expect(plan.errors).toEqual([]);
      return applyImport(repo, plan);
    };
    expect(await failAtEveryWrite(make, operation)).toBeGreaterThanOrEqual(10);
  });

  it('a merge of an edited workbook into the project leaves it untouched when it fails at any write', async () => {
    const bytes = writeTemplate(editedDemo());
    const operation = async (repo: Repository) => {
      const plan = planImport(readTemplateFiles([{ name: 'stadium-edited.xlsx', bytes }]), { target: { mode: 'merge', snapshot: await repo.loadSnapshot('prj_demo') }, ids: sequentialIds(700), clock: steppingClock() });
      expect(plan.errors).toEqual([]);
      expect(plan.summary.parties).toMatchObject({ added: 1, changed: 2 });
      return applyImport(repo, plan, 'merge');
    };
    // Each changed record and its audit entry are separate writes: 4 records, 4 entries at least.
    expect(await failAtEveryWrite(make, operation)).toBeGreaterThanOrEqual(8);
  });

  it('a bundle import over a different stored copy keeps the stored copy when it fails at any write', async () => {
    const source = await seeded(make);
    await source.repo.updateParty('pty_demo_005', { notes: 'Visited 2026-01-20: crew lists match the payroll.' });
    const contents = (await readBundle(await exportBundle(source.repo, 'prj_demo', '2026-02-02T00:00:00.000Z'))).value!;
    source.backend.close();
    expect(await failAtEveryWrite(make, (repo) => applyBundle(repo, contents))).toBeGreaterThanOrEqual(10);
  });

  it('deleting a party with its links moved elsewhere is all or nothing', async () => {
    // Silver Falcon (pty_demo_014) has several links; they move to the general contractor.
    const total = await failAtEveryWrite(make, (repo) => repo.deleteParty('pty_demo_014', { links: 'reassign', to: 'pty_demo_002' }));
    expect(total).toBeGreaterThanOrEqual(4);
  });

  it('deleting a whole project with its parties, links and evidence is all or nothing', async () => {
    expect(await failAtEveryWrite(make, (repo) => repo.deleteProject('prj_demo'))).toBeGreaterThanOrEqual(8);
  });
});

// A bundle may only ever write its own project. Bundles that reuse the ids of another stored
// project's parties, links, evidence or records, that name another project on a record, or whose
// evidence id is the id of a stored backup are refused before anything is written, over both
// backends, and the other project keeps every row and every evidence byte.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { sequentialIds, sha256Hex, steppingClock } from '../../../src/core/model';
import type { Evidence, ProjectSnapshot } from '../../../src/core/model';
import { readBundle, writeBundle } from '../../../src/core/io';
import { applyBundle, applyBundleWithBackup, createBackup, previewBundle } from '../../../src/core/services';
import { Repository } from '../../../src/core/services/repository';
import type { StorageBackend } from '../../../src/core/services/ports';
import { createDexieBackend, createMemoryBackend } from '../../../src/store';
import { dumpBackend } from '../store/fault-backend';
import { demo } from '../store/v1-rows';

const backends: Record<string, () => StorageBackend> = {
  memory: () => createMemoryBackend(),
  dexie: () => createDexieBackend({ name: `isolation-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange }),
};

const payroll = new TextEncoder().encode('Payroll extract, Silver Falcon crew, January 2025.');
const forged = new TextEncoder().encode('Nothing to see here.');

function evidenceRow(projectId: string, id: string, bytes: Uint8Array, subject: Evidence['subject']): Evidence {
  return {
    id, projectId, createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z', subject,
    title: 'Payroll extract', fileName: 'payroll.txt', mediaType: 'text/plain', size: bytes.length, sha256: sha256Hex(bytes),
    capturedAt: '', description: '', sensitive: false, sealed: '',
  };
}

async function seeded(make: () => StorageBackend) {
  const repo = new Repository(make(), { ids: sequentialIds(), clock: steppingClock('2026-02-01T00:00:00.000Z'), actor: () => 'tester' });
  await repo.saveSnapshot(demo, new Map(), 'demo');
  await repo.addEvidence(evidenceRow('prj_demo', 'evd_victim_1', payroll, { type: 'party', id: 'pty_demo_014' }), payroll);
  return repo;
}

/** A bundle for a new project "prj_intruder" built from `edit` of a copy of the demo's first parties. */
async function intruderBundle(edit: (s: ProjectSnapshot) => ProjectSnapshot, evidence = new Map<string, Uint8Array>()) {
  const parties = demo.parties.slice(0, 4).map((p) => ({ ...p, projectId: 'prj_intruder', name: `${p.name} (copy)` }));
  const base: ProjectSnapshot = {
    project: { ...demo.project, id: 'prj_intruder', name: 'Intruder' },
    parties: parties.map((p, i) => ({ ...p, id: `pty_intruder_${i}` })),
    links: [], evidence: [], questionnaires: [], overrides: [], hits: [], attestations: [],
  };
  const bytes = await writeBundle({ snapshot: edit(base), evidence, audit: [], createdAt: '2026-03-01T00:00:00.000Z' });
  return bytes;
}

describe.each(Object.entries(backends))('bundle imports stay inside their own project (%s)', (_name, make) => {
  it('refuses a bundle for a new project that reuses another project\'s party and evidence ids, and changes nothing', async () => {
    const repo = await seeded(make);
    const before = await dumpBackend(repo.backend);
    const bytes = await intruderBundle((s) => ({
      ...s,
      parties: demo.parties.slice(0, 4).map((p) => ({ ...p, projectId: 'prj_intruder', name: `${p.name} (copy)` })),
      evidence: [evidenceRow('prj_intruder', 'evd_victim_1', forged, { type: 'project', id: 'prj_intruder' })],
    }), new Map([['evd_victim_1', forged]]));
    const read = await readBundle(bytes);
    expect(read.errors).toEqual([]);
    const preview = await previewBundle(repo, read.value!);
    expect(preview.status).toBe('conflict');
    expect(preview.conflicts?.join(' ')).toMatch(/pty_demo_001.*Stadium|already belong/);
    await expect(applyBundleWithBackup(repo, read.value!, 'intruder.subtier')).rejects.toThrow(/already belong to the project "Al Wakra Stadium/);
    await expect(applyBundle(repo, read.value!)).rejects.toThrow(/refused/);
    expect(await dumpBackend(repo.backend)).toEqual(before);
    expect(await repo.getEvidenceBytes('evd_victim_1')).toEqual(payroll);
    expect(await repo.getProject('prj_intruder')).toBeUndefined();
  });

  it('refuses reused link, questionnaire and hit ids of another project', async () => {
    const repo = await seeded(make);
    const victim = await repo.loadSnapshot('prj_demo');
    const link = victim.links[0]!;
    const questionnaire = victim.questionnaires[0]!;
    const before = await dumpBackend(repo.backend);
    for (const edit of [
      (s: ProjectSnapshot) => ({ ...s, links: [{ ...link, projectId: 'prj_intruder', from: s.parties[0]!.id, to: s.parties[1]!.id }] }),
      (s: ProjectSnapshot) => ({ ...s, questionnaires: [{ ...questionnaire, projectId: 'prj_intruder', partyId: s.parties[0]!.id }] }),
    ]) {
      const read = await readBundle(await intruderBundle(edit));
      expect(read.errors).toEqual([]);
      await expect(applyBundle(repo, read.value!)).rejects.toThrow(/already belong/);
    }
    expect(await dumpBackend(repo.backend)).toEqual(before);
  });

  it('refuses evidence whose id is the id of a stored backup (its bytes would replace the backup)', async () => {
    const repo = await seeded(make);
    const backup = await createBackup(repo, 'prj_demo', 'manual', 'kept', { ids: sequentialIds(900), clock: steppingClock('2026-02-02T00:00:00.000Z') });
    const before = await dumpBackend(repo.backend);
    const read = await readBundle(await intruderBundle((s) => ({
      ...s, evidence: [evidenceRow('prj_intruder', backup.id, forged, { type: 'project', id: 'prj_intruder' })],
    }), new Map([[backup.id, forged]])));
    expect(read.errors).toEqual([]);
    await expect(applyBundle(repo, read.value!)).rejects.toThrow(/already belong|backup/);
    expect(await dumpBackend(repo.backend)).toEqual(before);
  });

  it('refuses a bundle whose records name another project', async () => {
    const repo = await seeded(make);
    for (const edit of [
      (s: ProjectSnapshot) => ({ ...s, evidence: [evidenceRow('prj_demo', 'evd_new_1', forged, { type: 'project', id: 'prj_demo' })] }),
      (s: ProjectSnapshot) => ({ ...s, questionnaires: [{ id: 'qst_new_1', createdAt: 'x', updatedAt: 'x', projectId: 'prj_demo', partyId: s.parties[0]!.id, source: 'auditor' as const, answers: [] }] }),
      (s: ProjectSnapshot) => ({ ...s, evidence: [evidenceRow('prj_intruder', 'evd_new_2', forged, { type: 'party', id: 'pty_demo_014' })] }),
    ]) {
      const bytes = await intruderBundle(edit, new Map([['evd_new_1', forged], ['evd_new_2', forged]]));
      const read = await readBundle(bytes);
      expect(read.value, JSON.stringify(read.errors)).toBeNull();
      expect(read.errors[0]?.message).toMatch(/another project|no party/);
    }
    expect((await repo.listProjects()).map((p) => p.id)).toEqual(['prj_demo']);
  });

  it('still replaces its own stored copy, and re-imports an export of the same project', async () => {
    const repo = await seeded(make);
    const { exportBundle } = await import('../../../src/core/services');
    const bytes = await exportBundle(repo, 'prj_demo', '2026-03-01T00:00:00.000Z');
    await repo.updateParty('pty_demo_005', { notes: 'Changed after the export.' });
    const read = await readBundle(bytes);
    expect((await previewBundle(repo, read.value!)).status).toBe('different');
    expect(await applyBundle(repo, read.value!)).toBe('different');
    expect((await repo.getParty('pty_demo_005'))?.notes).not.toBe('Changed after the export.');
    expect(await repo.getEvidenceBytes('evd_victim_1')).toEqual(payroll);
  });
});

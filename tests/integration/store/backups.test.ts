// Backups over both backends: on demand and before merges and bundle imports, restorable (also after
// the project was deleted), a restore that can itself be undone, refusal of a damaged backup, a merge
// that does not start when its backup cannot be made, and the retention rule applied as documented.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { sequentialIds, sha256Hex, steppingClock } from '../../../src/core/model';
import type { Clock, ProjectSnapshot } from '../../../src/core/model';
import { planImport, readBundle, readTemplateFiles, writeTemplate } from '../../../src/core/io';
import { exportBundle } from '../../../src/core/services';
import {
  BackupError, applyBundleWithBackup, applyImportWithBackup, backupBytes, createBackup, deleteBackup, listBackups, restoreBackup,
} from '../../../src/core/services/backups';
import { Repository } from '../../../src/core/services/repository';
import type { StorageBackend } from '../../../src/core/services/ports';
import { createDexieBackend, createMemoryBackend } from '../../../src/store';
import { dumpBackend } from './fault-backend';
import { demo } from './v1-rows';

const backends: Record<string, () => StorageBackend> = {
  memory: () => createMemoryBackend(),
  dexie: () => createDexieBackend({ name: `backups-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange }),
};

const evidenceBytes = new TextEncoder().encode('Payroll extract, Silver Falcon crew, January 2025.');
const workbookDemo: ProjectSnapshot = demo;

/** A clock that advances one hour per call from `iso`. */
function hourly(iso: string): Clock {
  let t = Date.parse(iso);
  return () => new Date((t += 3_600_000)).toISOString();
}

describe.each(Object.entries(backends))('backups over %s', (_name, make) => {
  async function seeded() {
    const repo = new Repository(make(), { ids: sequentialIds(), clock: steppingClock('2026-02-01T00:00:00.000Z'), actor: () => 'tester' });
    await repo.saveSnapshot(workbookDemo, new Map(), 'demo');
    await repo.addEvidence({
      id: 'evd_bk_1', createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z', projectId: 'prj_demo',
      subject: { type: 'party', id: 'pty_demo_014' }, title: 'Payroll extract', fileName: 'payroll.txt', mediaType: 'text/plain',
      size: evidenceBytes.length, sha256: sha256Hex(evidenceBytes), capturedAt: '2025-01-31', description: '', sensitive: false,
    } as never, evidenceBytes);
    const options = { clock: hourly('2026-02-02T00:00:00.000Z'), ids: sequentialIds(5000) };
    return { repo, options };
  }

  it('makes a verified bundle on demand, listed newest first, with an audit entry', async () => {
    const { repo, options } = await seeded();
    const first = await createBackup(repo, 'prj_demo', 'manual', 'before the site visit', options);
    await repo.updateParty('pty_demo_005', { notes: 'Visited.' });
    const second = await createBackup(repo, 'prj_demo', 'manual', 'after the site visit', options);
    expect((await listBackups(repo, 'prj_demo')).map((b) => b.id)).toEqual([second.id, first.id]);
    expect(first).toMatchObject({ projectName: demo.project.name, reason: 'manual', counts: { parties: 38, links: 60, evidence: 1 } });
    const bytes = (await backupBytes(repo, first.id))!;
    expect(sha256Hex(bytes)).toBe(first.sha256);
    const read = await readBundle(bytes);
    expect(read.errors).toEqual([]);
    expect(read.value!.evidence.get('evd_bk_1')).toEqual(evidenceBytes);
    expect((await repo.auditLog('prj_demo')).filter((e) => e.entity === 'backup').map((e) => e.entityId)).toEqual([first.id, second.id]);
  });

  it('restores a project exactly, and the restore itself can be undone', async () => {
    const { repo, options } = await seeded();
    const before = await repo.loadSnapshot('prj_demo');
    const backup = await createBackup(repo, 'prj_demo', 'manual', '', options);
    await repo.deleteParty('pty_demo_014', { links: 'delete' });
    const edited = await repo.loadSnapshot('prj_demo');
    const result = await restoreBackup(repo, backup.id, options);
    expect(result.status).toBe('different');
    expect(await repo.loadSnapshot('prj_demo')).toEqual(before);
    expect(await repo.getEvidenceBytes('evd_bk_1')).toEqual(evidenceBytes);
    expect(result.undo).toMatchObject({ reason: 'restore', note: expect.stringMatching(/^before restoring the backup of 2026-02-02 01:00 UTC$/) });
    await restoreBackup(repo, result.undo!.id, options);
    expect(await repo.loadSnapshot('prj_demo')).toEqual(edited);
  });

  it('brings back a deleted project with its evidence', async () => {
    const { repo, options } = await seeded();
    const before = await repo.loadSnapshot('prj_demo');
    const backup = await createBackup(repo, 'prj_demo', 'manual', '', options);
    await repo.deleteProject('prj_demo');
    expect(await listBackups(repo, 'prj_demo')).toHaveLength(1);
    const result = await restoreBackup(repo, backup.id, options);
    expect(result).toEqual({ status: 'new', undo: null });
    expect(await repo.loadSnapshot('prj_demo')).toEqual(before);
    expect(await repo.getEvidenceBytes('evd_bk_1')).toEqual(evidenceBytes);
  });

  it('backs up before a workbook merge, and the backup undoes the merge', async () => {
    const { repo, options } = await seeded();
    const before = await repo.loadSnapshot('prj_demo');
    const edited = { ...workbookDemo, parties: workbookDemo.parties.map((p) => (p.id === 'pty_demo_003' ? { ...p, sector: 'Precast terraces and stairs' } : p)) };
    const plan = planImport(readTemplateFiles([{ name: 'stadium-v2.xlsx', bytes: writeTemplate(edited) }]), { target: { mode: 'merge', snapshot: before }, ids: sequentialIds(700), clock: steppingClock() });
    expect(plan.errors).toEqual([]);
    const { backup } = await applyImportWithBackup(repo, plan, 'stadium-v2.xlsx', options);
    expect(backup).toMatchObject({ reason: 'merge', note: 'before merging stadium-v2.xlsx' });
    expect((await repo.getParty('pty_demo_003'))?.sector).toBe('Precast terraces and stairs');
    await restoreBackup(repo, backup!.id, options);
    expect(await repo.loadSnapshot('prj_demo')).toEqual(before);
  });

  it('does not start a merge whose backup cannot be made', async () => {
    const { repo, options } = await seeded();
    // The stored evidence file is damaged: the bundle writer refuses it, so no backup, so no merge.
    await repo.backend.write((tx) => tx.put('blobs', { id: 'evd_bk_1', bytes: new TextEncoder().encode('damaged') }));
    const snapshot = await repo.loadSnapshot('prj_demo');
    const plan = planImport(readTemplateFiles([{ name: 'x.xlsx', bytes: writeTemplate({ ...workbookDemo, project: { ...workbookDemo.project, site: 'East Stand, phase 2' } }) }]), { target: { mode: 'merge', snapshot }, ids: sequentialIds(700), clock: steppingClock() });
    const before = await dumpBackend(repo.backend);
    const error = await applyImportWithBackup(repo, plan, 'x.xlsx', options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/^The backup of the project could not be made, so nothing was changed: .*no longer matches its SHA-256/);
    expect(await dumpBackend(repo.backend)).toEqual(before);
  });

  it('backs up before a bundle replaces a different copy, not before an identical one', async () => {
    const { repo, options } = await seeded();
    const contents = (await readBundle(await exportBundle(repo, 'prj_demo', '2026-02-03T00:00:00.000Z'))).value!;
    expect(await applyBundleWithBackup(repo, contents, 'same.subtier', options)).toEqual({ status: 'identical', backup: null });
    await repo.updateProject('prj_demo', { site: 'changed here' });
    const result = await applyBundleWithBackup(repo, contents, 'colleague.subtier', options);
    expect(result).toMatchObject({ status: 'different', backup: { reason: 'bundle', note: 'before importing colleague.subtier' } });
    const kept = (await readBundle((await backupBytes(repo, result.backup!.id))!)).value!;
    expect(kept.snapshot.project.site).toBe('changed here');
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const { repo, options } = await seeded();
    const backup = await createBackup(repo, 'prj_demo', 'manual', '', options);
    const bytes = (await backupBytes(repo, backup.id))!;
    const damaged = bytes.slice();
    const middle = Math.floor(damaged.length / 2);
    damaged[middle] = damaged[middle]! ^ 0xff;
    await repo.backend.write((tx) => tx.put('blobs', { id: backup.id, bytes: damaged }));
    const before = await dumpBackend(repo.backend);
    await expect(restoreBackup(repo, backup.id, options)).rejects.toThrow(/^This backup cannot be restored: /);
    expect(await dumpBackend(repo.backend)).toEqual(before);
  });

  it('keeps the newest automatic backups and recent ones, all manual ones, and deletes the rest with their bytes', async () => {
    const { repo } = await seeded();
    // One automatic backup a day for 14 days, plus a manual one on day 1.
    let day = Date.parse('2026-03-01T09:00:00.000Z');
    const clock: Clock = () => new Date(day).toISOString();
    const retention = { keepLatest: 3, keepDays: 5 };
    const manual = await createBackup(repo, 'prj_demo', 'manual', 'kept until deleted', { clock, ids: sequentialIds(9000), retention });
    const made: string[] = [];
    for (let i = 0; i < 14; i++) {
      made.push((await createBackup(repo, 'prj_demo', 'merge', `day ${i + 1}`, { clock, ids: sequentialIds(9100 + i), retention })).id);
      day += 86_400_000;
    }
    // Pruning runs as each backup is added; after the one of day 14, those of days 9 to 14 are at most
    // 5 days old (day 9 exactly 5), which is more than the newest 3; the rest went, the manual one stayed.
    const kept = (await listBackups(repo, 'prj_demo')).map((b) => b.note);
    expect(kept).toEqual(['day 14', 'day 13', 'day 12', 'day 11', 'day 10', 'day 9', 'kept until deleted']);
    const stored = await repo.backend.read((tx) => tx.all<{ id: string }>('blobs'));
    expect(stored.filter((b) => b.id.startsWith('bkp_')).map((b) => b.id).sort()).toEqual([manual.id, ...made.slice(8)].sort());
    await deleteBackup(repo, manual.id);
    expect((await listBackups(repo, 'prj_demo')).map((b) => b.note)).not.toContain('kept until deleted');
    expect(await backupBytes(repo, manual.id)).toBeUndefined();
  });
});

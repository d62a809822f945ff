// Worker data never reaches storage in clear while a passphrase is set: every repository operation
// (and every use case over it) is run with the vault unlocked, then the whole database, an exported
// bundle and a backup are searched for each sensitive value of a worker and of sensitive evidence.
// The audit log is part of the database, so an entry holding an opened record fails this test.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MIN_ITERATIONS, VaultSession } from '../../../src/core/crypto';
import { sequentialIds, sha256Hex, steppingClock, verifyAuditChain } from '../../../src/core/model';
import type { Evidence, PartyInput } from '../../../src/core/model';
import { readBundle, planImport, readTemplateFiles, writeTemplate } from '../../../src/core/io';
import { NameIndex, screenProject } from '../../../src/core/screening';
import {
  applyBundle, applyCommand, connectVault, createBackup, backupBytes, exportBundle, protectExisting, restoreBackup, applyImportWithBackup,
} from '../../../src/core/services';
import { Repository } from '../../../src/core/services/repository';
import { createDexieBackend } from '../../../src/store';

const PASS = 'harbour lantern seventeen';

/** Every sensitive value of the worker, each distinctive enough to be searched for as bytes. */
const WORKER: PartyInput = {
  kind: 'person', name: 'Ri Song Chol', aliases: ['리송철', 'Ли Сон Чхоль'], ref: 'W-01', isWorker: true,
  registrationNumber: 'PASSPORT 836410277', address: 'Block 9 dormitory, Al Khor camp', notes: 'Minder keeps the passport; wages go to Pyongyang account',
  country: 'KP', sector: 'construction',
} as PartyInput;
const SECOND: PartyInput = { ...WORKER, name: 'Kang Myong Su', aliases: ['강명수'], ref: 'W-02', registrationNumber: 'PASSPORT 745120398', address: 'Container 14, Lusail site', notes: 'Interviewed after the night shift' } as PartyInput;
const EVIDENCE_TEXT = 'Transcript: the team leader collects the salary cards every payday.';
const EVIDENCE_META = { title: 'Interview with a rebar fixer', description: 'Recorded behind the canteen', fileName: 'interview-rebar-fixer.m4a' };

const SECRETS = [
  WORKER.name, ...WORKER.aliases!, WORKER.registrationNumber!, WORKER.address!, WORKER.notes!,
  SECOND.name, ...SECOND.aliases!, SECOND.registrationNumber!, SECOND.address!, SECOND.notes!,
  EVIDENCE_TEXT, ...Object.values(EVIDENCE_META),
  'Edited note after the second visit', 'Reassigned note',
] as string[];

const contains = (hay: Uint8Array, needle: Uint8Array) => {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
};

/** Which secrets appear in any of the byte arrays (as UTF-8, and as JSON-escaped text). */
function leaks(parts: readonly Uint8Array[]): string[] {
  return SECRETS.filter((secret) => {
    const forms = [strToU8(secret), strToU8(JSON.stringify(secret).slice(1, -1))];
    return parts.some((p) => forms.some((f) => contains(p, f)));
  });
}

/** Every row of every table as text, plus every stored byte array, unpacking stored bundles. */
async function databaseParts(backend: ReturnType<typeof createDexieBackend>): Promise<Uint8Array[]> {
  const parts: Uint8Array[] = [];
  for (const table of backend.db.tables) {
    const rows = await table.toArray();
    parts.push(strToU8(JSON.stringify(rows, (_k, v: unknown) => {
      if (v instanceof Uint8Array) {
        parts.push(v);
        try {
          parts.push(...Object.values(unzipSync(v)));
        } catch { /* not a zip */ }
        return '[bytes]';
      }
      return v;
    })));
  }
  return parts;
}

const zipParts = (bytes: Uint8Array) => [bytes, ...Object.values(unzipSync(bytes))];

function sensitiveEvidence(projectId: string, id: string, bytes: Uint8Array, subject: Evidence['subject']): Evidence {
  return {
    id, projectId, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', subject, ...EVIDENCE_META,
    mediaType: 'audio/mp4', size: bytes.length, sha256: sha256Hex(bytes), capturedAt: '2026-01-02', sensitive: true, sealed: '',
  };
}

describe('worker data stays sealed through every repository operation', () => {
  it('never writes a sensitive value in clear to the database, its audit log, a bundle or a backup', async () => {
    const clock = steppingClock('2026-02-01T00:00:00.000Z');
    const backend = createDexieBackend({ name: `audit-sealed-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange });
    const vault = new VaultSession({ clock, iterations: MIN_ITERATIONS });
    const repo = new Repository(backend, { ids: sequentialIds(), clock, actor: () => 'tester', protector: vault });
    await connectVault(repo, vault);
    await vault.setUp(PASS);
    const backupOptions = { clock, ids: sequentialIds(7000), codec: repo.evidenceCodec! };

    // Projects, parties and links.
    const project = await repo.createProject({ name: 'Lusail housing audit' });
    await repo.updateProject(project.id, { site: 'Lusail' });
    const agency = await repo.createParty(project.id, { kind: 'organization', name: 'Korea Rungrado Trading', country: 'KP' } as PartyInput);
    const crew = await repo.createParty(project.id, { kind: 'workforce', name: 'Rebar crew 3' } as PartyInput);
    const worker = await repo.createParty(project.id, WORKER);
    const second = await repo.createParty(project.id, SECOND);
    await repo.updateParty(worker.id, { notes: 'Edited note after the second visit' });
    await repo.updateParty(worker.id, { sector: 'steel fixing' });
    const employs = await repo.createLink(project.id, { relation: 'employs', from: crew.id, to: worker.id } as never);
    await repo.createLink(project.id, { relation: 'employs', from: crew.id, to: second.id } as never);
    await repo.createLink(project.id, { relation: 'recruits', from: agency.id, to: worker.id } as never);
    await repo.updateLink(employs.id, { notes: 'from 2025' } as never);

    // Sensitive evidence about the worker, its bytes and its record.
    const bytes = strToU8(EVIDENCE_TEXT);
    await repo.addEvidence(sensitiveEvidence(project.id, 'evd_s1', bytes, { type: 'party', id: worker.id }), bytes);
    await repo.addEvidence(sensitiveEvidence(project.id, 'evd_s2', bytes, { type: 'link', id: employs.id }), bytes);
    await repo.deleteEvidence('evd_s2');

    // Records that hang off the worker: a questionnaire, an override, screening hits of the stored project.
    const { saveRecord } = await import('../../../src/core/services/project-records');
    await saveRecord(repo, 'questionnaires', {
      id: 'qst_1', createdAt: clock(), updatedAt: clock(), projectId: project.id, partyId: worker.id, source: 'auditor', answers: [],
    });
    const snapshot = await repo.loadSnapshot(project.id);
    const { readFileSync } = await import('node:fs');
    const { REPO_ROOT } = await import('../../support/shared');
    const { parseSnapshotText } = await import('../../../src/core/screening');
    const lists = parseSnapshotText(readFileSync(`${REPO_ROOT}/assets/reference/sanctions-snapshot.json`, 'utf8')).snapshot!.lists;
    const run = screenProject(snapshot, new NameIndex([...lists]), { clock, ids: sequentialIds(5000) });
    for (const hit of run.upserts) await saveRecord(repo, 'hits', hit);

    // A person entered before the passphrase rule applied to them, then marked as a worker.
    const later = await repo.createParty(project.id, { kind: 'person', name: 'Plain contractor contact' } as PartyInput);
    await repo.updateParty(later.id, { isWorker: true });
    await protectExisting(repo, vault);

    // Chain edits through the command layer: delete the second worker and undo it.
    const deleted = await applyCommand(repo, { op: 'delete-party', partyId: second.id });
    expect(deleted.applied.op).toBe('delete-party');
    if (deleted.applied.op === 'delete-party') await applyCommand(repo, { op: 'restore-party', snapshot: deleted.applied.snapshot });

    // A workbook merge and a bundle round trip, with their backups.
    const merged = writeTemplate(await repo.loadSnapshot(project.id));
    const plan = planImport(readTemplateFiles([{ name: 'merge.xlsx', bytes: merged }]), { target: { mode: 'merge', snapshot: await repo.loadSnapshot(project.id) }, ids: sequentialIds(8000), clock });
    expect(plan.canApply, JSON.stringify(plan.errors.slice(0, 3))).toBe(true);
    await applyImportWithBackup(repo, plan, 'merge.xlsx', backupOptions);
    const bundle = await exportBundle(repo, project.id, clock());
    const backup = await createBackup(repo, project.id, 'manual', 'before the deletions', backupOptions);

    // The operation the review found: deleting workers while unlocked, with links deleted or moved.
    const current = await repo.listParties(project.id);
    const restoredSecond = current.find((p) => p.name === SECOND.name)!;
    await repo.updateParty(restoredSecond.id, { notes: 'Reassigned note' });
    await repo.deleteParty(restoredSecond.id, { links: 'reassign', to: agency.id });
    await repo.deleteParty(worker.id, { links: 'delete' });

    // Restore the backup (which backs up the current state first), import the bundle, delete it all.
    await restoreBackup(repo, backup.id, backupOptions);
    const read = await readBundle(bundle, { codec: repo.evidenceCodec! });
    expect(read.errors).toEqual([]);
    expect(await applyBundle(repo, read.value!)).toBe('identical');
    const finalBundle = await exportBundle(repo, project.id, clock());
    const finalBackup = await createBackup(repo, project.id, 'manual', 'last', backupOptions);
    await repo.deleteProject(project.id);

    // Every operation above left its trace in the audit log, which verifies.
    const entities = new Set((await repo.auditLog()).map((e) => `${e.entity}:${e.action}`));
    for (const op of ['party:create', 'party:update', 'party:delete', 'link:create', 'link:update', 'link:delete', 'evidence:create', 'evidence:delete', 'questionnaires:create', 'backup:create', 'project:delete']) expect(entities, op).toContain(op);
    expect(verifyAuditChain(await repo.auditLog()).ok).toBe(true);
    expect(leaks(await databaseParts(backend)), 'in the database').toEqual([]);
    expect(leaks(zipParts(bundle)), 'in the exported bundle').toEqual([]);
    expect(leaks(zipParts(finalBundle)), 'in the bundle exported after the restore').toEqual([]);
    expect(leaks(zipParts((await backupBytes(repo, finalBackup.id))!)), 'in the backup').toEqual([]);
  });

  it('keeps the deleted worker\'s details recoverable from the audit entry when unlocked, as sealed text', async () => {
    const clock = steppingClock('2026-02-01T00:00:00.000Z');
    const backend = createDexieBackend({ name: `audit-sealed-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange });
    const vault = new VaultSession({ clock, iterations: MIN_ITERATIONS });
    const repo = new Repository(backend, { ids: sequentialIds(), clock, actor: () => 'tester', protector: vault });
    await connectVault(repo, vault);
    await vault.setUp(PASS);
    const project = await repo.createProject({ name: 'P' });
    const worker = await repo.createParty(project.id, WORKER);
    await repo.deleteParty(worker.id, { links: 'delete' });
    const entry = (await repo.auditLog(project.id)).find((e) => e.entity === 'party' && e.action === 'delete')!;
    const before = entry.before as { name: string; sealed: string };
    expect(before.name).toBe('Protected worker W-01');
    expect(before.sealed).toMatch(/^sv\d\./);
    expect((await vault.openParty(before as never)).name).toBe(WORKER.name);
  });
});

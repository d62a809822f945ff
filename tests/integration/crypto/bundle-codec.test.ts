// Sensitive evidence in bundles and backups: encrypted under the vault's key inside the bundle,
// opened again on restore and re-sealed in the database; a bundle cannot be restored while locked.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MIN_ITERATIONS, VaultSession, vaultEvidenceCodec } from '../../../src/core/crypto';
import { connectVault } from '../../../src/core/services';
import { sha256Hex, steppingClock } from '../../../src/core/model';
import type { Evidence } from '../../../src/core/model';
import { backupBytes, createBackup, restoreBackup } from '../../../src/core/services/backups';
import { readBundle } from '../../../src/core/io';
import { exportBundle } from '../../../src/core/services';
import { Repository } from '../../../src/core/services/repository';
import { createDexieBackend } from '../../../src/store';

const PASS = 'lantern harbour seventeen';
const NOTES = new TextEncoder().encode('Interview: the minder keeps every passport in the site office safe.');
const contains = (hay: Uint8Array, needle: Uint8Array) => {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
};

async function setUp() {
  const clock = steppingClock();
  const backend = createDexieBackend({ name: `codec-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange });
  const vault = new VaultSession({ clock, iterations: MIN_ITERATIONS });
  const repo = new Repository(backend, { clock, protector: vault });
  await connectVault(repo, vault);
  await vault.setUp(PASS);
  const project = await repo.createProject({ name: 'Investigation B' });
  await repo.createParty(project.id, { kind: 'person', name: 'Han Kwang Il', ref: 'W-3', isWorker: true });
  const ev: Evidence = {
    id: 'evd_9', projectId: project.id, createdAt: clock(), updatedAt: clock(), subject: { type: 'project', id: project.id },
    title: 'Interview notes', fileName: 'notes.txt', mediaType: 'text/plain', size: NOTES.length, sha256: sha256Hex(NOTES),
    capturedAt: '', description: '', sensitive: true,
  };
  await repo.addEvidence(ev, NOTES);
  return { backend, repo, vault, project, codec: vaultEvidenceCodec(vault), clock };
}

describe('the vault evidence codec', () => {
  it('puts sensitive evidence and workers into a backup only encrypted', async () => {
    const { repo, project, codec, clock } = await setUp();
    const info = await createBackup(repo, project.id, 'manual', 'test', { codec, clock });
    const files = unzipSync((await backupBytes(repo, info.id))!);
    const all = Object.values(files);
    expect(all.some((f) => contains(f, NOTES.subarray(0, 30)))).toBe(false);
    expect(all.some((f) => contains(f, new TextEncoder().encode('Han Kwang Il')))).toBe(false);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']!)) as { files: { evidenceId?: string; encryption?: { scheme: string } }[] };
    expect(manifest.files.find((f) => f.evidenceId === 'evd_9')?.encryption?.scheme).toBe('subtier-vault-aes-256-gcm-v1');
  });

  it('restores a backup with the evidence re-sealed at rest and readable when unlocked', async () => {
    const { backend, repo, project, codec, clock } = await setUp();
    const info = await createBackup(repo, project.id, 'manual', 'test', { codec, clock });
    await repo.deleteEvidence('evd_9');
    await restoreBackup(repo, info.id, { codec, clock });
    const blob = await backend.db.table('blobs').get('evd_9');
    expect(blob.sealed).toBe(true);
    expect(contains(blob.bytes, NOTES.subarray(0, 30))).toBe(false);
    expect(await repo.getEvidenceBytes('evd_9')).toEqual(NOTES);
    expect((await repo.listEvidence(project.id))[0]?.title).toBe('Interview notes');
  });

  it('encrypts by default: an export and a backup made without naming a codec use the vault\'s', async () => {
    const { repo, project, clock } = await setUp();
    const bytes = await exportBundle(repo, project.id, clock());
    const files = unzipSync(bytes);
    expect(Object.values(files).some((f) => contains(f, NOTES.subarray(0, 30)))).toBe(false);
    const read = await readBundle(bytes, { codec: repo.evidenceCodec! });
    expect(read.value?.evidence.get('evd_9')).toEqual(NOTES);
    const info = await createBackup(repo, project.id, 'manual', 'no codec named', { clock });
    const backup = unzipSync((await backupBytes(repo, info.id))!);
    expect(Object.values(backup).some((f) => contains(f, NOTES.subarray(0, 30)))).toBe(false);
    await repo.deleteEvidence('evd_9');
    await restoreBackup(repo, info.id, { clock });
    expect(await repo.getEvidenceBytes('evd_9')).toEqual(NOTES);
  });

  it('refuses to export sensitive evidence while locked, and cannot open it without the key', async () => {
    const { repo, vault, project, codec, clock } = await setUp();
    const info = await createBackup(repo, project.id, 'manual', 'test', { codec, clock });
    vault.lock();
    await expect(createBackup(repo, project.id, 'manual', 'locked', { codec, clock })).rejects.toThrow(/locked/i);
    await expect(restoreBackup(repo, info.id, { codec, clock })).rejects.toThrow();
    await vault.unlock(PASS);
    expect(await repo.getEvidenceBytes('evd_9')).toEqual(NOTES);
  });
});

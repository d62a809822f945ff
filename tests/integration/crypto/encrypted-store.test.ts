// Encryption at rest through the real store (Dexie on fake-indexeddb): workers' details and sensitive
// evidence never reach the database in clear — not in their tables, not in the audit log — while an
// unlocked app reads them back normally, and a locked one refuses to read or write them.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LockedError, MIN_ITERATIONS, VaultSession } from '../../../src/core/crypto';
import { countUnprotected, protectExisting, repositoryVaultStore } from '../../../src/core/services';
import { sequentialIds, sha256Hex, steppingClock, verifyAuditChain } from '../../../src/core/model';
import type { Evidence } from '../../../src/core/model';
import { Repository } from '../../../src/core/services/repository';
import { createDexieBackend } from '../../../src/store';

const PASS = 'the quick brown fox jumps';
const WORKER = { kind: 'person' as const, name: '김철수', aliases: ['Kim Chol Su', 'Ким Чер Су'], address: 'Dormitory 4, Lusail', notes: 'Says wages go to the team leader', isWorker: true };
const SECRET_STRINGS = ['김철수', 'Kim Chol Su', 'Ким Чер Су', 'Dormitory 4', 'wages go to the team leader', 'interview-kim.txt', 'Interview with a welder'];
const NOTES = new TextEncoder().encode('Interview transcript: passports were taken by the minder on arrival.');

async function setUp(options: { vault?: boolean } = {}) {
  const backend = createDexieBackend({ name: `enc-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange });
  const clock = steppingClock();
  const vault = new VaultSession({ clock, iterations: MIN_ITERATIONS });
  const repo = new Repository(backend, { ids: sequentialIds(), clock, actor: () => 'tester', protector: vault });
  await vault.connect(repositoryVaultStore(repo));
  if (options.vault !== false) await vault.setUp(PASS);
  const project = await repo.createProject({ name: 'Investigation A' });
  return { backend, repo, vault, project };
}

function evidence(projectId: string, id = 'evd_1'): Evidence {
  return {
    id, projectId, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    subject: { type: 'project', id: projectId }, title: 'Interview with a welder', fileName: 'interview-kim.txt',
    mediaType: 'text/plain', size: NOTES.length, sha256: sha256Hex(NOTES), capturedAt: '', description: 'Recorded in Lusail', sensitive: true,
  };
}

/** Everything in the database, as text, plus every stored byte array. */
async function dump(backend: ReturnType<typeof createDexieBackend>): Promise<{ text: string; blobs: Uint8Array[] }> {
  const blobs: Uint8Array[] = [];
  const tables: Record<string, unknown[]> = {};
  for (const table of backend.db.tables) tables[table.name] = await table.toArray();
  const text = JSON.stringify(tables, (_k, v) => {
    if (v instanceof Uint8Array) {
      blobs.push(v);
      return '[bytes]';
    }
    return v;
  });
  return { text, blobs };
}

const contains = (haystack: Uint8Array, needle: Uint8Array) => {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
};

describe('encryption at rest in the store', () => {
  it('keeps a worker\'s details and sensitive evidence out of every table and the audit log', async () => {
    const { backend, repo, project } = await setUp();
    const worker = await repo.createParty(project.id, WORKER);
    await repo.updateParty(worker.id, { notes: 'Says wages go to the team leader; contract never seen' });
    await repo.addEvidence(evidence(project.id), NOTES);
    const { text, blobs } = await dump(backend);
    for (const secret of SECRET_STRINGS) expect(text, secret).not.toContain(secret);
    expect(blobs.some((b) => contains(b, NOTES.subarray(0, 24)))).toBe(false);
    expect(text).toContain('Protected worker');
    expect(verifyAuditChain(await repo.auditLog()).ok).toBe(true);
  });

  it('reads everything back in clear while unlocked', async () => {
    const { repo, project } = await setUp();
    const worker = await repo.createParty(project.id, WORKER);
    await repo.addEvidence(evidence(project.id), NOTES);
    expect(await repo.getParty(worker.id)).toMatchObject({ name: '김철수', aliases: WORKER.aliases, address: WORKER.address, notes: WORKER.notes });
    expect((await repo.listParties(project.id)).map((p) => p.name)).toEqual(['김철수']);
    expect(await repo.listEvidence(project.id)).toMatchObject([{ title: 'Interview with a welder', fileName: 'interview-kim.txt', mediaType: 'text/plain' }]);
    expect(await repo.getEvidenceBytes('evd_1')).toEqual(NOTES);
  });

  it('shows only pseudonyms while locked, and refuses to read or write sensitive data', async () => {
    const { repo, vault, project } = await setUp();
    const worker = await repo.createParty(project.id, { ...WORKER, ref: 'W-07' });
    await repo.addEvidence(evidence(project.id), NOTES);
    vault.lock();
    expect((await repo.getParty(worker.id))?.name).toBe('Protected worker W-07');
    expect((await repo.getParty(worker.id))?.aliases).toEqual([]);
    expect((await repo.listEvidence(project.id))[0]).toMatchObject({ title: '', fileName: 'protected-evidence', sha256: sha256Hex(NOTES) });
    await expect(repo.getEvidenceBytes('evd_1')).rejects.toBeInstanceOf(LockedError);
    await expect(repo.updateParty(worker.id, { notes: 'overwritten' })).rejects.toBeInstanceOf(LockedError);
    // Un-marking the worker while locked would drop the sealed details: refused too.
    await expect(repo.updateParty(worker.id, { isWorker: false })).rejects.toBeInstanceOf(LockedError);
    await expect(repo.createParty(project.id, { ...WORKER, name: 'Another worker' })).rejects.toBeInstanceOf(LockedError);
    await expect(repo.addEvidence(evidence(project.id, 'evd_2'), NOTES)).rejects.toBeInstanceOf(LockedError);
    // Ordinary records are untouched by the lock.
    await repo.createParty(project.id, { kind: 'organization', name: 'Gulf Build LLC' });
    expect(await vault.unlock(PASS)).toEqual({ ok: true });
    expect((await repo.getParty(worker.id))?.notes).toBe(WORKER.notes);
  });

  it('answers a wrong passphrase clearly and destroys nothing', async () => {
    const { repo, vault, project } = await setUp();
    const worker = await repo.createParty(project.id, WORKER);
    vault.lock();
    expect(await vault.unlock('the quick brown fox jumped')).toEqual({ ok: false, message: 'That passphrase is not the right one. Nothing was changed; try again.' });
    expect(vault.state).toBe('locked');
    expect(await vault.unlock(PASS)).toEqual({ ok: true });
    expect((await repo.getParty(worker.id))?.name).toBe('김철수');
  });

  it('survives a restart: a new session over the same database starts locked and opens with the passphrase', async () => {
    const { backend, repo, project } = await setUp();
    const worker = await repo.createParty(project.id, WORKER);
    const clock = steppingClock('2026-03-01T00:00:00.000Z');
    const vault2 = new VaultSession({ clock, iterations: MIN_ITERATIONS });
    const repo2 = new Repository(backend, { clock, protector: vault2 });
    expect(await vault2.connect(repositoryVaultStore(repo2))).toBe('locked');
    expect((await repo2.getParty(worker.id))?.name).toMatch(/^Protected worker/);
    await vault2.unlock(PASS);
    expect((await repo2.getParty(worker.id))?.name).toBe('김철수');
  });

  it('audits the vault\'s creation and passphrase changes without key material', async () => {
    const { repo, vault } = await setUp();
    expect((await vault.changePassphrase(PASS, 'a different long phrase')).ok).toBe(true);
    const entries = (await repo.auditLog()).filter((e) => e.entity === 'vault');
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    const text = JSON.stringify(entries);
    expect(text).not.toContain('wrappedKey');
    expect(text).not.toContain('salt');
    expect(entries[0]!.after).toMatchObject({ kdf: 'PBKDF2-SHA-256', iterations: MIN_ITERATIONS });
  });

  it('without a passphrase stores sensitive data in clear, counts it, and seals it once a vault is set up', async () => {
    const { backend, repo, vault, project } = await setUp({ vault: false });
    expect(vault.state).toBe('none');
    const worker = await repo.createParty(project.id, WORKER);
    await repo.addEvidence(evidence(project.id), NOTES);
    expect(await countUnprotected(repo)).toEqual({ workers: 1, evidence: 1 });
    await vault.setUp(PASS);
    expect(await protectExisting(repo, vault)).toEqual({ workers: 1, evidence: 1 });
    expect(await countUnprotected(repo)).toEqual({ workers: 0, evidence: 0 });
    const tables = await dump(backend);
    const live = JSON.stringify({ parties: await backend.db.table('parties').toArray(), evidence: await backend.db.table('evidence').toArray() });
    for (const secret of SECRET_STRINGS) expect(live, secret).not.toContain(secret);
    expect(tables.blobs.some((b) => contains(b, NOTES.subarray(0, 24)))).toBe(false);
    expect((await repo.getParty(worker.id))?.name).toBe('김철수');
    expect(await repo.getEvidenceBytes('evd_1')).toEqual(NOTES);
  });

  it('keeps snapshots sealed (what bundles and reports are built from) and seals imported snapshots', async () => {
    const { repo, vault, project } = await setUp();
    await repo.createParty(project.id, WORKER);
    await repo.addEvidence(evidence(project.id), NOTES);
    const snapshot = await repo.loadSnapshot(project.id);
    for (const secret of SECRET_STRINGS) expect(JSON.stringify(snapshot), secret).not.toContain(secret);
    const blob = await repo.getEvidenceBlob('evd_1');
    expect(blob?.sealed).toBe(true);
    // A snapshot arriving in clear (an import) is sealed on the way in.
    const plain = { ...snapshot, parties: snapshot.parties.map((p) => ({ ...p, name: 'Pak Yong Ho', sealed: '' })) };
    await repo.saveSnapshot(plain);
    expect(JSON.stringify(await repo.loadSnapshot(project.id))).not.toContain('Pak Yong Ho');
    expect((await repo.listParties(project.id))[0]?.name).toBe('Pak Yong Ho');
    vault.lock();
    await expect(repo.saveSnapshot(plain)).rejects.toBeInstanceOf(LockedError);
  });

  it('shows records sealed under another computer\'s vault by pseudonym instead of failing', async () => {
    const mine = await setUp();
    const theirs = await setUp();
    await theirs.repo.createParty(theirs.project.id, { ...WORKER, ref: 'W-44' });
    const snapshot = await theirs.repo.loadSnapshot(theirs.project.id);
    await mine.repo.saveSnapshot(snapshot);
    const parties = await mine.repo.listParties(snapshot.project.id);
    expect(parties.map((p) => p.name)).toEqual(['Protected worker W-44']);
    await expect(mine.repo.updateParty(parties[0]!.id, { notes: 'x' })).rejects.toThrow("These details were encrypted with another computer's passphrase and cannot be opened here, so Subtier cannot edit this worker's details.");
  });

  it('refuses a party edited meanwhile instead of losing the other edit', async () => {
    const { repo, project } = await setUp();
    const party = await repo.createParty(project.id, { kind: 'organization', name: 'Gulf Build LLC' });
    const edits = await Promise.allSettled([repo.updateParty(party.id, { sector: 'steel' }), repo.updateParty(party.id, { address: 'Doha' })]);
    const saved = await repo.getParty(party.id);
    const fulfilled = edits.filter((e) => e.status === 'fulfilled').length;
    // Either both applied one after the other, or the second was refused; never a silent loss.
    if (fulfilled === 2) expect(saved).toMatchObject({ sector: 'steel', address: 'Doha' });
    else expect(edits.some((e) => e.status === 'rejected' && /changed by another edit/.test(String(e.reason)))).toBe(true);
  });
});

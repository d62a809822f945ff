// Contract tests: the repository behaves the same over the in-memory twin and over Dexie (fake-indexeddb).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { Repository, ValidationError } from '../../../src/core/services/repository';
import { sequentialIds, steppingClock, verifyAuditChain } from '../../../src/core/model';
import { createDexieBackend, createMemoryBackend } from '../../../src/store';
import type { StorageBackend } from '../../../src/core/services/ports';

const backends: Record<string, () => StorageBackend> = {
  memory: () => createMemoryBackend(),
  dexie: () => createDexieBackend({ name: `t-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange }),
};

describe.each(Object.entries(backends))('Repository over %s', (_name, make) => {
  const repo = () => new Repository(make(), { ids: sequentialIds(), clock: steppingClock(), actor: () => 'tester' });

  it('creates, renames and deletes a project with an audit entry for each change', async () => {
    const r = repo();
    const p = await r.createProject({ name: 'Stadium East Stand', hostCountry: 'QA' });
    await r.updateProject(p.id, { name: 'Stadium East Stand (phase 2)' });
    expect((await r.getProject(p.id))?.name).toBe('Stadium East Stand (phase 2)');
    await r.deleteProject(p.id);
    expect(await r.listProjects()).toEqual([]);
    const log = await r.auditLog(p.id);
    expect(log.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(log[1]?.before).toMatchObject({ name: 'Stadium East Stand' });
    expect(log[1]?.after).toMatchObject({ name: 'Stadium East Stand (phase 2)' });
    expect(verifyAuditChain(log).ok).toBe(true);
  });

  it('rejects invalid input with field messages and stores nothing', async () => {
    const r = repo();
    const p = await r.createProject({ name: 'P' });
    await expect(r.createParty(p.id, { kind: 'organization', name: '  ' })).rejects.toBeInstanceOf(ValidationError);
    await expect(r.createParty(p.id, { kind: 'organization', name: 'X', country: 'Korea' })).rejects.toThrow(/country/);
    expect(await r.listParties(p.id)).toEqual([]);
  });

  it('keeps names in Hangul, Cyrillic and Arabic intact', async () => {
    const r = repo();
    const p = await r.createProject({ name: 'P' });
    const names = ['조선릉라도무역총회사', 'ООО «Восток Строй»', 'شركة الخليج للمقاولات'];
    for (const name of names) await r.createParty(p.id, { kind: 'organization', name });
    expect((await r.listParties(p.id)).map((x) => x.name).sort()).toEqual([...names].sort());
  });

  it('refuses links to parties outside the project and self-links', async () => {
    const r = repo();
    const p = await r.createProject({ name: 'P' });
    const q = await r.createProject({ name: 'Q' });
    const a = await r.createParty(p.id, { kind: 'organization', name: 'A' });
    const b = await r.createParty(q.id, { kind: 'organization', name: 'B' });
    await expect(r.createLink(p.id, { relation: 'subcontracts', from: a.id, to: b.id })).rejects.toThrow(/to must be a party of this project/);
    await expect(r.createLink(p.id, { relation: 'subcontracts', from: a.id, to: a.id })).rejects.toThrow(/itself/);
  });

  it('deletes a party with its links, or reassigns them, never leaving one dangling', async () => {
    const r = repo();
    const p = await r.createProject({ name: 'P' });
    const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((name) => r.createParty(p.id, { kind: 'organization', name })));
    await r.createLink(p.id, { relation: 'subcontracts', from: a!.id, to: b!.id });
    await r.createLink(p.id, { relation: 'subcontracts', from: b!.id, to: c!.id });
    await r.deleteParty(b!.id, { links: 'reassign', to: a!.id });
    const links = await r.listLinks(p.id);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ from: a!.id, to: c!.id });
    await r.deleteParty(c!.id, { links: 'delete' });
    expect(await r.listLinks(p.id)).toEqual([]);
  });

  it('keeps evidence about a deleted link or party in the project', async () => {
    const r = repo();
    const p = await r.createProject({ name: 'P' });
    const a = await r.createParty(p.id, { kind: 'organization', name: 'A' });
    const b = await r.createParty(p.id, { kind: 'organization', name: 'B' });
    const l = await r.createLink(p.id, { relation: 'pays', from: a.id, to: b.id });
    const T = '2026-01-01T00:00:00.000Z';
    const ev = (id: string, subject: { type: 'link' | 'party'; id: string }) => ({
      id, projectId: p.id, subject, title: '', fileName: `${id}.txt`, mediaType: 'text/plain', size: 1,
      sha256: '0'.repeat(64), capturedAt: '', description: '', sensitive: false, createdAt: T, updatedAt: T,
    });
    await r.addEvidence(ev('evd_1', { type: 'link', id: l.id }), new Uint8Array([1]));
    await r.addEvidence(ev('evd_2', { type: 'party', id: b.id }), new Uint8Array([2]));
    await r.deleteLink(l.id);
    await r.deleteParty(b.id, { links: 'delete' });
    const subjects = (await r.listEvidence(p.id)).map((e) => e.subject);
    expect(subjects).toEqual([{ type: 'project', id: p.id }, { type: 'project', id: p.id }]);
    expect(await r.getEvidenceBytes('evd_1')).toEqual(new Uint8Array([1]));
  });

  it('rolls back every write of a transaction that fails half-way', async () => {
    const r = repo();
    const p = await r.createProject({ name: 'P' });
    await expect(r.backend.write(async (tx) => {
      await tx.put('parties', { id: 'pty_x', projectId: p.id, name: 'ghost' });
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await r.listParties(p.id)).toEqual([]);
    expect(await r.auditLog()).toHaveLength(1);
  });

  it('round-trips a snapshot atomically', async () => {
    const r = repo();
    const p = await r.createProject({ name: 'P' });
    const a = await r.createParty(p.id, { kind: 'workforce', name: 'Crew 1', workforce: { nationality: 'KP', headcount: 40 } as never });
    const b = await r.createParty(p.id, { kind: 'organization', name: 'Agency' });
    await r.createLink(p.id, { relation: 'employs', from: b.id, to: a.id });
    const snap = await r.loadSnapshot(p.id);
    expect(snap.parties.find((x) => x.id === a.id)?.workforce?.nationality).toBe('KP');
    const other = repo();
    await other.saveSnapshot(snap);
    expect(await other.loadSnapshot(p.id)).toEqual(snap);
  });
});

// Schema version 1 → latest, on the demo project as version 1 stored it: every record must come
// through, parties must gain the fields version 2 added (the reference code falls back to the id),
// nothing else may change, and the repository must work on the result as on a new database.
import { describe, expect, it } from 'vitest';
import { parseProjectSnapshot, partySchema, sequentialIds, steppingClock, verifyAuditChain } from '../../../src/core/model';
import type { AuditEntry } from '../../../src/core/model';
import { Repository } from '../../../src/core/services/repository';
import { LATEST_SCHEMA_VERSION, createDexieBackend } from '../../../src/store';
import { readBundle } from '../../../src/core/io';
import { backupBytes, listBackups, restoreBackup } from '../../../src/core/services/backups';
import { buildDatabaseAt, dumpDatabase, freshFactory, openLatest } from './upgrade-support';
import { V1_PARTIES_WITH_REF, truth, v1Rows } from './v1-rows';

async function upgradedFromV1() {
  const options = freshFactory();
  const before = v1Rows();
  await buildDatabaseAt(options, 1, before);
  const db = await openLatest(options);
  const after = await dumpDatabase(db);
  return { options, before, after, db };
}

describe('upgrade from schema version 1', () => {
  it('opens at the latest version with every table of it', async () => {
    const { db, after } = await upgradedFromV1();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(Object.keys(after).sort()).toEqual(expect.arrayContaining(['attestations', 'backups', 'hits', 'lists', 'overrides', 'questionnaires']));
    for (const table of ['questionnaires', 'overrides', 'hits', 'lists', 'attestations']) expect(after[table], table).toEqual([]);
    expect(after.backups!.map((b) => [b.projectId, b.reason, b.note, b.error])).toEqual(expect.arrayContaining([
      ['prj_demo', 'upgrade', `before upgrading the database from version 1 to ${LATEST_SCHEMA_VERSION}`, undefined],
      ['prj_v1_depot', 'upgrade', `before upgrading the database from version 1 to ${LATEST_SCHEMA_VERSION}`, undefined],
    ]));
    db.close();
  });

  it('gives every party the fields version 2 added, keeping reference codes that existed', async () => {
    const { db, after } = await upgradedFromV1();
    expect(after.parties).toHaveLength(truth.parties.length);
    const byId = new Map(after.parties!.map((p) => [p.id as string, p]));
    for (const original of truth.parties) {
      const expected = {
        ...original,
        // Version 1 had no reference codes for most parties: the id stands in, so workbooks can refer to them.
        ref: V1_PARTIES_WITH_REF.has(original.id) ? original.ref : original.id,
        // Version 1 had no client or worker flags: nobody is marked until the user says so.
        isClient: false,
        isWorker: false,
      };
      const row = byId.get(original.id);
      expect(row, original.id).toEqual(expected);
      // Today's model may add defaulted fields; the upgraded row must satisfy it and lose nothing in parsing.
      expect(partySchema.parse(row), `${original.id} satisfies today's model`).toMatchObject(row!);
    }
    expect(byId.get('pty_demo_002')?.ref).toBe('GC-001');
    expect(byId.get('pty_demo_026')?.workforce).toMatchObject({ nationality: 'NP', headcount: 86 });
    db.close();
  });

  it('leaves projects, links, evidence, evidence bytes, the audit log and settings exactly as they were', async () => {
    const { db, before, after } = await upgradedFromV1();
    for (const table of ['projects', 'links', 'evidence', 'audit', 'settings']) {
      const key = table === 'audit' ? 'seq' : table === 'settings' ? 'key' : 'id';
      const sort = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : 1));
      expect(sort(after[table]!), table).toEqual(sort(before[table]!));
    }
    // The two evidence files, and the bundles of the two pre-upgrade backups.
    expect(after.blobs).toHaveLength(4);
    for (const blob of before.blobs!) {
      const stored = after.blobs!.find((b) => b.id === blob.id);
      expect(new Uint8Array(stored!.bytes as Uint8Array)).toEqual(blob.bytes);
    }
    expect(verifyAuditChain(after.audit as unknown as AuditEntry[])).toEqual({ ok: true, checked: before.audit!.length });
    db.close();
  });

  it('finds upgraded parties by the reference-code index', async () => {
    const { db } = await upgradedFromV1();
    expect((await db.table('parties').where('[projectId+ref]').equals(['prj_demo', 'GC-001']).first())?.id).toBe('pty_demo_002');
    expect((await db.table('parties').where('[projectId+ref]').equals(['prj_v1_depot', 'pty_v1_d2']).first())?.name).toBe('Steel fixing crew');
    db.close();
  });

  it('serves the upgraded data through the repository: valid snapshots, a verifiable log, new writes', async () => {
    const { options, db } = await upgradedFromV1();
    db.close();
    const repo = new Repository(createDexieBackend(options), { ids: sequentialIds(), clock: steppingClock('2026-03-01T00:00:00.000Z'), actor: () => 'tester' });
    for (const project of truth.projects) {
      const snapshot = await repo.loadSnapshot(project.id);
      const parsed = parseProjectSnapshot(snapshot);
      expect(parsed.ok ? [] : parsed.problems, project.id).toEqual([]);
      expect(snapshot.parties.length + snapshot.links.length).toBe(truth.parties.filter((p) => p.projectId === project.id).length + truth.links.filter((l) => l.projectId === project.id).length);
    }
    expect((await repo.loadSnapshot('prj_demo')).evidence.map((e) => e.id)).toEqual(['evd_v1_001', 'evd_v1_002']);
    expect(await repo.getEvidenceBytes('evd_v1_002')).toBeInstanceOf(Uint8Array);

    await expect(repo.createParty('prj_demo', { kind: 'organization', name: 'Clash', ref: 'GC-001' })).rejects.toThrow(/already used by Halvorsen/);
    const added = await repo.createParty('prj_demo', { kind: 'organization', name: 'Doha Scaffolding W.L.L.', ref: 'SUB-010' });
    await repo.updateParty('pty_demo_001', { isClient: true });
    const log = await repo.auditLog();
    expect(verifyAuditChain(log).ok).toBe(true);
    expect(log.slice(-2).map((e) => [e.entityId, e.action])).toEqual([[added.id, 'create'], ['pty_demo_001', 'update']]);
    repo.backend.close();
  });

  it('keeps a verified bundle of each project as version 1 stored it, which restores', async () => {
    const { options, db } = await upgradedFromV1();
    db.close();
    const repo = new Repository(createDexieBackend(options), { ids: sequentialIds(), clock: steppingClock('2026-03-01T00:00:00.000Z'), actor: () => 'tester' });
    const [backup] = await listBackups(repo, 'prj_demo');
    expect(backup).toMatchObject({ reason: 'upgrade', counts: { parties: truth.parties.length - 2, links: truth.links.length - 1, evidence: 2 } });
    const read = await readBundle((await backupBytes(repo, backup!.id))!);
    expect(read.errors).toEqual([]);
    expect(read.value!.snapshot.parties.find((p) => p.id === 'pty_demo_003')).toMatchObject({ name: 'Gulf Precast Structures W.L.L.', ref: 'pty_demo_003' });
    expect(read.value!.evidence.get('evd_v1_002')).toEqual(v1Rows().blobs![1]!.bytes);
    expect(read.value!.audit.filter((e) => e.projectId === 'prj_demo').length).toBeGreaterThan(90);

    // The upgraded project is damaged by a later mistake; the pre-upgrade backup brings it back.
    await repo.deleteParty('pty_demo_003', { links: 'delete' });
    const restored = await restoreBackup(repo, backup!.id, { clock: steppingClock('2026-03-02T00:00:00.000Z'), ids: sequentialIds(900) });
    expect(restored.status).toBe('different');
    expect((await repo.getParty('pty_demo_003'))?.name).toBe('Gulf Precast Structures W.L.L.');
    expect(await repo.listLinks('prj_demo')).toHaveLength(truth.links.filter((l) => l.projectId === 'prj_demo').length);
    repo.backend.close();
  });

  it('opens an upgraded database again without running the upgrade twice', async () => {
    const { options, db, after } = await upgradedFromV1();
    db.close();
    const again = await openLatest(options);
    expect(await dumpDatabase(again)).toEqual(after);
    again.close();
  });
});

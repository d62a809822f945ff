// A bundle's audit log is the project's own hash chain, verified whole on import and ending where
// the manifest says it ends: entries removed from the end or the middle (with or without hashes
// recomputed), reordered or edited are refused. Importing continues the chain; a backup restore keeps
// the local head; a bundle from a copy edited elsewhere replaces the head and says so.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../../src/core/io';
import { sealAuditEntry, sequentialIds, sha256Hex, steppingClock } from '../../../src/core/model';
import type { AuditEntry, PartyInput } from '../../../src/core/model';
import { applyBundle, exportBundle, previewBundle, projectAuditHistory } from '../../../src/core/services';
import { createBackup, restoreBackup } from '../../../src/core/services/backups';
import { Repository } from '../../../src/core/services/repository';
import { createMemoryBackend } from '../../../src/store';

const org = (name: string) => ({ kind: 'organization', name }) as PartyInput;

async function projectWithHistory(actor = 'mina') {
  const repo = new Repository(createMemoryBackend(), { ids: sequentialIds(), clock: steppingClock(), actor: () => actor });
  const project = await repo.createProject({ name: 'Stadium East Stand' });
  const a = await repo.createParty(project.id, org('Gulf Build LLC'));
  await repo.createParty(project.id, org('Rebar Works'));
  await repo.updateParty(a.id, { sector: 'steel' });
  await repo.updateParty(a.id, { notes: 'Visited in March' });
  return { repo, projectId: project.id };
}

type Edit = (entries: AuditEntry[]) => AuditEntry[];

/** Rewrites audit.json of a bundle and re-hashes it in the manifest (optionally its recorded head too). */
function tamper(bundle: Uint8Array, edit: Edit, options: { fixHead?: boolean } = {}): Uint8Array {
  const parts = unzipSync(bundle);
  const entries = edit((JSON.parse(strFromU8(parts['audit.json']!)) as { entries: AuditEntry[] }).entries);
  parts['audit.json'] = strToU8(JSON.stringify({ entries }));
  const manifest = JSON.parse(strFromU8(parts['manifest.json']!)) as { files: { path: string; size: number; sha256: string }[]; auditHead?: unknown };
  const file = manifest.files.find((f) => f.path === 'audit.json')!;
  file.size = parts['audit.json']!.length;
  file.sha256 = sha256Hex(parts['audit.json']!);
  if (options.fixHead) manifest.auditHead = { count: entries.length, hash: entries.at(-1)?.hash ?? '' };
  parts['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(parts);
}

/** Re-seals every entry after a removal, as an attacker recomputing the hashes would. */
function rechain(entries: AuditEntry[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const e of entries) {
    const { hash: _h, seq: _s, prevHash: _p, projectSeq: _ps, projectPrevHash: _pp, ...rest } = e;
    const head = out.length ? { count: out.length, hash: out.at(-1)!.hash } : { count: 0, hash: '' };
    out.push(sealAuditEntry(rest, out.at(-1), head));
  }
  return out;
}

const refusal = async (bytes: Uint8Array) => {
  const read = await readBundle(bytes);
  expect(read.value, 'the bundle should be refused').toBeNull();
  return read.errors.map((e) => e.message).join(' ');
};

describe('the audit chain of a bundle', () => {
  it('refuses entries removed from the middle, even with the manifest re-hashed', async () => {
    const { repo, projectId } = await projectWithHistory();
    const bundle = await exportBundle(repo, projectId, '2026-03-01T00:00:00.000Z');
    expect((await readBundle(bundle)).errors).toEqual([]);
    expect(await refusal(tamper(bundle, (e) => e.filter((_x, i) => i !== 2)))).toMatch(/audit log does not verify: entry 3/);
  });

  it('refuses entries removed from the middle with every hash recomputed, when the recorded head no longer matches', async () => {
    const { repo, projectId } = await projectWithHistory();
    const bundle = await exportBundle(repo, projectId, '2026-03-01T00:00:00.000Z');
    expect(await refusal(tamper(bundle, (e) => rechain(e.filter((_x, i) => i !== 2))))).toMatch(/ends at entry 4 .* manifest records 5 entries/);
  });

  it('refuses entries removed from the end', async () => {
    const { repo, projectId } = await projectWithHistory();
    const bundle = await exportBundle(repo, projectId, '2026-03-01T00:00:00.000Z');
    expect(await refusal(tamper(bundle, (e) => e.slice(0, -2)))).toMatch(/ends at entry 3 .* manifest records 5 entries/);
  });

  it('refuses reordered and edited entries, and entries of another project', async () => {
    const { repo, projectId } = await projectWithHistory();
    const bundle = await exportBundle(repo, projectId, '2026-03-01T00:00:00.000Z');
    expect(await refusal(tamper(bundle, (e) => [e[0]!, e[2]!, e[1]!, ...e.slice(3)]))).toMatch(/entry 2/);
    expect(await refusal(tamper(bundle, (e) => e.map((x, i) => (i === 1 ? { ...x, actor: 'mallory' } : x))))).toMatch(/entry 2 its content was changed/);
    expect(await refusal(tamper(bundle, (e) => e.map((x, i) => (i === 4 ? { ...x, projectId: 'prj_other' } : x))))).toMatch(/entry 5 belongs to another project/);
  });

  it('a cut and re-chained log with a forged head is told apart from the local history on re-import', async () => {
    const { repo, projectId } = await projectWithHistory();
    const bundle = await exportBundle(repo, projectId, '2026-03-01T00:00:00.000Z');
    const forged = tamper(bundle, (e) => rechain(e.filter((_x, i) => i !== 2)), { fixHead: true });
    const read = await readBundle(forged);
    // Without a signature the bytes alone cannot tell a forged head from a real one ...
    expect(read.errors).toEqual([]);
    // ... but this computer knows where its own chain ends, and the preview says the bundle left it.
    expect((await previewBundle(repo, read.value!)).history).toBe('diverged');
    expect((await previewBundle(repo, (await readBundle(bundle)).value!)).history).toBe('same');
  });
});

describe('the project chain across computers', () => {
  it('continues from the bundle\'s head after an import, so the colleague\'s export verifies whole', async () => {
    const { repo, projectId } = await projectWithHistory();
    const colleague = new Repository(createMemoryBackend(), { ids: sequentialIds(500), clock: steppingClock('2026-04-01T00:00:00.000Z'), actor: () => 'daniel' });
    expect(await applyBundle(colleague, (await readBundle(await exportBundle(repo, projectId, '2026-03-01T00:00:00.000Z'))).value!)).toBe('new');
    await colleague.createParty(projectId, org('Crane Hire Co'));
    const back = await readBundle(await exportBundle(colleague, projectId, '2026-04-02T00:00:00.000Z'));
    expect(back.errors).toEqual([]);
    expect(back.value!.audit.map((e) => e.actor)).toEqual(['mina', 'mina', 'mina', 'mina', 'mina', 'daniel', 'daniel']);
    expect(back.value!.auditHead).toEqual(await colleague.auditHead(projectId));
    // Back on the first computer the bundle extends the local chain.
    expect((await previewBundle(repo, back.value!)).history).toBe('extends');
    expect(await applyBundle(repo, back.value!)).toBe('different');
    expect((await projectAuditHistory(repo, projectId)).map((e) => e.projectSeq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('a restored backup keeps the chain going forward; a copy edited elsewhere replaces it and the import says what it replaced', async () => {
    const { repo, projectId } = await projectWithHistory();
    const options = { clock: steppingClock('2026-05-01T00:00:00.000Z'), ids: sequentialIds(900) };
    const backup = await createBackup(repo, projectId, 'manual', 'before', options);
    const headAtBackup = await repo.auditHead(projectId);
    await repo.createParty(projectId, org('Late Addition'));
    await restoreBackup(repo, backup.id, options);
    const after = await repo.auditHead(projectId);
    expect(after.count).toBeGreaterThan(headAtBackup.count + 1);
    expect((await projectAuditHistory(repo, projectId)).length).toBe(after.count);

    const elsewhere = new Repository(createMemoryBackend(), { ids: sequentialIds(700), clock: steppingClock('2026-06-01T00:00:00.000Z'), actor: () => 'aziz' });
    await applyBundle(elsewhere, (await readBundle(await exportBundle(repo, projectId, '2026-05-02T00:00:00.000Z'))).value!);
    await repo.createParty(projectId, org('Only here'));
    await elsewhere.createParty(projectId, org('Only there'));
    const theirs = (await readBundle(await exportBundle(elsewhere, projectId, '2026-06-02T00:00:00.000Z'))).value!;
    const mine = await repo.auditHead(projectId);
    expect((await previewBundle(repo, theirs)).history).toBe('diverged');
    await applyBundle(repo, theirs);
    const entry = (await repo.auditLog(projectId)).at(-1)!;
    expect(entry.after).toMatchObject({ replacedAuditHead: mine, auditHead: theirs.auditHead });
    expect(entry.projectPrevHash).toBe(theirs.auditHead.hash);
  });
});

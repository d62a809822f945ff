// Project bundles: written deterministically with a manifest of hashes, read back whole, refused when
// tampered, truncated or padded, upgraded from version 1, and idempotent on import.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BUNDLE_SCHEMA_VERSION, readBundle, writeBundle } from '../../../src/core/io';
import { applyBundle, applyImport, exportBundle, previewBundle, projectAuditHistory } from '../../../src/core/services';
import type { EvidenceCodec } from '../../../src/core/io';
import { Repository } from '../../../src/core/services/repository';
import { evidenceSchema, sequentialIds, sha256Hex, steppingClock, verifyAuditChain } from '../../../src/core/model';
import { createMemoryBackend } from '../../../src/store';
import { importBytes, stadiumSheets, workbook } from './helpers';

async function projectWithEvidence() {
  const repo = new Repository(createMemoryBackend(), { ids: sequentialIds(), clock: steppingClock(), actor: () => 'mina' });
  const id = await applyImport(repo, importBytes(workbook(stadiumSheets())));
  const snapshot = await repo.loadSnapshot(id);
  const crew = snapshot.parties.find((p) => p.ref === 'CREW-01')!;
  const files = [
    { id: 'evd_badges', title: 'Site badge list', fileName: 'badges.pdf', bytes: strToU8('%PDF-1.4 badge list'), sensitive: false },
    { id: 'evd_interview', title: 'Interview notes', fileName: 'interview.txt', bytes: strToU8('Worker says passports are held by the minder.'), sensitive: true },
  ];
  for (const f of files) {
    await repo.addEvidence(evidenceSchema.parse({
      id: f.id, projectId: id, subject: { type: 'party', id: crew.id }, title: f.title, fileName: f.fileName, mediaType: 'application/octet-stream',
      size: f.bytes.length, sha256: sha256Hex(f.bytes), sensitive: f.sensitive, createdAt: '2026-05-02T00:00:00.000Z', updatedAt: '2026-05-02T00:00:00.000Z',
    }), f.bytes);
  }
  return { repo, id, files };
}

/** Rebuilds a bundle after changing its parts (to simulate tampering). */
function rezip(bytes: Uint8Array, edit: (parts: Record<string, Uint8Array>) => void): Uint8Array {
  const parts = unzipSync(bytes);
  edit(parts);
  return zipSync(parts);
}

const refusal = async (bytes: Uint8Array) => {
  const r = await readBundle(bytes);
  expect(r.value).toBeNull();
  return r.errors.map((e) => e.message).join('\n');
};

describe('project bundles', () => {
  it('carry the project, its evidence, its audit log and a manifest of SHA-256 hashes', async () => {
    const { repo, id, files } = await projectWithEvidence();
    const bytes = await exportBundle(repo, id, '2026-05-03T10:00:00.000Z');
    const parts = unzipSync(bytes);
    const manifest = JSON.parse(strFromU8(parts['manifest.json']!));
    expect(manifest).toMatchObject({ format: 'subtier-bundle', schemaVersion: BUNDLE_SCHEMA_VERSION, project: { id, name: 'Stadium East Stand' } });
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(['project.json', 'audit.json', 'evidence/evd_badges', 'evidence/evd_interview']);
    for (const f of manifest.files) expect(sha256Hex(parts[f.path]!)).toBe(f.sha256);
    expect(Object.keys(parts).sort()).toEqual(['audit.json', 'evidence/evd_badges', 'evidence/evd_interview', 'manifest.json', 'project.json']);
    const read = await readBundle(bytes);
    expect(read.errors).toEqual([]);
    expect(read.value!.snapshot).toEqual(await repo.loadSnapshot(id));
    for (const f of files) expect(sha256Hex(read.value!.evidence.get(f.id)!)).toBe(sha256Hex(f.bytes));
    expect(read.value!.audit.map((e) => e.entity)).toEqual(['project', 'evidence', 'evidence']);
    // The same project on the same date gives the same bytes.
    expect(Buffer.from(await exportBundle(repo, id, '2026-05-03T10:00:00.000Z')).equals(Buffer.from(bytes))).toBe(true);
  });

  it('import into an empty store brings everything back; importing again changes nothing', async () => {
    const { repo, id, files } = await projectWithEvidence();
    const bytes = await exportBundle(repo, id, '2026-05-03T10:00:00.000Z');
    const other = new Repository(createMemoryBackend(), { actor: () => 'daniel' });
    const read = (await readBundle(bytes)).value!;
    expect((await previewBundle(other, read)).status).toBe('new');
    expect(await applyBundle(other, read)).toBe('new');
    expect(await other.loadSnapshot(id)).toEqual(await repo.loadSnapshot(id));
    for (const f of files) expect(sha256Hex((await other.getEvidenceBytes(f.id))!)).toBe(sha256Hex(f.bytes));
    const logLength = (await other.auditLog()).length;
    expect(await applyBundle(other, (await readBundle(bytes)).value!)).toBe('identical');
    expect((await other.listProjects())).toHaveLength(1);
    expect((await other.listParties(id))).toHaveLength(6);
    expect((await other.auditLog()).length).toBe(logLength);
    expect(verifyAuditChain(await other.auditLog()).ok).toBe(true);
    // The history travels on: the colleague's export carries the original entries plus the import.
    const history = await projectAuditHistory(other, id);
    expect(history.map((e) => e.actor)).toEqual(['mina', 'mina', 'mina', 'daniel']);
  });

  it('replaces a changed local copy in one step, keeping nothing stale', async () => {
    const { repo, id } = await projectWithEvidence();
    const bytes = await exportBundle(repo, id, '2026-05-03T10:00:00.000Z');
    const party = (await repo.listParties(id))[0]!;
    await repo.updateParty(party.id, { sector: 'changed locally' });
    await repo.createParty(id, { kind: 'organization', name: 'Added after export' });
    const read = (await readBundle(bytes)).value!;
    expect((await previewBundle(repo, read)).status).toBe('different');
    expect(await applyBundle(repo, read)).toBe('different');
    expect((await repo.listParties(id)).map((p) => p.name)).not.toContain('Added after export');
    expect((await repo.getParty(party.id))!.sector).not.toBe('changed locally');
  });

  it.each([
    ['a changed project.json', (p: Record<string, Uint8Array>) => { p['project.json'] = strToU8(strFromU8(p['project.json']!).replace('Stadium East Stand', 'Stadium West Stand')); }, /project.json is \d+ bytes|project.json does not match its SHA-256/],
    ['a swapped evidence file', (p: Record<string, Uint8Array>) => { p['evidence/evd_badges'] = strToU8('%PDF-1.4 forged list'); }, /evidence\/evd_badges .*(altered|SHA-256)/],
    ['a missing evidence file', (p: Record<string, Uint8Array>) => { delete p['evidence/evd_interview']; }, /evidence\/evd_interview is listed in the manifest but missing/],
    ['an added file', (p: Record<string, Uint8Array>) => { p['evidence/extra.exe'] = strToU8('MZ'); }, /contains evidence\/extra.exe, which the manifest does not list/],
    ['a manifest from a newer version', (p: Record<string, Uint8Array>) => { p['manifest.json'] = strToU8(strFromU8(p['manifest.json']!).replace(`"schemaVersion": ${BUNDLE_SCHEMA_VERSION}`, '"schemaVersion": 99')); }, /newer Subtier.*update Subtier/],
  ])('refuses %s', async (_label, edit, re) => {
    const { repo, id } = await projectWithEvidence();
    expect(await refusal(rezip(await exportBundle(repo, id, '2026-05-03T10:00:00.000Z'), edit))).toMatch(re);
  });

  it('refuses a manifest and file altered together when the evidence no longer matches its record', async () => {
    const { repo, id } = await projectWithEvidence();
    const bytes = rezip(await exportBundle(repo, id, '2026-05-03T10:00:00.000Z'), (p) => {
      const forged = strToU8('%PDF-1.4 forged list');
      const manifest = JSON.parse(strFromU8(p['manifest.json']!));
      const entry = manifest.files.find((f: { path: string }) => f.path === 'evidence/evd_badges');
      Object.assign(entry, { size: forged.length, sha256: sha256Hex(forged) });
      p['manifest.json'] = strToU8(JSON.stringify(manifest));
      p['evidence/evd_badges'] = forged;
    });
    expect(await refusal(bytes)).toMatch(/evidence "Site badge list" \(evd_badges\) does not match the SHA-256 recorded for it/);
  });

  it('refuses a truncated bundle and things that are not bundles', async () => {
    const { repo, id } = await projectWithEvidence();
    const bytes = await exportBundle(repo, id, '2026-05-03T10:00:00.000Z');
    expect(await refusal(bytes.subarray(0, bytes.length - 100))).toMatch(/incomplete.*cut off/);
    expect(await refusal(workbook(stadiumSheets()))).toMatch(/Excel workbook, not a bundle/);
    expect(await refusal(strToU8('%PDF-1.4'))).toMatch(/not a Subtier bundle: it is a PDF/);
    expect(await refusal(zipSync({ 'manifest.json': strToU8('{"format":"other"}') }))).toMatch(/not a Subtier bundle/);
  });

  it('upgrades a version-1 bundle (parties without reference codes, no records)', async () => {
    const project = { id: 'prj_old', name: 'Old project', site: '', hostCountry: 'QA', client: '', startDate: '', endDate: '', description: '', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
    const party = (id: string, name: string) => ({ id, projectId: 'prj_old', kind: 'organization', name, country: '', sector: '', registrationNumber: '', address: '', notes: '', createdAt: project.createdAt, updatedAt: project.createdAt });
    const data = strToU8(JSON.stringify({ project, parties: [party('pty_a', 'Alpha'), party('pty_b', 'Beta')], links: [{ id: 'lnk_1', projectId: 'prj_old', relation: 'subcontracts', from: 'pty_a', to: 'pty_b', value: null, currency: '', sharePct: null, channel: null, startDate: '', endDate: '', notes: '', createdAt: project.createdAt, updatedAt: project.createdAt }], evidence: [] }));
    const manifest = { format: 'subtier-bundle', schemaVersion: 1, appVersion: '0.0.9', createdAt: '2025-01-02T00:00:00.000Z', project: { id: 'prj_old', name: 'Old project' }, files: [{ path: 'project.json', size: data.length, sha256: sha256Hex(data) }] };
    const read = await readBundle(zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), 'project.json': data }));
    expect(read.errors).toEqual([]);
    expect(read.warnings.map((w) => w.message)).toEqual([expect.stringMatching(new RegExp(`bundle version 1 .* upgraded to version ${BUNDLE_SCHEMA_VERSION}`))]);
    expect(read.value!.snapshot.parties.map((p) => [p.ref, p.aliases, p.isClient, p.workforce])).toEqual([['pty_a', [], false, null], ['pty_b', [], false, null]]);
    expect(read.value!.snapshot.hits).toEqual([]);
    const repo = new Repository(createMemoryBackend());
    expect(await applyBundle(repo, read.value!)).toBe('new');
    expect((await repo.listParties('prj_old')).map((p) => p.ref)).toEqual(['pty_a', 'pty_b']);
  });

  it('passes sensitive evidence through an evidence codec, and verifies it once decoded', async () => {
    const { repo, id, files } = await projectWithEvidence();
    const snapshot = await repo.loadSnapshot(id);
    const evidence = new Map(files.map((f) => [f.id, f.bytes] as const));
    // A stand-in codec (byte reversal) exercising the extension point the encryption module fills.
    const codec: EvidenceCodec = {
      encode: async (ev, plain) => (ev.sensitive ? { bytes: plain.slice().reverse(), encryption: { scheme: 'test-reverse' } } : null),
      decode: async (_ev, stored, info) => (info.scheme === 'test-reverse' ? stored.slice().reverse() : null),
    };
    const bytes = await writeBundle({ snapshot, evidence, audit: [], createdAt: '2026-05-03T00:00:00.000Z', codec });
    const manifest = JSON.parse(strFromU8(unzipSync(bytes)['manifest.json']!));
    expect(manifest.files.find((f: { path: string }) => f.path === 'evidence/evd_interview').encryption).toEqual({ scheme: 'test-reverse' });
    const locked = await readBundle(bytes);
    expect(locked.value!.encoded.has('evd_interview')).toBe(true);
    expect(locked.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/Interview notes" is encrypted.*unlock/)]);
    await expect(applyBundle(new Repository(createMemoryBackend()), locked.value!)).rejects.toThrow(/encrypted; unlock/);
    const unlocked = await readBundle(bytes, { codec });
    expect(unlocked.errors).toEqual([]);
    expect(strFromU8(unlocked.value!.evidence.get('evd_interview')!)).toBe('Worker says passports are held by the minder.');
  });

  it('refuses to export evidence whose stored bytes no longer match their hash', async () => {
    const { repo, id } = await projectWithEvidence();
    const snapshot = await repo.loadSnapshot(id);
    await expect(writeBundle({ snapshot, evidence: new Map([['evd_badges', strToU8('tampered')], ['evd_interview', strToU8('x')]]), audit: [], createdAt: '' })).rejects.toThrow(/damaged in storage/);
  });
});

/**
 * Moving bundles in and out of the repository. Export gathers the project, its evidence bytes and its
 * audit chain (entries written here plus those that arrived in earlier bundles, ending at the
 * project's chain head). Import replaces the project with the same id in one transaction, refuses
 * any row that belongs to another project, and continues the project's audit chain from the
 * bundle's, so importing a bundle twice changes nothing the second time.
 */
import { canonicalJson, sha256Hex } from '../model';
import type { AuditEntry, AuditHead, ProjectSnapshot } from '../model';
import { ImportConflictError } from './repository';
import type { Repository } from './repository';
import type { BundleContents } from '../io/bundle-read';
import type { EvidenceCodec } from '../io/bundle-format';
import { writeBundle } from '../io/bundle-write';
import { auditHistoryKey, chainEndingAt, chainRelation, knownEntries, mergeHistory, readAuditHead, writeAuditHead } from './audit-chain';
import type { ChainRelation } from './audit-chain';
import type { Tx } from './ports';

export { auditHistoryKey } from './audit-chain';

/** The project's audit chain, oldest first: entries from imported bundles and this computer's own, up to its head. */
export async function projectAuditHistory(repo: Repository, projectId: string): Promise<AuditEntry[]> {
  return repo.backend.read(async (tx) => chainEndingAt(await knownEntries(tx, projectId), await readAuditHead(tx, projectId)));
}

/** Builds the bundle of a stored project. */
export async function exportBundle(repo: Repository, projectId: string, createdAt: string, codec: EvidenceCodec | undefined = repo.evidenceCodec): Promise<Uint8Array> {
  const snapshot = await repo.loadSnapshot(projectId);
  const evidence = new Map<string, Uint8Array>();
  for (const ev of snapshot.evidence) {
    const bytes = await repo.getEvidenceBytes(ev.id);
    if (bytes) evidence.set(ev.id, bytes);
  }
  return writeBundle({ snapshot, evidence, audit: await projectAuditHistory(repo, projectId), createdAt, ...(codec ? { codec } : {}) });
}

/** A fingerprint of a project's content and evidence, to tell an identical copy from a changed one. */
function contentHash(snapshot: ProjectSnapshot, evidence: ReadonlyMap<string, Uint8Array>): string {
  const files = [...evidence.entries()].map(([id, bytes]) => [id, sha256Hex(bytes)]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  return sha256Hex(canonicalJson({ snapshot, files }));
}

export type BundleStatus = 'new' | 'identical' | 'different';
/** What a preview can say: also 'conflict' when the bundle would overwrite another project's rows. */
export type BundlePreviewStatus = BundleStatus | 'conflict';

export interface BundlePreview {
  readonly status: BundlePreviewStatus;
  /** When the status is 'conflict': why the bundle will be refused, in words. */
  readonly conflicts?: readonly string[];
  readonly projectId: string;
  readonly projectName: string;
  readonly counts: { readonly parties: number; readonly links: number; readonly evidence: number; readonly auditEntries: number };
  /** When the project already exists: when it was last changed here. */
  readonly localUpdatedAt?: string;
  /** How the bundle's audit chain stands to this computer's chain for the project. */
  readonly history: ChainRelation;
  /** This computer's chain head for the project (count 0 when it has none). */
  readonly localHead: AuditHead;
}

async function relationOf(tx: Tx, contents: BundleContents): Promise<{ relation: ChainRelation; localHead: AuditHead }> {
  const projectId = contents.snapshot.project.id;
  const localHead = await readAuditHead(tx, projectId);
  const known = new Set((await knownEntries(tx, projectId)).map((e) => e.hash));
  return { relation: chainRelation(localHead, known, contents.audit, contents.auditHead), localHead };
}

/** Says what importing the bundle would do: create the project, change nothing, replace a different copy, or be refused. */
export async function previewBundle(repo: Repository, contents: BundleContents): Promise<BundlePreview> {
  const { snapshot } = contents;
  const { relation, localHead } = await repo.backend.read((tx) => relationOf(tx, contents));
  const base = {
    projectId: snapshot.project.id,
    projectName: snapshot.project.name,
    counts: { parties: snapshot.parties.length, links: snapshot.links.length, evidence: snapshot.evidence.length, auditEntries: contents.audit.length },
    history: relation,
    localHead,
  };
  const conflict = await repo.backend.read(async (tx) => {
    try {
      await repo.assertOwnRows(tx, snapshot);
      return null;
    } catch (error) {
      if (error instanceof ImportConflictError) return error.message;
      throw error;
    }
  });
  if (conflict) return { status: 'conflict', conflicts: [conflict], ...base };
  const local = await repo.getProject(snapshot.project.id);
  if (!local) return { status: 'new', ...base };
  const current = await repo.loadSnapshot(snapshot.project.id);
  const bytes = new Map<string, Uint8Array>();
  for (const ev of current.evidence) {
    const b = await repo.getEvidenceBytes(ev.id);
    if (b) bytes.set(ev.id, b);
  }
  const same = contentHash(current, bytes) === contentHash(snapshot, contents.evidence);
  return { status: same ? 'identical' : 'different', localUpdatedAt: local.updatedAt, ...base };
}

/**
 * Inside the import's transaction: keeps the bundle's entries beside the local log and moves the
 * project's chain head. A bundle that continues the local chain, or left it (another copy edited
 * since), brings its head; an older one (a backup) leaves the local head where it is. Returns the
 * head that was replaced, when the bundle's chain left the local one.
 */
async function takeHistory(tx: Tx, contents: BundleContents): Promise<AuditHead | null> {
  const projectId = contents.snapshot.project.id;
  const { relation, localHead } = await relationOf(tx, contents);
  const key = auditHistoryKey(projectId);
  const history = (await tx.get<{ value: AuditEntry[] }>('settings', key))?.value ?? [];
  const merged = mergeHistory(history, contents.audit);
  if (merged.length !== history.length) await tx.put('settings', { key, value: merged });
  if (relation === 'new' || relation === 'extends' || relation === 'diverged') await writeAuditHead(tx, projectId, contents.auditHead);
  else if (relation === 'older' || relation === 'same') await writeAuditHead(tx, projectId, localHead);
  return relation === 'diverged' ? localHead : null;
}

/**
 * Imports a verified bundle: creates the project, or replaces the stored copy with the same id, in
 * one transaction with one audit entry. An identical copy is left untouched. Evidence that is still
 * encrypted (no codec could open it) and rows that belong to another project are refused: nothing
 * is written.
 */
export async function applyBundle(repo: Repository, contents: BundleContents): Promise<BundleStatus> {
  if (contents.encoded.size) throw new Error(`${contents.encoded.size} evidence file(s) in the bundle are encrypted; unlock Subtier with the passphrase, then import again`);
  const preview = await previewBundle(repo, contents);
  if (preview.status === 'conflict') throw new ImportConflictError(preview.conflicts!.join(' '));
  const projectId = contents.snapshot.project.id;
  if (preview.status === 'identical') {
    await repo.mutate('settings', projectId, (tx) => takeHistory(tx, contents));
    return 'identical';
  }
  // Workers and sensitive evidence are sealed like every other write when a passphrase is set.
  const { snapshot, blobRows } = await repo.sealForWrite(contents.snapshot, contents.evidence);
  await repo.mutate('projects', projectId, async (tx) => {
    const before = await repo.replaceProjectRows(tx, snapshot, blobRows);
    const replacedHead = await takeHistory(tx, contents);
    await repo.audit(tx, projectId, 'project', projectId, before ?? null, {
      ...snapshot.project,
      note: `bundle import (made ${contents.manifest.createdAt} by Subtier ${contents.manifest.appVersion})`,
      parties: snapshot.parties.length, links: snapshot.links.length, evidence: snapshot.evidence.length,
      auditHead: contents.auditHead,
      ...(replacedHead ? { replacedAuditHead: replacedHead } : {}),
    });
  });
  return preview.status;
}

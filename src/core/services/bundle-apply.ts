/**
 * Moving bundles in and out of the repository. Export gathers the project, its evidence bytes and its
 * whole audit history (entries written here plus those that arrived in earlier bundles). Import
 * replaces the project with the same id in one transaction, so importing a bundle twice changes
 * nothing the second time, and keeps the bundle's audit history beside the local log.
 */
import { canonicalJson, sha256Hex } from '../model';
import type { AuditEntry, ProjectSnapshot } from '../model';
import { ImportConflictError } from './repository';
import type { Repository } from './repository';
import type { BundleContents } from '../io/bundle-read';
import type { EvidenceCodec } from '../io/bundle-format';
import { writeBundle } from '../io/bundle-write';

/** Settings key under which audit entries that arrived in bundles are kept, per project. */
export const auditHistoryKey = (projectId: string) => `audit-history:${projectId}`;

/** Audit entries of `a` then `b`, each entry once (by hash). */
function mergeHistory(a: readonly AuditEntry[], b: readonly AuditEntry[]): AuditEntry[] {
  const seen = new Set<string>();
  const out: AuditEntry[] = [];
  for (const e of [...a, ...b]) {
    if (seen.has(e.hash)) continue;
    seen.add(e.hash);
    out.push(e);
  }
  return out;
}

/** The project's full audit history: entries from imported bundles, then this computer's own. */
export async function projectAuditHistory(repo: Repository, projectId: string): Promise<AuditEntry[]> {
  const imported = (await repo.getSetting<AuditEntry[]>(auditHistoryKey(projectId))) ?? [];
  return mergeHistory(imported, await repo.auditLog(projectId));
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
}

/** Says what importing the bundle would do: create the project, change nothing, or replace a different copy. */
export async function previewBundle(repo: Repository, contents: BundleContents): Promise<BundlePreview> {
  const { snapshot } = contents;
  const base = {
    projectId: snapshot.project.id,
    projectName: snapshot.project.name,
    counts: { parties: snapshot.parties.length, links: snapshot.links.length, evidence: snapshot.evidence.length, auditEntries: contents.audit.length },
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
 * Imports a verified bundle: creates the project, or replaces the stored copy with the same id, in
 * one transaction with one audit entry. An identical copy is left untouched. Evidence that is still
 * encrypted (no codec could open it) is refused: nothing is written.
 */
export async function applyBundle(repo: Repository, contents: BundleContents): Promise<BundleStatus> {
  if (contents.encoded.size) throw new Error(`${contents.encoded.size} evidence file(s) in the bundle are encrypted; unlock Subtier with the passphrase, then import again`);
  const preview = await previewBundle(repo, contents);
  if (preview.status === 'conflict') throw new ImportConflictError(preview.conflicts!.join(' '));
  if (preview.status === 'identical') {
    await storeHistory(repo, contents);
    return 'identical';
  }
  // Workers and sensitive evidence are sealed like every other write when a passphrase is set.
  const { snapshot, blobRows } = await repo.sealForWrite(contents.snapshot, contents.evidence);
  const projectId = snapshot.project.id;
  await repo.mutate('projects', projectId, async (tx) => {
    const before = await repo.replaceProjectRows(tx, snapshot, blobRows);
    const history = (await tx.get<{ value: AuditEntry[] }>('settings', auditHistoryKey(projectId)))?.value ?? [];
    await tx.put('settings', { key: auditHistoryKey(projectId), value: mergeHistory(history, contents.audit) });
    await repo.audit(tx, projectId, 'project', projectId, before ?? null, {
      ...snapshot.project,
      note: `bundle import (made ${contents.manifest.createdAt} by Subtier ${contents.manifest.appVersion})`,
      parties: snapshot.parties.length, links: snapshot.links.length, evidence: snapshot.evidence.length,
    });
  });
  return preview.status;
}

async function storeHistory(repo: Repository, contents: BundleContents): Promise<void> {
  const key = auditHistoryKey(contents.snapshot.project.id);
  const history = (await repo.getSetting<AuditEntry[]>(key)) ?? [];
  const merged = mergeHistory(history, contents.audit);
  if (merged.length === history.length) return;
  await repo.mutate('settings', contents.snapshot.project.id, (tx) => tx.put('settings', { key, value: merged }));
}

/**
 * Backups: a project bundle (.subtier, the same verified format as an export) kept inside the local
 * database, made automatically before every change that replaces much at once (a workbook merge, a
 * bundle import over an existing copy, a restore, a database upgrade) and whenever the user asks.
 * A restore is itself backed up first, so it can be undone. Expired automatic backups are pruned in
 * the same transaction that adds a new one (see backup-retention.ts).
 */
import { randomId, sha256Hex, systemClock } from '../model';
import type { Clock, IdGenerator, ProjectSnapshot } from '../model';
import type { BundleContents } from '../io/bundle-read';
import { readBundle } from '../io/bundle-read';
import type { EvidenceCodec } from '../io/bundle-format';
import { applyBundle, exportBundle, previewBundle } from './bundle-apply';
import type { BundleStatus } from './bundle-apply';
import { applyImport } from './import-workbook';
import type { ImportPlan } from '../io/import-plan';
import { DEFAULT_RETENTION, expiredBackups, newestFirst } from './backup-retention';
import type { BackupInfo, BackupReason, RetentionPolicy } from './backup-retention';
import type { Row } from './ports';
import { ImportConflictError } from './repository';
import type { Repository } from './repository';

export interface BackupOptions {
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  /** Encrypts sensitive evidence inside the backup as in an export (and opens it on restore). */
  readonly codec?: EvidenceCodec;
  readonly retention?: RetentionPolicy;
}

/** A backup could not be made, so the change it was meant to protect was not started. */
export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}

/** The stored record of a backup made from `bytes` (also used by the store for pre-upgrade backups). */
export function backupInfo(fields: Omit<BackupInfo, 'size' | 'sha256'>, bytes: Uint8Array): BackupInfo {
  return { ...fields, size: bytes.length, sha256: sha256Hex(bytes) };
}

/**
 * Makes a backup of a stored project now and prunes expired ones. Throws BackupError when the
 * bundle cannot be made (for example an evidence file damaged in storage, or locked sensitive data).
 */
export async function createBackup(repo: Repository, projectId: string, reason: BackupReason, note: string, options: BackupOptions = {}): Promise<BackupInfo> {
  const createdAt = (options.clock ?? systemClock)();
  const id = (options.ids ?? randomId)('bkp');
  let bytes: Uint8Array;
  let snapshot: ProjectSnapshot;
  try {
    snapshot = await repo.loadSnapshot(projectId);
    bytes = await exportBundle(repo, projectId, createdAt, options.codec);
  } catch (error) {
    throw new BackupError(`The backup of the project could not be made, so nothing was changed: ${(error as Error).message}`, { cause: error });
  }
  const info = backupInfo({
    id, projectId, projectName: snapshot.project.name, createdAt, reason, note,
    counts: { parties: snapshot.parties.length, links: snapshot.links.length, evidence: snapshot.evidence.length },
  }, bytes);
  await repo.mutate('backups', projectId, async (tx) => {
    await tx.put('backups', info as unknown as Row);
    await tx.put('blobs', { id, bytes });
    await repo.audit(tx, projectId, 'backup', id, null, info);
    const all = await tx.all<BackupInfo>('backups');
    const expired = new Set(expiredBackups(all, options.retention ?? DEFAULT_RETENTION, createdAt));
    for (const old of all.filter((b) => expired.has(b.id))) {
      await tx.delete('backups', old.id);
      await tx.delete('blobs', old.id);
      await repo.audit(tx, old.projectId, 'backup', old.id, old, null);
    }
  });
  return info;
}

/** Backups newest first: all of them, or one project's. */
export async function listBackups(repo: Repository, projectId?: string): Promise<BackupInfo[]> {
  const rows = await repo.backend.read((tx) => tx.all<BackupInfo>('backups'));
  return rows.filter((b) => !projectId || b.projectId === projectId).sort(newestFirst);
}

/** The bundle bytes of a backup, to save as a .subtier file or restore. */
export async function backupBytes(repo: Repository, id: string): Promise<Uint8Array | undefined> {
  return (await repo.backend.read((tx) => tx.get<{ bytes: Uint8Array }>('blobs', id)))?.bytes;
}

/** Deletes one backup and its bytes, with an audit entry. */
export async function deleteBackup(repo: Repository, id: string): Promise<void> {
  const info = await repo.backend.read((tx) => tx.get<BackupInfo>('backups', id));
  if (!info) return;
  await repo.mutate('backups', info.projectId, async (tx) => {
    await tx.delete('backups', id);
    await tx.delete('blobs', id);
    await repo.audit(tx, info.projectId, 'backup', id, info, null);
  });
}

export interface RestoreResult {
  readonly status: BundleStatus;
  /** The backup of the state that was replaced, when the project still existed. */
  readonly undo: BackupInfo | null;
}

/**
 * Puts a project back as it was in a backup, in one transaction. The current state is backed up
 * first; a project that was deleted since is recreated. A backup that no longer verifies is refused.
 */
export async function restoreBackup(repo: Repository, id: string, options: BackupOptions = {}): Promise<RestoreResult> {
  const info = await repo.backend.read((tx) => tx.get<BackupInfo>('backups', id));
  const bytes = await backupBytes(repo, id);
  if (!info || !bytes) throw new Error('This backup no longer exists.');
  const codec = options.codec ?? repo.evidenceCodec;
  const read = await readBundle(bytes, codec ? { codec } : {});
  if (!read.value) throw new Error(`This backup cannot be restored: ${read.errors[0]?.message ?? 'it does not verify'}`);
  const exists = await repo.getProject(read.value.snapshot.project.id);
  const undo = exists ? await createBackup(repo, info.projectId, 'restore', `before restoring the backup of ${info.createdAt.slice(0, 16).replace('T', ' ')} UTC`, options) : null;
  return { status: await applyBundle(repo, read.value), undo };
}

/**
 * Applies a workbook import plan, backing the project up first when the plan merges into it.
 * `fileName` names the workbook in the backup's note.
 */
export async function applyImportWithBackup(repo: Repository, plan: ImportPlan, fileName: string, options: BackupOptions = {}): Promise<{ projectId: string; backup: BackupInfo | null }> {
  const backup = plan.mode === 'merge' ? await createBackup(repo, plan.result.project.id, 'merge', `before merging ${fileName}`, options) : null;
  return { projectId: await applyImport(repo, plan, plan.mode === 'merge' ? `merge of ${fileName}` : `import of ${fileName}`), backup };
}

/** Imports a verified bundle, backing up the stored copy first when the bundle would replace it. */
export async function applyBundleWithBackup(repo: Repository, contents: BundleContents, fileName: string, options: BackupOptions = {}): Promise<{ status: BundleStatus; backup: BackupInfo | null }> {
  const preview = await previewBundle(repo, contents);
  if (preview.status === 'conflict') throw new ImportConflictError(preview.conflicts!.join(' '));
  const backup = preview.status === 'different' ? await createBackup(repo, preview.projectId, 'bundle', `before importing ${fileName}`, options) : null;
  return { status: await applyBundle(repo, contents), backup };
}

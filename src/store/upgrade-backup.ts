/**
 * The backup taken before a database upgrade: inside the upgrade transaction, before any upgrade
 * function touches a row, each project is read as the old version stored it, brought to today's
 * shape by the bundle format's own upgrade chain (independent of the database upgrade being run),
 * and kept as a verified bundle in the backups table. If the database upgrade has a bug, the
 * project as it was can be restored from the Backups screen.
 */
import type { Transaction } from 'dexie';
import { parseProjectSnapshot } from '../core/model';
import type { AuditEntry, ProjectSnapshot } from '../core/model';
import { upgradeProjectData } from '../core/io/bundle-format';
import { writeBundle } from '../core/io/bundle-write';
import { backupInfo } from '../core/services/backups';

type Raw = Record<string, unknown>;

const PROJECT_TABLES = ['parties', 'links', 'evidence', 'questionnaires', 'overrides', 'hits', 'attestations'] as const;

/** Reads every project of the database being upgraded and stores one backup bundle per project. */
export async function backupBeforeUpgrade(tx: Transaction, fromVersion: number, toVersion: number): Promise<void> {
  const names = new Set(tx.storeNames);
  if (!names.has('backups') || !names.has('blobs')) return;
  const rowsOf = async (name: string): Promise<Raw[]> => (names.has(name) ? ((await tx.table(name).toArray()) as Raw[]) : []);
  const projects = await rowsOf('projects');
  if (!projects.length) return;
  const tables = new Map<string, Raw[]>();
  for (const name of PROJECT_TABLES) tables.set(name, await rowsOf(name));
  const audit = await rowsOf('audit');
  const blobs = new Map((await rowsOf('blobs')).map((b) => [String(b.id), b]));
  const createdAt = new Date().toISOString();
  const note = `before upgrading the database from version ${fromVersion} to ${toVersion}`;
  let n = 0;
  for (const project of projects) {
    const projectId = String(project.id);
    const id = `bkp_upgrade_${toVersion}_${String(++n).padStart(4, '0')}_${createdAt.replace(/\D/g, '')}`;
    const of = (name: string) => (tables.get(name) ?? []).filter((r) => r.projectId === projectId);
    const fields = { id, projectId, projectName: String(project.name ?? projectId), createdAt, reason: 'upgrade' as const, note };
    const counts = { parties: of('parties').length, links: of('links').length, evidence: of('evidence').length };
    try {
      const data = upgradeProjectData({ project, ...Object.fromEntries(PROJECT_TABLES.map((t) => [t, of(t)])) }, fromVersion);
      const parsed = parseProjectSnapshot(data, 3);
      if (!parsed.ok) throw new Error(`the stored project is not valid (${parsed.problems.join('; ')})`);
      const snapshot: ProjectSnapshot = parsed.snapshot;
      const evidence = new Map<string, Uint8Array>();
      for (const ev of snapshot.evidence) {
        const blob = blobs.get(ev.id);
        if (blob?.bytes instanceof Uint8Array && !blob.sealed) evidence.set(ev.id, blob.bytes);
      }
      const entries = audit.filter((e) => e.projectId === projectId) as unknown as AuditEntry[];
      // writeBundle does no I/O: it settles within this task, so the upgrade transaction stays open.
      const bytes = await writeBundle({ snapshot, evidence, audit: entries, createdAt });
      await tx.table('backups').put(backupInfo({ ...fields, counts }, bytes));
      await tx.table('blobs').put({ id, bytes });
    } catch (error) {
      // A project that cannot be bundled must not keep the app from opening: record why instead.
      await tx.table('backups').put({ ...fields, counts, size: 0, sha256: '', error: (error as Error).message });
    }
  }
}

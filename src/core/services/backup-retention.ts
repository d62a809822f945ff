/**
 * Which backups to keep. Automatic backups (before imports, merges, restores and database upgrades)
 * are kept while they are among the newest few of their project or younger than a number of days;
 * backups the user made on purpose stay until the user deletes them. Pure, so the rule is testable
 * and the README can state it exactly.
 */

export const BACKUP_REASONS = ['manual', 'import', 'merge', 'bundle', 'restore', 'upgrade', 'delete'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** A stored backup, without its bytes. */
export interface BackupInfo {
  readonly id: string;
  readonly projectId: string;
  readonly projectName: string;
  /** When it was made, ISO 8601 UTC. */
  readonly createdAt: string;
  readonly reason: BackupReason;
  /** What was about to happen, in words: "before merging stadium-v2.xlsx". */
  readonly note: string;
  /** Size of the bundle in bytes (0 when it could not be made). */
  readonly size: number;
  readonly sha256: string;
  readonly counts: { readonly parties: number; readonly links: number; readonly evidence: number };
  /** Set when the backup could not be made; the row then records why. */
  readonly error?: string;
}

export interface RetentionPolicy {
  /** Automatic backups always kept per project: the newest this many. */
  readonly keepLatest: number;
  /** Automatic backups younger than this many days are kept too, however many there are. */
  readonly keepDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepLatest: 10, keepDays: 30 };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The ids of backups the policy lets go at `now`: automatic ones that are neither among the
 * `keepLatest` newest of their project nor younger than `keepDays`. Manual backups never expire.
 */
export function expiredBackups(backups: readonly BackupInfo[], policy: RetentionPolicy, now: string): string[] {
  const cutoff = Date.parse(now) - policy.keepDays * DAY_MS;
  const byProject = new Map<string, BackupInfo[]>();
  for (const b of backups) {
    if (b.reason === 'manual') continue;
    const list = byProject.get(b.projectId) ?? [];
    list.push(b);
    byProject.set(b.projectId, list);
  }
  const expired: string[] = [];
  for (const list of byProject.values()) {
    list.sort(newestFirst);
    list.forEach((b, i) => {
      if (i >= policy.keepLatest && Date.parse(b.createdAt) < cutoff) expired.push(b.id);
    });
  }
  return expired.sort();
}

/** Orders backups newest first (ties by id, so the order is stable). */
export function newestFirst(a: BackupInfo, b: BackupInfo): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

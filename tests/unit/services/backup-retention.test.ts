// The retention rule for automatic backups, case by case: the newest N of each project and anything
// younger than D days stay; manual backups always stay; projects do not count against each other.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, expiredBackups } from '../../../src/core/services/backup-retention';
import type { BackupInfo, BackupReason } from '../../../src/core/services/backup-retention';

const at = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString();
const b = (id: string, projectId: string, day: number, reason: BackupReason = 'merge'): BackupInfo => ({
  id, projectId, projectName: projectId, createdAt: at(day), reason, note: '', size: 1, sha256: '', counts: { parties: 0, links: 0, evidence: 0 },
});

describe('expiredBackups', () => {
  it('keeps the newest N of a project however old they are', () => {
    const list = [b('a', 'p', 0), b('b', 'p', 1), b('c', 'p', 2)];
    expect(expiredBackups(list, { keepLatest: 2, keepDays: 0 }, at(400))).toEqual(['a']);
  });

  it('keeps everything younger than D days however many there are', () => {
    const list = Array.from({ length: 30 }, (_v, i) => b(`x${String(i).padStart(2, '0')}`, 'p', 100 + i));
    expect(expiredBackups(list, { keepLatest: 1, keepDays: 40 }, at(130))).toEqual([]);
    expect(expiredBackups(list, { keepLatest: 1, keepDays: 10 }, at(130))).toEqual(list.slice(0, 20).map((x) => x.id));
  });

  it('never expires manual backups and counts each project on its own', () => {
    const list = [b('m', 'p', 0, 'manual'), b('p1', 'p', 1), b('p2', 'p', 2), b('q1', 'q', 1), b('u', 'q', 0, 'upgrade')];
    expect(expiredBackups(list, { keepLatest: 1, keepDays: 1 }, at(100))).toEqual(['p1', 'u']);
  });

  it('defaults to the newest 10 and the last 30 days', () => {
    expect(DEFAULT_RETENTION).toEqual({ keepLatest: 10, keepDays: 30 });
    const list = Array.from({ length: 12 }, (_v, i) => b(`d${String(i).padStart(2, '0')}`, 'p', i * 10));
    // At day 120: the newest 10 are d02..d11; d00 and d01 are older than 30 days.
    expect(expiredBackups(list, DEFAULT_RETENTION, at(120))).toEqual(['d00', 'd01']);
  });
});

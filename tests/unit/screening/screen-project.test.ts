// Project screening: names, aliases and owners are screened; decisions survive re-screening; a
// dismissed hit reopens only when its list entry changed; unreviewed hits that stop matching go away.
import { describe, expect, it } from 'vitest';
import { emptySnapshot, linkSchema, partySchema, projectSchema, sequentialIds, steppingClock } from '../../../src/core/model';
import type { ProjectSnapshot, ScreeningHit } from '../../../src/core/model';
import { NameIndex, countEntries, diffLists, entryFingerprint, projectQueries, screenProject } from '../../../src/core/screening';
import type { ListEntry, ScreeningList } from '../../../src/core/screening';

const at = '2026-01-01T00:00:00.000Z';
const entry = (ref: string, name: string, type: ListEntry['type'] = 'entity', extra: Partial<ListEntry> = {}): ListEntry => ({
  ref, type, name, aliases: [], programs: ['DPRK3'], listedOn: '', addresses: [], countries: [], birthDates: [], remarks: '', ...extra,
});
const list = (entries: ListEntry[]): ScreeningList => ({
  id: 'lst_ofac', source: 'OFAC', name: 'OFAC', format: 'ofac-csv', publishedAt: '2023-12-28', generatedAt: '', importedAt: at,
  files: [], counts: countEntries(entries), programs: ['DPRK3'], selection: '', origin: '', entries,
});

function project(): ProjectSnapshot {
  const p = projectSchema.parse({ id: 'prj_1', name: 'Stadium', createdAt: at, updatedAt: at });
  const party = (id: string, kind: string, name: string, aliases: string[] = []) => partySchema.parse({ id, projectId: p.id, kind, name, aliases, createdAt: at, updatedAt: at });
  return {
    ...emptySnapshot(p),
    parties: [
      party('pty_a', 'organization', 'Gulf Scaffolding WLL', ['Rungrado Trading Co']),
      party('pty_b', 'organization', 'Mokran LLC'),
      party('pty_c', 'person', 'Pak Hwa Song'),
      party('pty_d', 'organization', 'Harbor Crane Services'),
    ],
    links: [linkSchema.parse({ id: 'lnk_1', projectId: p.id, relation: 'owns', from: 'pty_c', to: 'pty_d', sharePct: 60, createdAt: at, updatedAt: at })],
  };
}

const entries = [
  entry('19613', 'KOREA RUNGRADO GENERAL TRADING CORPORATION'),
  entry('30083', 'MOKRAN LLC', 'entity', { aliases: [{ name: 'OOO MOKRAN', quality: 'strong' }] }),
  entry('40937', 'PAK, Hwa Song', 'individual'),
];

describe('screenProject', () => {
  it('screens names, aliases and the owners of companies', () => {
    const snap = project();
    expect(projectQueries(snap).filter((q) => q.via === 'owner')).toEqual([expect.objectContaining({ partyId: 'pty_d', name: 'Pak Hwa Song', kind: 'person' })]);
    const run = screenProject(snap, new NameIndex([list(entries)]), { clock: steppingClock(at), ids: sequentialIds() });
    const byParty = Object.fromEntries(run.upserts.map((h) => [h.partyId, h]));
    expect(byParty.pty_a).toMatchObject({ entryRef: '19613', queryName: 'Rungrado Trading Co', status: 'open' });
    expect(byParty.pty_b).toMatchObject({ entryRef: '30083', score: 1 });
    expect(byParty.pty_c).toMatchObject({ entryRef: '40937' });
    expect(byParty.pty_d).toMatchObject({ entryRef: '40937', explanation: expect.objectContaining({ via: 'owner', owner: expect.objectContaining({ name: 'Pak Hwa Song', sharePct: 60 }) }) });
    expect(run.counts).toMatchObject({ created: 4, removed: 0 });
    expect(run.upserts.every((h) => h.entryHash === entryFingerprint(entries.find((e) => e.ref === h.entryRef)!))).toBe(true);
  });

  it('keeps decisions on re-screening and reopens a dismissed hit only when the entry changed', () => {
    const deps = { clock: steppingClock(at), ids: sequentialIds() };
    const first = screenProject(project(), new NameIndex([list(entries)]), deps);
    const decided: ScreeningHit[] = first.upserts.map((h) => (h.partyId === 'pty_a' ? { ...h, status: 'dismissed', reason: 'different company', reviewer: 'auditor' } : h.partyId === 'pty_b' ? { ...h, status: 'confirmed', reason: 'same registration' } : h));
    const snap = { ...project(), hits: decided };

    const again = screenProject(snap, new NameIndex([list(entries)]), deps);
    expect(again.upserts).toEqual([]);
    expect(again.counts).toMatchObject({ created: 0, reopened: 0, kept: 4 });

    const changed = entries.map((e) => (e.ref === '19613' ? { ...e, aliases: [{ name: 'RUNGRADO TRADING COMPANY', quality: 'strong' as const }] } : e));
    const after = screenProject(snap, new NameIndex([list(changed)]), deps);
    const reopened = after.upserts.find((h) => h.partyId === 'pty_a')!;
    expect(reopened.status).toBe('open');
    expect(reopened.explanation).toMatchObject({ reopened: { previousReason: 'different company', previousReviewer: 'auditor' } });
    expect(after.upserts.find((h) => h.partyId === 'pty_b')).toBeUndefined();
    expect(diffLists(entries, changed)).toMatchObject({ added: [], removed: [], changed: [{ ref: '19613', fields: ['aliases'] }] });
  });

  it('removes unreviewed hits that no longer match, keeps reviewed ones', () => {
    const deps = { clock: steppingClock(at), ids: sequentialIds() };
    const first = screenProject(project(), new NameIndex([list(entries)]), deps);
    const hits = first.upserts.map((h) => (h.partyId === 'pty_b' ? { ...h, status: 'confirmed' as const } : h));
    const without = screenProject({ ...project(), hits }, new NameIndex([list([entries[0]!])]), deps);
    expect(without.removals).toHaveLength(2);
    expect(without.removals).not.toContain(hits.find((h) => h.partyId === 'pty_b')!.id);
  });
});

describe('entryFingerprint', () => {
  it('ignores alias order and notices a changed remark', () => {
    const a = entry('1', 'X', 'entity', { aliases: [{ name: 'A', quality: 'strong' }, { name: 'B', quality: 'strong' }] });
    const b = { ...a, aliases: [...a.aliases].reverse() };
    expect(entryFingerprint(a)).toBe(entryFingerprint(b));
    expect(entryFingerprint({ ...a, remarks: 'new' })).not.toBe(entryFingerprint(a));
  });
});

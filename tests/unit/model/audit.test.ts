// The audit chain detects any edit, removal or reordering and names the first broken entry.
import { describe, expect, it } from 'vitest';
import { sealAuditEntry, verifyAuditChain } from '../../../src/core/model';
import type { AuditEntry } from '../../../src/core/model';

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push(sealAuditEntry({ at: `2026-01-01T00:00:0${i}.000Z`, actor: 'mina', projectId: 'prj_1', entity: 'party', entityId: `pty_${i}`, action: 'create', before: null, after: { name: `P${i}` } }, out.at(-1)));
  }
  return out;
}

describe('audit chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyAuditChain(chain(5))).toEqual({ ok: true, checked: 5 });
  });
  it('pinpoints an edited entry', () => {
    const c = chain(5);
    c[2] = { ...c[2]!, after: { name: 'changed' } };
    expect(verifyAuditChain(c)).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: expect.stringMatching(/changed/) } });
  });
  it('pinpoints a removed entry', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verifyAuditChain(c)).toMatchObject({ ok: false, firstBroken: { seq: 3 } });
  });
  it('pinpoints an entry re-hashed after editing, through the broken link to it', () => {
    const c = chain(4);
    const { hash: _h, ...rest } = { ...c[1]!, actor: 'mallory' };
    c[1] = sealAuditEntry(rest, c[0]);
    expect(verifyAuditChain(c)).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: expect.stringMatching(/link/) } });
  });
});

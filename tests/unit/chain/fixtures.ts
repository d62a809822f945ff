// Small hand-written chains for the chain tests, plus the demo project from assets/samples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkSchema, parseProjectSnapshot, partySchema } from '../../../src/core/model';
import type { Link, Party, PartyKind, ProjectSnapshot, Relation } from '../../../src/core/model';
import { REPO_ROOT } from '../../support/shared';

const T = '2026-01-01T00:00:00.000Z';

export function party(id: string, kind: PartyKind = 'organization', extra: Partial<Party> = {}): Party {
  return partySchema.parse({ id, projectId: 'p', kind, name: extra.name ?? id, createdAt: T, updatedAt: T, ...extra });
}

export function link(id: string, relation: Relation, from: string, to: string, extra: Partial<Link> = {}): Link {
  return linkSchema.parse({ id, projectId: 'p', relation, from, to, createdAt: T, updatedAt: T, ...extra });
}

export function demoSnapshot(): ProjectSnapshot {
  const parsed = parseProjectSnapshot(JSON.parse(readFileSync(join(REPO_ROOT, 'assets/samples/stadium-demo.json'), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.snapshot;
}

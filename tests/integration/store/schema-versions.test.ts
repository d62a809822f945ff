// Guards on the list of schema versions: released blocks never change, versions count up one at a
// time, and every version after the first comes with its own upgrade test (upgrade-vN.test.ts here),
// so adding version 3 without a test that upgrades real version-2 data fails CI.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '../../../src/store';
import { REPO_ROOT } from '../../support/shared';

/** The stores of every released version, as shipped. Append a line when a version is released; never edit one. */
const RELEASED: Record<number, Record<string, string | null>> = {
  1: {
    projects: 'id, name', parties: 'id, projectId, [projectId+ref], name, kind', links: 'id, projectId, from, to, relation',
    evidence: 'id, projectId', blobs: 'id', audit: 'seq, projectId, at', settings: 'key',
  },
  2: {
    questionnaires: 'id, projectId, partyId', overrides: 'id, projectId, partyId', hits: 'id, projectId, partyId, status',
    lists: 'id', attestations: 'id, projectId, partyId', backups: 'id, createdAt',
  },
};

describe('schema versions', () => {
  it('count up from 1 without gaps', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_v, i) => i + 1));
  });

  it('keep every released version block exactly as shipped', () => {
    for (const [version, stores] of Object.entries(RELEASED)) {
      expect(SCHEMA_VERSIONS.find((v) => v.version === Number(version))?.stores, `version ${version}`).toEqual(stores);
    }
  });

  it('each have an upgrade test from the version before', () => {
    for (const v of SCHEMA_VERSIONS.filter((x) => x.version > 1)) {
      expect(existsSync(`${REPO_ROOT}/tests/integration/store/upgrade-v${v.version}.test.ts`), `tests/integration/store/upgrade-v${v.version}.test.ts`).toBe(true);
    }
  });
});

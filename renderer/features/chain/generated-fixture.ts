/**
 * Generated chains for benchmarks and screenshots, out of the user's way: opening
 * `#/chain?project=prj_fixture_<n>&fixture=<n>` on a project that does not exist writes a generated
 * chain of n parties and 2n links under that id (src/core/chain/generate.ts). No menu leads here and
 * the desktop app cannot be given a URL, so people only ever see their own projects.
 */
import type { Repository } from '../../../src/core/services/repository';
import { emptySnapshot } from '../../../src/core/model';
import { generateChain } from '../../../src/core/chain/generate';

const FIXTURE_ID = /^prj_fixture_(\d{1,5})$/;

/** True when the route asks for a generated chain that may be written. */
export function isFixtureRequest(projectId: string, params: Readonly<Record<string, string>>): boolean {
  const m = FIXTURE_ID.exec(projectId);
  return m !== null && params.fixture === m[1] && Number(m[1]) >= 2 && Number(m[1]) <= 20_000;
}

/** Writes the generated chain unless the project already exists. */
export async function ensureFixture(repo: Repository, projectId: string): Promise<void> {
  if (await repo.getProject(projectId)) return;
  const size = Number(FIXTURE_ID.exec(projectId)![1]);
  const chain = generateChain(size, size * 2, 7, projectId);
  await repo.saveSnapshot({ ...emptySnapshot(chain.project), parties: chain.parties, links: chain.links }, new Map(), 'generated chain for a benchmark');
}

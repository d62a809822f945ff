// Opens the embedded demo project (a fictional stadium chain) into the local database. The demo is
// loaded on demand so it does not weigh on the app's start.
import { parseProjectSnapshot } from '../../../src/core/model';
import type { Repository } from '../../../src/core/services/repository';

/** The demo project's fixed id (assets/samples/stadium-demo.json). */
export const DEMO_PROJECT_ID = 'prj_demo';

/** Writes the demo project (replacing an earlier copy of it) and returns its id. */
export async function openDemoProject(repo: Repository): Promise<string> {
  const demo = (await import('../../../assets/samples/stadium-demo.json')).default as unknown;
  const parsed = parseProjectSnapshot(demo);
  if (!parsed.ok) throw new Error(`The embedded demo project is damaged: ${parsed.problems.join('; ')}`);
  await repo.saveSnapshot(parsed.snapshot, new Map(), 'opened the demo project');
  return parsed.snapshot.project.id;
}

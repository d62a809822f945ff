/**
 * Collects a report's input from the app's database: the project snapshot, the sanctions lists its
 * hits came from (stored lists, or the bundled snapshot's), the whole audit log (its chain is
 * verified whole) and the risk model, then scores the project with the risk engine.
 */
import type { Repository } from '../../../src/core/services/repository';
import { assembleReportInput } from '../../../src/core/report';
import type { ReportInput, ReportOptions } from '../../../src/core/report';
import { loadLists } from '../../../src/core/services';
import type { ScreeningList } from '../../../src/core/screening';
import { loadBundledLists } from './report-assets';

export async function gatherReportInput(repo: Repository, projectId: string, options: ReportOptions): Promise<ReportInput> {
  const [snapshot, stored, auditLog] = await Promise.all([repo.loadSnapshot(projectId), loadLists(repo), repo.auditLog()]);
  const lists: ScreeningList[] = [...stored.lists];
  // Hits made against the bundled snapshot name its lists; report those too, so their dates and hashes print.
  const named = new Set(snapshot.hits.map((h) => h.listId));
  if ([...named].some((id) => !lists.some((l) => l.id === id))) {
    for (const l of await loadBundledLists()) if (named.has(l.id) && !lists.some((x) => x.id === l.id)) lists.push(l);
  }
  return assembleReportInput({ snapshot, lists, auditLog, options });
}

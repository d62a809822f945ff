/**
 * The Screening screen: run all (every party, alias and owner against the stored lists, in a Web
 * Worker with a progress bar), the review queue of hits, the side-by-side review of the chosen hit,
 * and the list manager. "Lists as of <date>" is always in view.
 */
import { useMemo, useState } from 'react';
import type { ScreeningHit } from '../../../src/core/model';
import { listHits, listsAsOf, loadLists, loadScreeningPolicy, screenAndSaveProject } from '../../../src/core/services';
import type { HitExplanation, ScreeningList } from '../../../src/core/screening';
import type { RouteProps } from '../../app/route-props';
import { useScreener, useServices } from '../../app/services-context';
import { useLive } from '../../app/use-live';
import { Badge, Button, EmptyState, Notice, PageHeader } from '../../components/ui';
import { HitReview, statusTone } from './HitReview';
import { ListManager } from './ListManager';
import './screening.css';

type Filter = 'open' | 'confirmed' | 'dismissed' | 'all';
const ORDER: Record<string, number> = { open: 0, confirmed: 1, dismissed: 2 };

export function ScreeningView({ projectId }: RouteProps) {
  const { repo } = useServices();
  const screener = useScreener();
  const [tab, setTab] = useState<'queue' | 'lists'>('queue');
  const [filter, setFilter] = useState<Filter>('open');
  const [selected, setSelected] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);


  const stored = useLive(() => loadLists(repo), []);
  const lists = stored?.lists;
  const parties = useLive(() => (projectId ? repo.listParties(projectId) : Promise.resolve([])), [projectId]);
  const hits = useLive(() => (projectId ? listHits(repo, projectId) : Promise.resolve([])), [projectId]);
  const policy = useLive(() => loadScreeningPolicy(repo), []);
  const partyById = useMemo(() => new Map((parties ?? []).map((p) => [p.id, p])), [parties]);
  const shown = useMemo(() => (hits ?? [])
    .filter((h) => filter === 'all' || h.status === filter)
    .sort((a, b) => ORDER[a.status]! - ORDER[b.status]! || b.score - a.score || a.id.localeCompare(b.id)), [hits, filter]);
  const current = (hits ?? []).find((h) => h.id === selected) ?? shown[0];

  const run = async (useLists: readonly ScreeningList[] | undefined = lists) => {
    if (!projectId || !useLists) return;
    setNote(null);
    setProgress({ done: 0, total: 1 });
    try {
      const { policy: current } = await loadScreeningPolicy(repo);
      const counts = await screenAndSaveProject(repo, projectId, { lists: useLists, policy: current, screener, onProgress: (done, total) => setProgress({ done, total }) });
      setNote({ ok: true, text: `Screened ${counts.queries} names: ${counts.created} new hits, ${counts.reopened} reopened, ${counts.updated} updated, ${counts.kept} unchanged, ${counts.removed} no longer matching.` });
    } catch (error) {
      setNote({ ok: false, text: `Screening failed: ${(error as Error).message}` });
    } finally {
      setProgress(null);
    }
  };

  const findEntry = (hit: ScreeningHit) => {
    const list = lists?.find((l) => l.id === hit.listId) ?? lists?.find((l) => l.name === hit.listSource);
    return { list, entry: list?.entries.find((e) => e.ref === hit.entryRef) };
  };
  const asOf = lists ? listsAsOf(lists) : '';
  const counts = { open: 0, confirmed: 0, dismissed: 0, all: hits?.length ?? 0 };
  for (const h of hits ?? []) counts[h.status]++;

  if (!projectId) return <div className="page"><EmptyState title="Open a project first">Screening checks the parties of one project.</EmptyState></div>;
  return (
    <div className="page screening">
      <PageHeader
        title="Screening"
        subtitle={<>Every party, alias and owner against {lists ? lists.map((l) => l.name).join(', ') || 'no lists' : '…'} · <strong className="as-of">Lists as of {asOf || 'unknown date'}</strong>{lists && lists.length > 1 ? <span className="small"> ({lists.map((l) => `${l.name} ${l.publishedAt || 'undated'}`).join(', ')})</span> : null}{policy ? <span className="small" data-testid="screening-policy"> · match at {policy.policy.threshold.toFixed(2)} or more, review from {policy.policy.reviewFloor.toFixed(2)}</span> : null}</>}
        actions={<>
          <Button variant={tab === 'queue' ? 'secondary' : 'ghost'} onClick={() => setTab('queue')}>Review queue</Button>
          <Button variant={tab === 'lists' ? 'secondary' : 'ghost'} onClick={() => setTab('lists')}>Lists ({lists?.length ?? 0})</Button>
          <Button variant="primary" disabled={!lists || lists.length === 0 || progress !== null} onClick={() => void run()}>Run screening</Button>
        </>}
      />
      {stored?.problems.map((p) => <Notice key={p} kind="warning">{p}</Notice>)}
      {policy?.errors.map((p) => <Notice key={p} kind="warning">The stored screening policy is invalid ({p}); the shipped policy is used.</Notice>)}
      {progress ? (
        <div className="progress" role="progressbar" aria-label="Screening progress" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done}>
          <div className="progress-bar" style={{ width: `${Math.round((100 * progress.done) / Math.max(1, progress.total))}%` }} />
          <span className="small">Screening {progress.done} of {progress.total} names…</span>
        </div>
      ) : null}
      {note ? <Notice kind={note.ok ? 'success' : 'error'}>{note.text}</Notice> : null}
      {tab === 'lists' ? (
        <ListManager lists={lists ?? []} onImported={(list) => {
          setTab('queue');
          void loadLists(repo).then(({ lists: fresh }) => run(fresh.some((l) => l.id === list.id) ? fresh : [...fresh, list]));
        }} />
      ) : (
        <div className="screening-split">
          <aside className="hit-queue" aria-label="Review queue">
            <div className="queue-filters" role="tablist">
              {(['open', 'confirmed', 'dismissed', 'all'] as const).map((f) => (
                <button key={f} type="button" role="tab" aria-selected={filter === f} className={`chip${filter === f ? ' chip-on' : ''}`} onClick={() => setFilter(f)}>{f[0]!.toUpperCase() + f.slice(1)} ({counts[f]})</button>
              ))}
            </div>
            {hits && hits.length === 0 ? <EmptyState title="No hits yet">Run screening to check every name in this project.</EmptyState> : null}
            <ul className="hit-list">
              {shown.map((h) => {
                const e = h.explanation as HitExplanation;
                return (
                  <li key={h.id}>
                    <button type="button" className={`hit-row${current?.id === h.id ? ' hit-row-on' : ''}`} onClick={() => setSelected(h.id)} aria-current={current?.id === h.id}>
                      <span className="hit-party">{partyById.get(h.partyId)?.name ?? 'Deleted party'}</span>
                      <span className="hit-entry small">{h.entryName} · {h.listSource} {h.entryRef}</span>
                      <span className="hit-meta">
                        <Badge tone={statusTone(h)}>{h.status === 'open' ? (e.band === 'match' ? 'match' : 'review') : h.status}</Badge>
                        <span className="num small">{h.score.toFixed(2)}</span>
                        {e.via === 'owner' ? <span className="small muted">via owner</span> : null}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </aside>
          <section className="hit-detail">
            {current ? <HitReview key={current.id} hit={current} party={partyById.get(current.partyId)} {...findEntry(current)} /> : <EmptyState title="Nothing to review">Choose a hit in the queue.</EmptyState>}
          </section>
        </div>
      )}
    </div>
  );
}

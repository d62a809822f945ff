/**
 * Parties: every organization, person, crew and bank in the project, searchable in any script, with
 * a detail pane to edit a party, its workforce facts and its links. Deleting a party asks what
 * happens to its links, so nothing is left dangling.
 */
import { useMemo, useState } from 'react';
import type { RouteProps } from '../../app/route-props';
import { useServices } from '../../app/services-context';
import { useLive } from '../../app/use-live';
import { useNavigation } from '../../app/navigation';
import { labelOf } from '../../../src/core/model';
import type { FieldError, Party } from '../../../src/core/model';
import { ValidationError } from '../../../src/core/services/repository';
import { Badge, Button, Dialog, EmptyState, Notice, PageHeader } from '../../components/ui';
import { countryLabel } from '../../components/CountrySelect';
import { PartyForm } from './PartyForm';
import { PartyDetail } from './PartyDetail';
import { foldForSearch } from './search';
import { RiskBadge } from '../risk/RiskBadge';
import { useProjectRisk } from '../risk/use-project-risk';

export function PartiesView({ projectId }: RouteProps) {
  const { repo } = useServices();
  const [location, navigate] = useNavigation();
  const parties = useLive(() => repo.listParties(projectId!), [projectId]);
  const risk = useProjectRisk(projectId);
  const riskOf = useMemo(() => new Map((risk?.result.parties ?? []).map((r) => [r.partyId, r])), [risk]);
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const selectedId = location.params.party ?? null;
  const select = (id: string | null) => navigate({ route: 'parties', params: id ? { party: id } : {} });

  const filtered = useMemo(() => {
    const q = foldForSearch(query);
    if (!parties || !q) return parties ?? [];
    return parties.filter((p) => [p.name, p.ref, ...p.aliases].some((n) => foldForSearch(n).includes(q)));
  }, [parties, query]);
  const selected = parties?.find((p) => p.id === selectedId) ?? null;

  const guard = async (fn: () => Promise<unknown>): Promise<FieldError[] | undefined> => {
    try {
      await fn();
      setError(null);
      return undefined;
    } catch (e) {
      if (e instanceof ValidationError) return e.errors;
      setError((e as Error).message);
      return [];
    }
  };

  if (!projectId) return null;
  return (
    <div className="page page-split">
      <section className="pane pane-list" aria-label="Party list">
        <PageHeader
          title="Parties"
          subtitle={parties ? `${parties.length} in this project` : undefined}
          actions={<Button variant="primary" onClick={() => setAdding(true)}>Add party</Button>}
        />
        <input className="search" type="search" placeholder="Search names and aliases in any script" aria-label="Search parties" value={query} onChange={(e) => setQuery(e.target.value)} dir="auto" />
        {parties && parties.length === 0 ? (
          <EmptyState title="No parties yet" action={<Button variant="primary" onClick={() => setAdding(true)}>Add the first party</Button>}>
            Start with the client and the general contractor, then work down the chain.
          </EmptyState>
        ) : (
          <ul className="party-list">
            {filtered.map((p) => (
              <li key={p.id}>
                <button type="button" className={`party-row${p.id === selectedId ? ' selected' : ''}`} onClick={() => select(p.id)}>
                  <span className="party-name" dir="auto">{p.name}</span>
                  <span className="party-meta">
                    <Badge>{labelOf(p.kind)}</Badge>
                    {p.country ? <span className="muted small">{countryLabel(p.country)}</span> : null}
                    {p.isClient ? <Badge tone="info">client</Badge> : null}
                    {riskOf.get(p.id) ? <RiskBadge level={riskOf.get(p.id)!.exposure.level} insufficient={riskOf.get(p.id)!.insufficient} /> : null}
                  </span>
                </button>
              </li>
            ))}
            {filtered.length === 0 && parties?.length ? <li className="muted pad">No party matches “{query}”.</li> : null}
          </ul>
        )}
      </section>
      <section className="pane pane-detail" aria-label="Party details">
        {error ? <Notice kind="error">{error}</Notice> : null}
        {selected && parties ? (
          <PartyDetail key={selected.id} party={selected} parties={parties} guard={guard} onDeleted={() => select(null)} risk={riskOf.get(selected.id)} onExplain={() => navigate({ route: 'risk', params: { party: selected.id } })} />
        ) : (
          <EmptyState title="Select a party">Choose a party on the left to see and edit its details, workforce facts and links.</EmptyState>
        )}
      </section>
      <Dialog title="Add party" open={adding} onClose={() => setAdding(false)} wide>
        <PartyForm
          submitLabel="Add party"
          onCancel={() => setAdding(false)}
          onSubmit={(input) => guard(async () => {
            const p = await repo.createParty(projectId, input);
            setAdding(false);
            select(p.id);
          })}
        />
      </Dialog>
    </div>
  );
}

export type { Party };

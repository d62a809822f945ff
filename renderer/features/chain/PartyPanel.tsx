/**
 * The side panel for the selected party: who it is, its structural warnings, paths (contract,
 * payment, where its money goes), the edits the map offers (add a subcontractor, labour supplier,
 * crew or payee; edit; delete), its links, workforce facts, evidence and questionnaire.
 */
import { useState } from 'react';
import { labelOf } from '../../../src/core/model';
import type { Link, Party } from '../../../src/core/model';
import { describePath } from '../../../src/core/chain/paths';
import type { ChainPath } from '../../../src/core/chain/paths';
import { Badge, Button } from '../../components/ui';
import { countryLabel } from '../../components/CountrySelect';
import { WorkforceFactsList } from '../../components/WorkforceFactsList';
import { AttachEvidence } from '../evidence/AttachEvidence';
import { EvidenceList } from '../evidence/EvidenceList';
import type { ChainModel } from './use-chain-model';
import { RiskBadge } from '../risk/RiskBadge';
import { QuestionnaireForm } from '../risk/QuestionnaireForm';
import type { ProjectRisk } from '../risk/use-project-risk';
import { AttestationSection } from '../reports/AttestationSection';

export type PathMode = 'contract' | 'payment' | 'money';
export type AddRole = 'subcontractor' | 'labour-supplier' | 'crew' | 'payee';

export interface PathResult {
  readonly mode: PathMode;
  readonly partyId: string;
  readonly paths: readonly ChainPath[];
  readonly truncated: boolean;
  readonly count: number;
  /** Everything on some path, for the map's highlight. */
  readonly partyIds: ReadonlySet<string>;
  readonly linkIds: ReadonlySet<string>;
}

const ADD_LABELS: Record<AddRole, string> = {
  subcontractor: 'Add subcontractor', 'labour-supplier': 'Add labour supplier', crew: 'Add crew', payee: 'Add payee',
};

export function PartyPanel({ model, party, risk, pathResult, onPaths, onAdd, onEdit, onDelete, onSelectParty, onSelectLink, onDeleteLink }: {
  model: ChainModel;
  party: Party;
  risk: ProjectRisk | undefined;
  pathResult: PathResult | null;
  onPaths: (mode: PathMode | null) => void;
  onAdd: (role: AddRole) => void;
  onEdit: () => void;
  onDelete: () => void;
  onSelectParty: (id: string) => void;
  onSelectLink: (id: string) => void;
  onDeleteLink: (link: Link) => void;
}) {
  const [attaching, setAttaching] = useState(false);
  const tier = model.tiers.get(party.id);
  const warnings = model.warnings.filter((w) => w.partyIds.includes(party.id));
  const links = model.links.filter((l) => l.from === party.id || l.to === party.id);
  const evidence = model.evidence.filter((e) => e.subject.type === 'party' && e.subject.id === party.id);
  const name = (id: string) => model.graph.parties.get(id)?.name ?? '(missing party)';
  const w = party.workforce;
  const mode = pathResult?.partyId === party.id ? pathResult.mode : null;
  const partyRisk = risk?.result.parties.find((p) => p.partyId === party.id);
  const inSnapshot = risk?.snapshot.parties.some((p) => p.id === party.id) ?? false;

  return (
    <article className="chain-panel" aria-label={`Party ${party.name}`}>
      <header>
        <h2 dir="auto">{party.name}</h2>
        <p className="muted small">
          {labelOf(party.kind)} · {party.country ? countryLabel(party.country) : <span className="gap">country unknown</span>}
          {' · '}{tier !== undefined ? `tier ${tier}` : 'outside the tiers'}
          {party.isClient ? <> · <Badge tone="info">client</Badge></> : null}
        </p>
        {partyRisk ? <p><RiskBadge level={partyRisk.exposure.level} score={partyRisk.exposure.score} prefix="Risk" /></p> : null}
        {party.aliases.length ? <p className="small">{party.aliases.map((a) => <span key={a} className="alias" dir="auto">{a}</span>)}</p> : null}
      </header>

      <div className="panel-actions" role="group" aria-label="Edit the chain here">
        {party.kind !== 'workforce' ? (
          <>
            <Button onClick={() => onAdd('subcontractor')}>{ADD_LABELS.subcontractor}</Button>
            <Button onClick={() => onAdd('labour-supplier')}>{ADD_LABELS['labour-supplier']}</Button>
            <Button onClick={() => onAdd('crew')}>{ADD_LABELS.crew}</Button>
          </>
        ) : null}
        <Button onClick={() => onAdd('payee')}>{ADD_LABELS.payee}</Button>
        <Button onClick={onEdit}>Edit</Button>
        <Button variant="danger" onClick={onDelete}>Delete</Button>
      </div>

      {warnings.length ? (
        <section className="section">
          {warnings.map((wn) => <div key={wn.code + wn.linkIds.join()} className={`warning-item sev-${wn.severity}`}><strong>{wn.title}</strong><p className="small">{wn.message}</p></div>)}
        </section>
      ) : null}

      <section className="section" aria-label="Paths">
        <h3>Paths</h3>
        <div className="panel-actions">
          <Button variant={mode === 'contract' ? 'primary' : 'secondary'} onClick={() => onPaths(mode === 'contract' ? null : 'contract')}>Contract paths</Button>
          <Button variant={mode === 'payment' ? 'primary' : 'secondary'} onClick={() => onPaths(mode === 'payment' ? null : 'payment')}>Payment paths</Button>
          <Button variant={mode === 'money' ? 'primary' : 'secondary'} onClick={() => onPaths(mode === 'money' ? null : 'money')}>Where its money goes</Button>
        </div>
        {mode && pathResult ? (
          <div className="path-result" data-testid="path-result">
            <p className="small muted">
              {pathResult.count === 0
                ? mode === 'contract' ? 'No contract path from the client reaches this party.' : mode === 'payment' ? 'No recorded payment reaches this party.' : 'No recorded payment or account leaves this party.'
                : mode === 'money'
                  ? `Its money can reach ${pathResult.count} part${pathResult.count === 1 ? 'y' : 'ies'}:`
                  : `${pathResult.count}${pathResult.truncated ? '+' : ''} path${pathResult.count === 1 ? '' : 's'}, highlighted on the map:`}
            </p>
            <ol className="path-list">
              {pathResult.paths.slice(0, 30).map((p) => <li key={[p.start, ...p.hops.map((h) => h.linkId)].join('>')} dir="auto">{describePath(model.graph, p)}</li>)}
            </ol>
            {pathResult.paths.length > 30 ? <p className="small muted">…and {pathResult.paths.length - 30} more.</p> : null}
          </div>
        ) : null}
      </section>

      <section className="section" aria-label="Links">
        <h3>Links ({links.length})</h3>
        {links.length === 0 ? <p className="muted small">Not linked to anyone yet. Draw a link from this card's bottom handle to another card, or add a party above.</p> : (
          <ul className="panel-links">
            {links.map((l) => (
              <li key={l.id}>
                <button type="button" className="link-btn" onClick={() => onSelectLink(l.id)}>
                  {l.from === party.id ? <>{labelOf(l.relation)} <span dir="auto">{name(l.to)}</span></> : <><span dir="auto">{name(l.from)}</span> {labelOf(l.relation)} this party</>}
                  {l.channel && l.channel !== 'bank_transfer' ? <> · <Badge tone="medium">{labelOf(l.channel)}</Badge></> : null}
                </button>
                <Button variant="ghost" onClick={() => onSelectParty(l.from === party.id ? l.to : l.from)} aria-label="Go to the other party">→</Button>
                <Button variant="ghost" onClick={() => onDeleteLink(l)} aria-label={`Delete link ${labelOf(l.relation)} ${l.from === party.id ? name(l.to) : name(l.from)}`}>Delete</Button>
              </li>
            ))}
          </ul>
        )}
      </section>

      {w ? (
        <section className="section" aria-label="Workforce facts">
          <h3>Workforce facts</h3>
          <WorkforceFactsList facts={w} />
        </section>
      ) : null}

      <section className="section" aria-label="Evidence">
        <div className="section-head">
          <h3>Evidence ({evidence.length})</h3>
          {!attaching ? <Button onClick={() => setAttaching(true)}>Attach file</Button> : null}
        </div>
        {attaching ? <AttachEvidence projectId={party.projectId} subject={{ type: 'party', id: party.id }} subjectName={party.name} onDone={() => setAttaching(false)} onCancel={() => setAttaching(false)} /> : null}
        <EvidenceList items={evidence} />
      </section>

      <section className="section" aria-label="Questionnaire">
        {risk && inSnapshot ? <QuestionnaireForm key={`${party.id}:${risk.snapshot.questionnaires.length}`} snapshot={risk.snapshot} partyId={party.id} /> : <p className="muted small">Loading the questions…</p>}
      </section>
      <AttestationSection party={party} />
    </article>
  );
}


/**
 * One party in full: its facts, its workforce facts, and its links in both directions, with edit,
 * delete (deleting or reassigning its links) and add-link actions.
 */
import { useState } from 'react';
import { useServices } from '../../app/services-context';
import { useLive } from '../../app/use-live';
import { labelOf } from '../../../src/core/model';
import type { FieldError, Link, Party } from '../../../src/core/model';
import { Badge, Button, Dialog, SelectField } from '../../components/ui';
import { countryLabel } from '../../components/CountrySelect';
import { PartyForm } from './PartyForm';
import { LinkForm } from './LinkForm';
import { WorkforceFactsList } from '../../components/WorkforceFactsList';
import { RiskBadge } from '../risk/RiskBadge';
import type { PartyRisk } from '../../../src/core/risk';

type Guard = (fn: () => Promise<unknown>) => Promise<FieldError[] | undefined>;

export function PartyDetail({ party, parties, guard, onDeleted, risk, onExplain }: { party: Party; parties: readonly Party[]; guard: Guard; onDeleted: () => void; risk?: PartyRisk | undefined; onExplain: () => void }) {
  const { repo } = useServices();
  const links = useLive(() => repo.listLinks(party.projectId), [party.projectId]);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [linkDraft, setLinkDraft] = useState<Partial<Link> | null>(null);
  const [reassignTo, setReassignTo] = useState('');
  const byId = new Map(parties.map((p) => [p.id, p]));
  const outgoing = links?.filter((l) => l.from === party.id) ?? [];
  const incoming = links?.filter((l) => l.to === party.id) ?? [];
  const w = party.workforce;

  return (
    <article className="detail">
      <header className="detail-header">
        <div>
          <h2 dir="auto">{party.name}</h2>
          <p className="muted">
            {labelOf(party.kind)}
            {party.ref ? ` · ${party.ref}` : ''}
            {party.country ? ` · ${countryLabel(party.country)}` : ''}
            {party.sector ? ` · ${party.sector}` : ''}
          </p>
          {risk ? (
            <p className="risk-line">
              <RiskBadge prefix="Own risk" level={risk.inherent.level} score={Math.round(risk.inherent.score)} />
              <RiskBadge prefix="Exposure" level={risk.exposure.level} score={Math.round(risk.exposure.score)} insufficient={risk.insufficient} />
              <Button variant="ghost" onClick={onExplain}>Why?</Button>
            </p>
          ) : null}
        </div>
        <div className="page-actions">
          <Button onClick={() => setEditing(true)}>Edit</Button>
          <Button variant="danger" onClick={() => setDeleting(true)}>Delete</Button>
        </div>
      </header>
      <dl className="facts">
        {party.aliases.length ? <><dt>Aliases</dt><dd>{party.aliases.map((a) => <span key={a} className="alias" dir="auto">{a}</span>)}</dd></> : null}
        {party.registrationNumber ? <><dt>Registration</dt><dd>{party.registrationNumber}</dd></> : null}
        {party.address ? <><dt>Address</dt><dd dir="auto">{party.address}</dd></> : null}
        {party.notes ? <><dt>Notes</dt><dd className="prewrap" dir="auto">{party.notes}</dd></> : null}
      </dl>
      {w ? (
        <section className="section">
          <h3>Workforce facts</h3>
          <WorkforceFactsList facts={w} />
        </section>
      ) : null}
      <section className="section">
        <div className="section-head">
          <h3>Links</h3>
          <Button onClick={() => setLinkDraft({ from: party.id, relation: 'subcontracts' })}>Add link</Button>
        </div>
        <LinkTable title="From this party" links={outgoing} other={(l) => byId.get(l.to)} onEdit={setLinkDraft} onDelete={(l) => guard(() => repo.deleteLink(l.id))} direction="out" />
        <LinkTable title="To this party" links={incoming} other={(l) => byId.get(l.from)} onEdit={setLinkDraft} onDelete={(l) => guard(() => repo.deleteLink(l.id))} direction="in" />
      </section>

      <Dialog title={`Edit ${party.name}`} open={editing} onClose={() => setEditing(false)} wide>
        <PartyForm initial={party} submitLabel="Save" onCancel={() => setEditing(false)} onSubmit={(input) => guard(async () => {
          await repo.updateParty(party.id, input);
          setEditing(false);
        })} />
      </Dialog>
      <Dialog title={linkDraft?.id ? 'Edit link' : 'Add link'} open={linkDraft !== null} onClose={() => setLinkDraft(null)} wide>
        {linkDraft ? (
          <LinkForm parties={parties} initial={linkDraft} submitLabel={linkDraft.id ? 'Save link' : 'Add link'} onCancel={() => setLinkDraft(null)} onSubmit={(input) => guard(async () => {
            if (linkDraft.id) await repo.updateLink(linkDraft.id, input);
            else await repo.createLink(party.projectId, input);
            setLinkDraft(null);
          })} />
        ) : null}
      </Dialog>
      <Dialog
        title={`Delete ${party.name}`}
        open={deleting}
        onClose={() => setDeleting(false)}
        footer={
          <>
            <Button onClick={() => setDeleting(false)}>Cancel</Button>
            <Button variant="danger" onClick={async () => {
              const problems = await guard(() => repo.deleteParty(party.id, reassignTo ? { links: 'reassign', to: reassignTo } : { links: 'delete' }));
              setDeleting(false);
              if (!problems) onDeleted();
            }}>Delete party</Button>
          </>
        }
      >
        <p>{party.name} has {outgoing.length + incoming.length} link(s). What should happen to them?</p>
        <SelectField
          label="Its links"
          value={reassignTo}
          onChange={(e) => setReassignTo(e.target.value)}
          options={[{ value: '', label: 'Delete them with the party' }, ...parties.filter((p) => p.id !== party.id).map((p) => ({ value: p.id, label: `Move them to ${p.name}` }))]}
        />
        <p className="muted small">Its questionnaire, screening hits and attestation go with it; its evidence stays in the project. The audit log records everything.</p>
      </Dialog>
    </article>
  );
}

function LinkTable({ title, links, other, onEdit, onDelete, direction }: {
  title: string; links: readonly Link[]; other: (l: Link) => Party | undefined; onEdit: (l: Link) => void; onDelete: (l: Link) => void; direction: 'in' | 'out';
}) {
  if (!links.length) return <p className="muted small">{title}: none.</p>;
  return (
    <table className="table compact">
      <caption>{title}</caption>
      <thead>
        <tr><th>Relation</th><th>{direction === 'out' ? 'To' : 'From'}</th><th>Value</th><th>Channel</th><th /></tr>
      </thead>
      <tbody>
        {links.map((l) => (
          <tr key={l.id}>
            <td>{direction === 'out' ? labelOf(l.relation) : `${labelOf(l.relation)} this party`}</td>
            <td dir="auto">{other(l)?.name ?? '?'}</td>
            <td className="num">{l.value !== null ? `${l.value.toLocaleString('en')} ${l.currency}` : l.sharePct !== null ? `${l.sharePct}%` : ''}</td>
            <td>{l.channel ? <Badge tone={l.channel === 'bank_transfer' ? 'neutral' : 'medium'}>{labelOf(l.channel)}</Badge> : ''}</td>
            <td className="row-actions">
              <Button variant="ghost" onClick={() => onEdit(l)}>Edit</Button>
              <Button variant="ghost" onClick={() => onDelete(l)} aria-label="Delete link">Delete</Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

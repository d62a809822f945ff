/** The side panel for a selected link: what it says, its value and channel, its evidence; edit or delete it. */
import { useState } from 'react';
import { labelOf } from '../../../src/core/model';
import type { Link } from '../../../src/core/model';
import { Badge, Button } from '../../components/ui';
import { AttachEvidence } from '../evidence/AttachEvidence';
import { EvidenceList } from '../evidence/EvidenceList';
import type { ChainModel } from './use-chain-model';

export function LinkPanel({ model, link, onEdit, onDelete, onSelectParty }: { model: ChainModel; link: Link; onEdit: () => void; onDelete: () => void; onSelectParty: (id: string) => void }) {
  const [attaching, setAttaching] = useState(false);
  const name = (id: string) => model.graph.parties.get(id)?.name ?? '(missing party)';
  const evidence = model.evidence.filter((e) => e.subject.type === 'link' && e.subject.id === link.id);
  const title = `${name(link.from)} ${labelOf(link.relation)} ${name(link.to)}`;
  return (
    <article className="chain-panel" aria-label="Link">
      <header>
        <h2 className="small-h">
          <button type="button" className="link-btn" onClick={() => onSelectParty(link.from)} dir="auto">{name(link.from)}</button>{' '}
          <span className="muted">{labelOf(link.relation)}</span>{' '}
          <button type="button" className="link-btn" onClick={() => onSelectParty(link.to)} dir="auto">{name(link.to)}</button>
        </h2>
      </header>
      <dl className="facts">
        <dt>Value</dt><dd>{link.value !== null ? `${link.value.toLocaleString('en')} ${link.currency}` : <span className="gap">unknown</span>}</dd>
        {link.relation === 'owns' ? <><dt>Share</dt><dd>{link.sharePct !== null ? `${link.sharePct}%` : <span className="gap">unknown</span>}</dd></> : null}
        {link.relation === 'pays' ? <><dt>Channel</dt><dd>{link.channel ? <Badge tone={link.channel === 'bank_transfer' ? 'neutral' : 'medium'}>{labelOf(link.channel)}</Badge> : <span className="gap">unknown</span>}</dd></> : null}
        <dt>Period</dt><dd>{link.startDate || '…'} – {link.endDate || '…'}</dd>
        {link.notes ? <><dt>Notes</dt><dd className="prewrap" dir="auto">{link.notes}</dd></> : null}
      </dl>
      <div className="panel-actions">
        <Button onClick={onEdit}>Edit link</Button>
        <Button variant="danger" onClick={onDelete}>Delete link</Button>
      </div>
      <section className="section" aria-label="Evidence">
        <div className="section-head">
          <h3>Evidence ({evidence.length})</h3>
          {!attaching ? <Button onClick={() => setAttaching(true)}>Attach file</Button> : null}
        </div>
        {attaching ? <AttachEvidence projectId={link.projectId} subject={{ type: 'link', id: link.id }} subjectName={title} onDone={() => setAttaching(false)} onCancel={() => setAttaching(false)} /> : null}
        <EvidenceList items={evidence} />
      </section>
    </article>
  );
}

/**
 * One hit under review: the party and the list entry side by side (all names, addresses, program,
 * remarks, listing date, the list's publication date), the matched parts marked, the matcher's
 * explanation part by part, and confirm or dismiss with a reason.
 */
import { useState } from 'react';
import type { Party, ScreeningHit } from '../../../src/core/model';
import { decideHit } from '../../../src/core/services';
import type { HitExplanation, ListEntry, ScreeningList } from '../../../src/core/screening';
import { useServices } from '../../app/services-context';
import { Badge, Button, Notice, TextAreaField } from '../../components/ui';
import { Highlighted, matchedWords } from './highlight';

const HOW: Record<string, string> = {
  exact: 'same word', synonym: 'Korean word for it', romanization: 'other romanization', phonetic: 'sounds the same',
  typo: 'typing error', initial: 'initial', joined: 'written together', acronym: 'acronym',
};

export function statusTone(hit: ScreeningHit): 'high' | 'low' | 'unknown' | 'medium' {
  if (hit.status === 'confirmed') return 'high';
  if (hit.status === 'dismissed') return 'low';
  return (hit.explanation as HitExplanation).band === 'match' ? 'medium' : 'unknown';
}

export function HitReview({ hit, party, entry, list }: { hit: ScreeningHit; party: Party | undefined; entry: ListEntry | undefined; list: ScreeningList | undefined }) {
  const { repo } = useServices();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const e = hit.explanation as HitExplanation;
  const queryWords = matchedWords(e.parts, 'query');
  const listedWords = matchedWords(e.parts, 'listed');

  const decide = async (status: 'confirmed' | 'dismissed') => {
    if (status === 'dismissed' && !reason.trim()) {
      setError('Give the reason for dismissing: it goes into the audit log and the report.');
      return;
    }
    setBusy(true);
    try {
      await decideHit(repo, hit.id, { status, reason, reviewer: localStorage.getItem('subtier.actor') || 'local user' });
      setReason('');
      setError('');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="detail hit-review">
      <div className="detail-header">
        <div>
          <h2>{party?.name ?? 'Deleted party'} ↔ {hit.entryName}</h2>
          <p className="muted">
            Score {hit.score.toFixed(2)} · {e.band === 'match' ? 'match' : 'possible match for review'} · {hit.listSource} {hit.entryRef}
            {e.via === 'owner' && e.owner ? ` · through its owner ${e.owner.name}${e.owner.sharePct !== null ? ` (${e.owner.sharePct}%)` : ''}` : ''}
          </p>
        </div>
        <Badge tone={statusTone(hit)}>{hit.status === 'open' ? 'Open' : hit.status === 'confirmed' ? 'Confirmed' : 'Dismissed'}</Badge>
      </div>
      {e.reopened ? <Notice kind="warning">Reopened: the list entry changed since it was dismissed ({e.reopened.previousReason || 'no reason given'}, by {e.reopened.previousReviewer || 'unknown'}).</Notice> : null}
      <div className="compare">
        <section className="compare-side" aria-label="Party">
          <h3>Party</h3>
          <dl className="facts">
            <dt>Screened name</dt><dd className="compare-name"><Highlighted text={hit.queryName} words={queryWords} /></dd>
            {party ? (
              <>
                <dt>Name</dt><dd><Highlighted text={party.name} words={queryWords} /></dd>
                <dt>Aliases</dt><dd>{party.aliases.length ? party.aliases.map((a) => <span key={a} className="alias"><Highlighted text={a} words={queryWords} /></span>) : '—'}</dd>
                <dt>Kind</dt><dd>{party.kind}</dd>
                <dt>Country</dt><dd>{party.country || '—'}</dd>
                <dt>Address</dt><dd>{party.address || '—'}</dd>
                <dt>Registration</dt><dd>{party.registrationNumber || '—'}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="compare-side" aria-label="List entry">
          <h3>{hit.listSource} entry {hit.entryRef}</h3>
          {entry ? (
            <dl className="facts">
              <dt>Listed name</dt><dd className="compare-name"><Highlighted text={entry.name} words={listedWords} /></dd>
              <dt>Aliases</dt><dd>{entry.aliases.length ? entry.aliases.map((a) => <span key={a.name} className={`alias${a.name === hit.matchedName ? ' alias-matched' : ''}`} title={a.quality === 'weak' ? 'weak alias' : undefined}><Highlighted text={a.name} words={listedWords} /></span>) : '—'}</dd>
              <dt>Type</dt><dd>{entry.type}</dd>
              <dt>Program</dt><dd>{entry.programs.join(', ') || '—'}</dd>
              <dt>Listed on</dt><dd>{entry.listedOn || 'not given in this list'}</dd>
              <dt>Addresses</dt><dd>{entry.addresses.length ? entry.addresses.map((a) => <div key={a}>{a}</div>) : '—'}</dd>
              <dt>Countries</dt><dd>{entry.countries.join('; ') || '—'}</dd>
              {entry.birthDates.length ? <><dt>Born</dt><dd>{entry.birthDates.join('; ')}</dd></> : null}
              <dt>Remarks</dt><dd className="prewrap small">{entry.remarks || '—'}</dd>
              <dt>List</dt><dd>{list ? `${list.name}, published ${list.publishedAt || 'date unknown'}` : `${hit.listSource} (no longer stored)`}</dd>
            </dl>
          ) : <Notice kind="warning">This entry is not in the stored lists any more. The hit is kept with the names it had.</Notice>}
        </section>
      </div>
      <section className="section" aria-label="Why it matched">
        <h3>Why it matched</h3>
        <table className="table parts">
          <thead><tr><th>Party's word</th><th>Listed word</th><th>How</th><th className="num">Score</th></tr></thead>
          <tbody>
            {e.parts.map((p) => <tr key={`${p.query}|${p.listed}`}><td>{p.query}</td><td>{p.listed}</td><td>{HOW[p.how] ?? p.how}</td><td className="num">{p.score.toFixed(2)}</td></tr>)}
            {e.unmatchedQuery.map((u) => <tr key={`q${u.text}`} className="muted"><td>{u.text}</td><td>—</td><td>only in the party's name ({u.kind})</td><td /></tr>)}
            {e.unmatchedListed.map((u) => <tr key={`l${u.text}`} className="muted"><td>—</td><td>{u.text}</td><td>only in the listed name ({u.kind})</td><td /></tr>)}
          </tbody>
        </table>
        {e.reading ? <p className="muted small">Read as {e.reading}.</p> : null}
        {e.legalForms.query.length || e.legalForms.listed.length ? <p className="muted small">Legal forms set aside: {[...e.legalForms.query, ...e.legalForms.listed].join(', ')}.</p> : null}
        {e.adjustments.length ? <ul className="small muted">{e.adjustments.map((a) => <li key={a}>{a}</li>)}</ul> : null}
        <p className="muted small">Matcher {e.algorithm}; lists as of {e.listPublishedAt || 'unknown'}.</p>
      </section>
      <section className="section" aria-label="Decision">
        <h3>Decision</h3>
        {hit.status !== 'open' ? (
          <p>
            {hit.status === 'confirmed' ? 'Confirmed' : 'Dismissed'} by {hit.reviewer || 'unknown'} on {hit.reviewedAt ? new Date(hit.reviewedAt).toLocaleString('en-GB') : '—'}
            {hit.reason ? <>: <q className="decision-reason">{hit.reason}</q></> : null}
          </p>
        ) : null}
        <TextAreaField label="Reason" value={reason} onChange={(ev) => setReason(ev.target.value)} error={error || undefined}
          hint="Why this is, or is not, the listed party: registration numbers, addresses, dates of birth compared." />
        <div className="form-actions">
          <Button variant="danger" disabled={busy} onClick={() => void decide('confirmed')}>Confirm match</Button>
          <Button variant="secondary" disabled={busy} onClick={() => void decide('dismissed')}>Dismiss</Button>
        </div>
      </section>
    </div>
  );
}

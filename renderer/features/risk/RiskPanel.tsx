/**
 * Why a party scores as it does: its inherent score and exposure, the indicators with their
 * contribution, confidence, evidence and sources, the facts still unknown, the chain paths behind
 * its exposure, hard rules and contradictions, and the auditor's overrides (add or rule out, with a reason).
 */
import { useState } from 'react';
import { useServices } from '../../app/services-context';
import { labelOf } from '../../../src/core/model';
import type { Confidence } from '../../../src/core/model';
import { addIndicatorOverride, ValidationError } from '../../../src/core/services';
import { INDICATORS } from '../../../src/core/risk';
import type { PartyRisk, ProjectRiskResult } from '../../../src/core/risk';
import { Button, Notice, SelectField, TextAreaField } from '../../components/ui';
import { RiskBadge } from './RiskBadge';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function RiskPanel({ party, result, projectId, nameOf, onSelectParty }: {
  party: PartyRisk;
  result: ProjectRiskResult;
  projectId: string;
  nameOf: (id: string) => string;
  onSelectParty: (id: string) => void;
}) {
  return (
    <article className="risk-panel" aria-label={`Risk of ${party.name}`}>
      <header className="risk-head">
        <h2 dir="auto">{party.name}</h2>
        <div className="risk-scores">
          <div><span className="muted small">Own red flags</span><RiskBadge level={party.inherent.level} score={party.inherent.score} /></div>
          <div><span className="muted small">Exposure through the chain</span><RiskBadge level={party.exposure.level} score={party.exposure.score} />
            {party.exposure.via ? <span className="small"> via <button type="button" className="link-btn" onClick={() => onSelectParty(party.exposure.via!)}>{nameOf(party.exposure.via)}</button></span> : null}
          </div>
          <div><span className="muted small">Known facts</span>
            <span className={party.insufficient ? 'gap' : ''} title={`${party.knownFacts} of ${party.totalFacts} facts, weighted by what they settle`}>{pct(party.completeness)}{party.insufficient ? ' · insufficient information' : ''}</span>
          </div>
        </div>
      </header>
      {party.notes.length ? <ul className="risk-notes">{party.notes.map((n) => <li key={n} className={n.startsWith('Contradiction') ? 'contradiction' : n.startsWith('Hard rule') ? 'hard' : ''}>{n}</li>)}</ul> : null}

      <section className="section" aria-label="Indicators">
        <h3>Indicators</h3>
        {party.indicators.length === 0 ? <p className="muted small">No red flag found in the recorded data or answers.</p> : (
          <table className="table risk-table">
            <thead><tr><th>Indicator</th><th>Confidence</th><th>Points</th><th>Evidence</th><th>Sources</th></tr></thead>
            <tbody>
              {party.indicators.map((i) => (
                <tr key={i.id}>
                  <td><strong>{i.code}</strong> {i.title}{i.addedByAuditor ? <span className="muted small"> (auditor)</span> : null}</td>
                  <td><span className={`conf conf-${i.confidence}`}>{i.confidence}</span>{i.strength < 1 ? <span className="muted small"> ×{i.strength}</span> : null}</td>
                  <td className="num">{i.contribution}</td>
                  <td><ul className="evidence-items">{i.evidence.map((e, k) => <li key={k} dir="auto">{e.text}</li>)}</ul></td>
                  <td className="small">{i.sources.map((s) => <span key={s.id} className="source" title={s.title}>[{s.id}] </span>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {party.gaps.length ? (
        <section className="section" aria-label="Unknown facts">
          <h3>Still unknown <span className="muted small">(unknown is not safe: each keeps part of its indicator's weight)</span></h3>
          <ul className="gap-list">
            {party.gaps.map((g) => <li key={g.indicatorId}><span className="gap">{g.unknownFacts.map((f) => f.label).join(', ')}</span> <span className="muted small">→ {g.title}, {g.contribution} pts</span></li>)}
          </ul>
        </section>
      ) : null}

      <section className="section" aria-label="Exposure paths">
        <h3>Paths behind the exposure</h3>
        {party.paths.length === 0 ? <p className="muted small">Nothing below this party or where its money goes adds to its risk.</p> : (
          <ol className="path-list">
            {party.paths.map((p) => (
              <li key={p.ids.join('>')}>
                {p.ids.map((id, k) => (
                  <span key={id}>{k > 0 ? <span className="muted"> {labelOf(p.relations[k - 1]!)} </span> : null}
                    {k === 0 ? <strong dir="auto">{nameOf(id)}</strong> : <button type="button" className="link-btn" dir="auto" onClick={() => onSelectParty(id)}>{nameOf(id)}</button>}
                  </span>
                ))}
                <span className="muted small"> · {p.score} pts</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      {party.ruledOut.length ? (
        <section className="section" aria-label="Ruled out">
          <h3>Ruled out by the auditor</h3>
          <ul className="gap-list">{party.ruledOut.map((r) => <li key={r.indicatorId}>{r.title}: <span className="muted">{r.reason}</span></li>)}</ul>
        </section>
      ) : null}
      <OverrideForm projectId={projectId} partyId={party.partyId} />
      <p className="muted small">Model {result.modelVersion} · weights {result.weightsHash.slice(0, 12)}…</p>
    </article>
  );
}

function OverrideForm({ projectId, partyId }: { projectId: string; partyId: string }) {
  const { repo } = useServices();
  const [indicatorId, setIndicatorId] = useState(INDICATORS[0]!.id);
  const [action, setAction] = useState<'add' | 'remove'>('add');
  const [confidence, setConfidence] = useState<Confidence>('reported');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const save = async () => {
    setError('');
    setSaved('');
    try {
      await addIndicatorOverride(repo, { projectId, partyId, indicatorId, action, confidence, reason, author: localStorage.getItem('subtier.actor') ?? '' });
      setReason('');
      setSaved(`${action === 'add' ? 'Added' : 'Ruled out'}: ${INDICATORS.find((d) => d.id === indicatorId)!.title}.`);
    } catch (e) {
      setError(e instanceof ValidationError ? e.errors.map((i) => i.message).join('; ') : (e as Error).message);
    }
  };
  return (
    <details className="section override-form">
      <summary>Add or rule out an indicator</summary>
      <div className="form-grid">
        <SelectField label="Indicator" value={indicatorId} onChange={(e) => setIndicatorId(e.target.value)} options={INDICATORS.map((d) => ({ value: d.id, label: `${d.code} ${d.title}` }))} />
        <SelectField label="Action" value={action} onChange={(e) => setAction(e.target.value as 'add' | 'remove')} options={[{ value: 'add', label: 'Add: it applies' }, { value: 'remove', label: 'Rule out: it does not apply' }]} />
        <SelectField label="Confidence" value={confidence} onChange={(e) => setConfidence(e.target.value as Confidence)} options={['confirmed', 'reported', 'suspected'].map((c) => ({ value: c, label: c }))} />
        <TextAreaField label="Reason (required, printed in the report)" value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="form-row"><Button variant="primary" onClick={() => void save()} disabled={!reason.trim()}>Save override</Button></div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {saved ? <Notice kind="success">{saved}</Notice> : null}
    </details>
  );
}

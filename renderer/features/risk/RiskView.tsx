/**
 * The risk screen: the project dashboard (rating, distribution by level, completeness, top red
 * flags, the parties that most need attention, every party by exposure) and, for the selected
 * party, why it scores as it does and its questionnaire.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useNavigation } from '../../app/navigation';
import type { RouteProps } from '../../app/route-props';
import { LEVELS, partyRiskById } from '../../../src/core/risk';
import type { PartyRisk, ProjectRiskResult, RiskLevel } from '../../../src/core/risk';
import { EmptyState, PageHeader } from '../../components/ui';
import { QuestionnaireForm } from './QuestionnaireForm';
import { RiskBadge, riskColor } from './RiskBadge';
import { RiskPanel } from './RiskPanel';
import { useProjectRisk } from './use-project-risk';
import './risk.css';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function RiskView({ projectId }: RouteProps) {
  const risk = useProjectRisk(projectId);
  // The selected party lives in the URL, so other screens can link to its explanation.
  const [location, navigate] = useNavigation();
  const selected = location.params.party ?? null;
  const setSelected = useCallback((id: string | null) => navigate({ route: 'risk', params: id ? { party: id } : {} }), [navigate]);
  const names = useMemo(() => new Map((risk?.snapshot.parties ?? []).map((p) => [p.id, p.name])), [risk]);
  const side = useRef<HTMLElement>(null);
  useEffect(() => { side.current?.scrollTo({ top: 0 }); }, [selected]);
  if (!projectId) return <EmptyState title="No project open">Open a project to see its risk.</EmptyState>;
  if (!risk) return <p className="page muted">Scoring…</p>;
  const { result, snapshot } = risk;
  const nameOf = (id: string) => names.get(id) ?? id;
  const party = selected ? partyRiskById(result, selected) : undefined;
  return (
    <div className="risk-page">
      <div className="risk-main pane">
        <PageHeader title="Risk" subtitle={<>How likely it is that money paid in this chain reaches DPRK labour schemes, why, and how sure we are. Model {result.modelVersion}, weights <code>{result.weightsHash.slice(0, 12)}</code>. <span data-testid="risk-screening" data-screening={risk.screening}>{risk.screening === 'none' ? 'Not screened (no lists stored): recorded hits only.' : `${risk.screening === 'pending' ? 'Screening' : 'Screened'} as of ${risk.asOf} against ${risk.lists.map((l) => l.name).join(', ')}: match at ${risk.policy.threshold.toFixed(2)} or more, review from ${risk.policy.reviewFloor.toFixed(2)}${risk.screening === 'pending' ? '; scores use the hits found so far' : ''}.`}</span></>} />
        {risk.problems.map((p) => <p key={p} className="notice notice-warning">{p}</p>)}
        <Dashboard result={result} nameOf={nameOf} onSelect={setSelected} />
        <PartyTable parties={result.parties} selected={selected} onSelect={setSelected} />
      </div>
      <aside className="risk-side" aria-label="Selected party" ref={side}>
        {party ? (
          <>
            <RiskPanel key={party.partyId} party={party} result={result} projectId={snapshot.project.id} nameOf={nameOf} onSelectParty={setSelected} />
            <QuestionnaireForm key={`q-${party.partyId}`} snapshot={snapshot} partyId={party.partyId} />
          </>
        ) : <p className="muted pad">Select a party to see why it scores as it does and to answer its questionnaire.</p>}
      </aside>
    </div>
  );
}

function Dashboard({ result, nameOf, onSelect }: { result: ProjectRiskResult; nameOf: (id: string) => string; onSelect: (id: string) => void }) {
  const p = result.project;
  const total = result.parties.length || 1;
  return (
    <div className="risk-dashboard">
      <section className="card pad risk-rating" aria-label="Project rating" data-level={p.rating}>
        <span className="muted small">Project rating</span>
        <div className="rating-value" style={{ color: riskColor(p.rating) }}>{p.rating.toUpperCase()}</div>
        <div className="small">score {p.score}{p.drivenBy ? <> · driven by <button type="button" className="link-btn" onClick={() => onSelect(p.drivenBy!)}>{nameOf(p.drivenBy)}</button></> : null}</div>
        <div className="small">{pct(p.completeness)} of the facts that matter known{p.insufficient ? <span className="gap"> · insufficient information</span> : null}</div>
      </section>
      <section className="card pad" aria-label="Distribution by level">
        <h3>Parties by exposure</h3>
        <div className="dist-bar" role="img" aria-label={LEVELS.map((l) => `${p.distribution.exposure[l]} ${l}`).join(', ')}>
          {[...LEVELS].reverse().map((l) => p.distribution.exposure[l] ? <span key={l} style={{ width: `${(100 * p.distribution.exposure[l]) / total}%`, background: riskColor(l) }} title={`${p.distribution.exposure[l]} ${l}`} /> : null)}
        </div>
        <ul className="dist-legend">{[...LEVELS].reverse().map((l: RiskLevel) => <li key={l}><RiskBadge level={l} /> {p.distribution.exposure[l]} by exposure · {p.distribution.inherent[l]} own</li>)}</ul>
        <p className="small muted">{p.insufficientParties} part{p.insufficientParties === 1 ? 'y has' : 'ies have'} insufficient information.</p>
      </section>
      <section className="card pad" aria-label="Top red flags">
        <h3>Red flags found</h3>
        {result.topRedFlags.length === 0 ? <p className="muted small">None yet.</p> : (
          <ul className="flag-list">{result.topRedFlags.slice(0, 8).map((f) => <li key={f.indicatorId}><strong>{f.code}</strong> {f.title} <span className="muted small">· {f.parties} part{f.parties === 1 ? 'y' : 'ies'}{f.confirmed ? `, ${f.confirmed} confirmed` : ''}</span></li>)}</ul>
        )}
      </section>
      <section className="card pad" aria-label="Needs attention">
        <h3>Needs attention</h3>
        <ol className="attention-list">
          {result.attention.slice(0, 8).map((id) => {
            const party = partyRiskById(result, id)!;
            return <li key={id}><button type="button" className="link-btn" dir="auto" onClick={() => onSelect(id)}>{party.name}</button> <RiskBadge level={party.inherent.level} score={party.inherent.score} insufficient={party.insufficient} /></li>;
          })}
        </ol>
      </section>
    </div>
  );
}

function PartyTable({ parties, selected, onSelect }: { parties: readonly PartyRisk[]; selected: string | null; onSelect: (id: string) => void }) {
  const sorted = useMemo(() => [...parties].sort((a, b) => b.exposure.score - a.exposure.score || b.inherent.score - a.inherent.score || a.name.localeCompare(b.name)), [parties]);
  return (
    <table className="table risk-parties">
      <caption>All parties, most exposed first</caption>
      <thead><tr><th>Party</th><th>Own red flags</th><th>Exposure</th><th>Known</th><th>Indicators</th></tr></thead>
      <tbody>
        {sorted.map((p) => (
          <tr key={p.partyId} className={p.partyId === selected ? 'selected' : ''} data-party={p.partyId}>
            <td><button type="button" className="link-btn" dir="auto" onClick={() => onSelect(p.partyId)}>{p.name}</button> <span className="muted small">{p.kind}</span></td>
            <td><RiskBadge level={p.inherent.level} score={p.inherent.score} /></td>
            <td><RiskBadge level={p.exposure.level} score={p.exposure.score} /></td>
            <td className={p.insufficient ? 'gap' : ''}>{pct(p.completeness)}</td>
            <td className="small">{p.indicators.slice(0, 4).map((i) => i.code).join(' ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

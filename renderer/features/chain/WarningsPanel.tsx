/**
 * The chain's structural warnings, most severe first, with a legend of the map. Choosing a warning
 * highlights its parties and links on the map. A large chain can have hundreds: the first ones are
 * listed, with a count per kind, and the rest on request.
 */
import { useState } from 'react';
import type { ChainWarning, WarningCode } from '../../../src/core/chain/warnings';
import { CHAIN_ANALYSIS_VERSION } from '../../../src/core/chain/warnings';

const CODE_LABELS: Record<WarningCode, string> = {
  cycle: 'contract cycles', payment_outside_chain: 'payments outside the chain', goes_dark: 'tiers that go dark',
  crew_without_employer: 'crews with no employer', payment_cycle: 'payment cycles', detached: 'detached groups',
  orphan: 'unlinked parties', no_client: 'no client', dangling_link: 'links to missing parties',
};
const PAGE = 40;

export function WarningsPanel({ warnings, active, onPick }: { warnings: readonly ChainWarning[]; active: ChainWarning | null; onPick: (w: ChainWarning | null) => void }) {
  const [shown, setShown] = useState(PAGE);
  const counts = new Map<WarningCode, number>();
  for (const w of warnings) counts.set(w.code, (counts.get(w.code) ?? 0) + 1);
  return (
    <aside className="chain-panel" aria-label="Structural warnings">
      <header>
        <h2>Structural warnings</h2>
        <p className="muted small">{warnings.length === 0 ? 'None: every party is in the chain, every crew has an employer, and no tier goes dark.' : `${warnings.length} found. Select one to see it on the map.`}</p>
      </header>
      {warnings.length > PAGE ? <p className="small">{[...counts].map(([c, n]) => `${n} ${CODE_LABELS[c]}`).join(' · ')}</p> : null}
      <ul className="warning-list">
        {warnings.slice(0, shown).map((w) => {
          const key = `${w.code}:${w.partyIds.join(',')}:${w.linkIds.join(',')}`;
          const isActive = active !== null && `${active.code}:${active.partyIds.join(',')}:${active.linkIds.join(',')}` === key;
          return (
            <li key={key}>
              <button type="button" className={`warning-item sev-${w.severity}${isActive ? ' is-active' : ''}`} onClick={() => onPick(isActive ? null : w)} aria-pressed={isActive}>
                <span className="warning-sev">{w.severity}</span>
                <strong dir="auto">{w.title}</strong>
                <span className="small">{w.message}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {warnings.length > shown ? <button type="button" className="btn btn-ghost" onClick={() => setShown((n) => n + PAGE * 5)}>Show more ({warnings.length - shown} left)</button> : null}
      <section className="section legend" aria-label="Legend">
        <h3>Reading the map</h3>
        <ul className="small">
          <li><span className="legend-line tier" /> work: subcontracts, supplies labour, employs, recruits (arrow points down the chain)</li>
          <li><span className="legend-line money" /> money: pays, banks with, owns</li>
          <li><span className="legend-line opaque" /> payment by cash, via a team leader, a third party or an unknown channel</li>
          <li><span className="legend-swatch kind-organization" /> organization <span className="legend-swatch kind-workforce" /> crew <span className="legend-swatch kind-person" /> person <span className="legend-swatch kind-bank" /> bank</li>
        </ul>
        <p className="muted small">Structural analysis {CHAIN_ANALYSIS_VERSION}.</p>
      </section>
    </aside>
  );
}

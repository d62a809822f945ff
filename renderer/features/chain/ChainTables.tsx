/**
 * The chain as tables: parties and links, virtualized so 2,000 rows scroll smoothly, sortable by
 * any column, filterable by kind, country, tier, risk level and missing data, and searchable across
 * names and aliases in any script. Choosing a row selects the party or link for the side panel.
 */
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { PARTY_KINDS, RELATIONS, labelOf } from '../../../src/core/model';
import type { PartyKind, Relation } from '../../../src/core/model';
import { MISSING_FACTS, MISSING_LABELS, filterLinkRows, filterPartyRows, sortPartyRows } from '../../../src/core/chain/table';
import type { MissingFact, PartySortKey } from '../../../src/core/chain/table';
import { countryLabel } from '../../components/CountrySelect';
import type { ChainModel } from './use-chain-model';

const ROW = 36;

const COLUMNS: { key: PartySortKey; label: string; width: string }[] = [
  { key: 'name', label: 'Name and aliases', width: 'minmax(170px, 3fr)' },
  { key: 'kind', label: 'Kind', width: '92px' },
  { key: 'country', label: 'Country', width: 'minmax(80px, 1fr)' },
  { key: 'tier', label: 'Tier', width: '52px' },
  { key: 'level', label: 'Level', width: '78px' },
  { key: 'links', label: 'Links', width: '54px' },
  { key: 'evidence', label: 'Files', width: '50px' },
  { key: 'missing', label: 'Missing', width: 'minmax(120px, 2fr)' },
];
const TEMPLATE = COLUMNS.map((c) => c.width).join(' ');

export function PartyTable({ model, selectedId, onSelect }: { model: ChainModel; selectedId: string | null; onSelect: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState('');
  const [country, setCountry] = useState('');
  const [tier, setTier] = useState('');
  const [level, setLevel] = useState('');
  const [missing, setMissing] = useState('');
  const [sort, setSort] = useState<{ key: PartySortKey; desc: boolean }>({ key: 'tier', desc: false });
  const deferredQuery = useDeferredValue(query);
  const countries = useMemo(() => [...new Set(model.parties.map((p) => p.country).filter(Boolean))].sort(), [model.parties]);
  const tiers = useMemo(() => [...new Set(model.tiers.values())].sort((a, b) => a - b), [model.tiers]);
  const sorted = useMemo(() => sortPartyRows(model.partyRows, sort.key, sort.desc), [model.partyRows, sort]);
  const rows = useMemo(() => filterPartyRows(sorted, {
    query: deferredQuery,
    kinds: kind ? [kind as PartyKind] : [],
    countries: country ? [country === '-' ? '' : country] : [],
    tiers: tier ? [Number(tier)] : [],
    levels: level ? [level] : [],
    missing: missing ? [missing as MissingFact] : [],
  }), [sorted, deferredQuery, kind, country, tier, level, missing]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 12 });

  return (
    <div className="chain-table-wrap">
      <div className="table-filters" role="search">
        <input className="search" type="search" placeholder="Search names and aliases in any script" aria-label="Search parties" value={query} onChange={(e) => setQuery(e.target.value)} dir="auto" />
        <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">Any kind</option>
          {PARTY_KINDS.map((k) => <option key={k} value={k}>{labelOf(k)}</option>)}
        </select>
        <select aria-label="Country" value={country} onChange={(e) => setCountry(e.target.value)}>
          <option value="">Any country</option>
          <option value="-">Country unknown</option>
          {countries.map((c) => <option key={c} value={c}>{countryLabel(c)}</option>)}
        </select>
        <select aria-label="Tier" value={tier} onChange={(e) => setTier(e.target.value)}>
          <option value="">Any tier</option>
          {tiers.map((t) => <option key={t} value={t}>Tier {t}</option>)}
          <option value="-1">Outside the tiers</option>
        </select>
        <select aria-label="Risk level" value={level} onChange={(e) => setLevel(e.target.value)}>
          <option value="">Any level</option>
          {['critical', 'high', 'medium', 'low', 'unknown'].map((l) => <option key={l} value={l}>{l}</option>)}
        </select>
        <select aria-label="Missing data" value={missing} onChange={(e) => setMissing(e.target.value)}>
          <option value="">Any completeness</option>
          {MISSING_FACTS.map((m) => <option key={m} value={m}>{MISSING_LABELS[m]}</option>)}
        </select>
        <span className="muted small" aria-live="polite" data-testid="party-count">{rows.length} of {model.partyRows.length}</span>
      </div>
      <div className="vtable" role="table" aria-label="Parties" aria-rowcount={rows.length + 1}>
        <div className="vtable-head" role="row" style={{ gridTemplateColumns: TEMPLATE }}>
          {COLUMNS.map((c) => (
            <div key={c.key} role="columnheader" aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
              <button type="button" onClick={() => setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : false }))}>
                {c.label}{sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
              </button>
            </div>
          ))}
        </div>
        <div className="vtable-body" ref={scroller} data-testid="party-table-body">
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((item) => {
              const r = rows[item.index]!;
              const p = r.party;
              return (
                <div
                  key={p.id}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={p.id === selectedId}
                  className={`vtable-row${p.id === selectedId ? ' selected' : ''}`}
                  style={{ gridTemplateColumns: TEMPLATE, transform: `translateY(${item.start}px)`, height: ROW }}
                  onClick={() => onSelect(p.id)}
                  tabIndex={0}
                  onKeyDown={(e) => e.key === 'Enter' && onSelect(p.id)}
                >
                  <div role="cell" className="cell-name"><span dir="auto">{p.name}</span>{p.aliases.length ? <span className="muted small" dir="auto"> · {p.aliases.join(' · ')}</span> : null}</div>
                  <div role="cell">{labelOf(p.kind)}</div>
                  <div role="cell">{p.country ? countryLabel(p.country) : <span className="gap">unknown</span>}</div>
                  <div role="cell" className="num">{r.tier ?? '–'}</div>
                  <div role="cell"><span className={`level-chip level-${r.level}`}>{r.level}</span></div>
                  <div role="cell" className="num">{r.linkCount}</div>
                  <div role="cell" className="num">{r.evidenceCount}</div>
                  <div role="cell" className="small">{r.missing.map((m) => MISSING_LABELS[m]).join(', ')}</div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

const LINK_TEMPLATE = 'minmax(180px, 2fr) 150px minmax(180px, 2fr) 140px 150px 80px';

export function LinkTable({ model, selectedId, onSelect }: { model: ChainModel; selectedId: string | null; onSelect: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const [relation, setRelation] = useState('');
  const deferredQuery = useDeferredValue(query);
  const rows = useMemo(() => filterLinkRows(model.linkRows, { query: deferredQuery, relations: relation ? [relation as Relation] : [] }), [model.linkRows, deferredQuery, relation]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 12 });
  return (
    <div className="chain-table-wrap">
      <div className="table-filters" role="search">
        <input className="search" type="search" placeholder="Search by either party's name or alias" aria-label="Search links" value={query} onChange={(e) => setQuery(e.target.value)} dir="auto" />
        <select aria-label="Relation" value={relation} onChange={(e) => setRelation(e.target.value)}>
          <option value="">Any relation</option>
          {RELATIONS.map((r) => <option key={r} value={r}>{labelOf(r)}</option>)}
        </select>
        <span className="muted small" aria-live="polite">{rows.length} of {model.linkRows.length}</span>
      </div>
      <div className="vtable" role="table" aria-label="Links">
        <div className="vtable-head" role="row" style={{ gridTemplateColumns: LINK_TEMPLATE }}>
          {['From', 'Relation', 'To', 'Value', 'Channel', 'Evidence'].map((h) => <div key={h} role="columnheader"><span>{h}</span></div>)}
        </div>
        <div className="vtable-body" ref={scroller}>
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((item) => {
              const r = rows[item.index]!;
              const l = r.link;
              return (
                <div key={l.id} role="row" className={`vtable-row${l.id === selectedId ? ' selected' : ''}`} style={{ gridTemplateColumns: LINK_TEMPLATE, transform: `translateY(${item.start}px)`, height: ROW }} onClick={() => onSelect(l.id)} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && onSelect(l.id)}>
                  <div role="cell" dir="auto">{r.fromName}</div>
                  <div role="cell">{labelOf(l.relation)}</div>
                  <div role="cell" dir="auto">{r.toName}</div>
                  <div role="cell" className="num">{l.value !== null ? `${l.value.toLocaleString('en')} ${l.currency}` : ''}</div>
                  <div role="cell">{l.channel ? labelOf(l.channel) : ''}</div>
                  <div role="cell" className="num">{r.evidenceCount}</div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

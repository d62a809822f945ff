/**
 * The chain workspace: the map (or the party and link tables) in the middle, the side panel for the
 * selected party or link (or the structural warnings) on the right, and a toolbar with undo/redo,
 * money links, folding depth and the view switch. Every edit goes through the undoable command
 * history, so the auditor can build and correct the chain freely.
 */
import { useEffect, useMemo, useState } from 'react';
import type { RouteProps } from '../../app/route-props';
import { useNavigation } from '../../app/navigation';
import { useServices } from '../../app/services-context';
import { Button, Dialog, EmptyState, Notice } from '../../components/ui';
import { labelOf } from '../../../src/core/model';
import type { FieldError, Link, LinkInput, PartyInput } from '../../../src/core/model';
import { autoCollapse, buildChainView, revealParty, toggleBranch } from '../../../src/core/chain/collapse';
import type { CollapseState } from '../../../src/core/chain/collapse';
import { layoutChain } from '../../../src/core/chain/layout';
import { contractPaths, moneyTrail, paymentPathsTo } from '../../../src/core/chain/paths';
import type { ChainWarning } from '../../../src/core/chain/warnings';
import type { ChainCommand } from '../../../src/core/services/chain-commands';
import { filterPartyRows } from '../../../src/core/chain/table';
import { PartyForm } from '../parties/PartyForm';
import { LinkForm } from '../parties/LinkForm';
import { ChainMap } from './ChainMap';
import type { Highlight } from './ChainMap';
import { PartyPanel } from './PartyPanel';
import type { AddRole, PathMode, PathResult } from './PartyPanel';
import { LinkPanel } from './LinkPanel';
import { WarningsPanel } from './WarningsPanel';
import { LinkTable, PartyTable } from './ChainTables';
import { useChainData, useChainModel } from './use-chain-model';
import type { ChainModel } from './use-chain-model';
import { useEditHistory } from './use-edit-history';
import { ensureFixture, isFixtureRequest } from './generated-fixture';
import { useProjectRisk } from '../risk/use-project-risk';
import type { ProjectRisk } from '../risk/use-project-risk';

type Tab = 'map' | 'parties' | 'links';
type PartyDialog = { readonly mode: 'add'; readonly role: AddRole | 'client' | 'free'; readonly anchor: string | null } | { readonly mode: 'edit'; readonly id: string };

const ROLE_TEXT: Record<AddRole | 'client' | 'free', { title: string; kind: PartyInput['kind'] }> = {
  client: { title: 'Add the client', kind: 'organization' },
  free: { title: 'Add a party', kind: 'organization' },
  subcontractor: { title: 'Add a subcontractor of', kind: 'organization' },
  'labour-supplier': { title: 'Add a labour supplier to', kind: 'organization' },
  crew: { title: 'Add a crew employed by', kind: 'workforce' },
  payee: { title: 'Add a party paid by', kind: 'organization' },
};

export function ChainView({ projectId }: RouteProps) {
  // One workspace per project: switching projects starts afresh (history, folding, selection).
  return projectId ? <ChainProject key={projectId} projectId={projectId} /> : null;
}

function ChainProject({ projectId }: { projectId: string }) {
  const { repo } = useServices();
  const [location] = useNavigation();
  const fixture = isFixtureRequest(projectId, location.params);
  const [fixtureReady, setFixtureReady] = useState(!fixture);
  useEffect(() => {
    if (!fixture) return;
    let live = true;
    void ensureFixture(repo, projectId).then(() => live && setFixtureReady(true));
    return () => {
      live = false;
    };
  }, [fixture, projectId, repo]);
  return fixtureReady ? <ChainWorkspace projectId={projectId} /> : null;
}

function ChainWorkspace({ projectId }: { projectId: string }) {
  const data = useChainData(projectId);
  // Scores arrive after the chain: the map is drawn at once, coloured by kind, then by risk.
  const risk = useProjectRisk(projectId);
  const levels = useMemo(() => new Map((risk?.result.parties ?? []).map((p) => [p.partyId, p.exposure.level as string])), [risk]);
  const model = useChainModel(data, levels);
  if (!model) return <div className="page"><p className="muted">Loading the chain…</p></div>;
  return <Workspace model={model} projectId={projectId} risk={risk} />;
}

function Workspace({ model, projectId, risk }: { model: ChainModel; projectId: string; risk: ProjectRisk | undefined }) {
  const edits = useEditHistory(projectId);
  const [tab, setTab] = useState<Tab>('map');
  const [selectedParty, setSelectedParty] = useState<string | null>(null);
  const [selectedLink, setSelectedLink] = useState<string | null>(null);
  const [collapse, setCollapse] = useState<CollapseState | null>(null);
  // Money links are many in a large chain: shown by default only while they stay readable.
  const [showMoney, setShowMoney] = useState(model.parties.length <= 300);
  const [path, setPath] = useState<{ mode: PathMode; partyId: string } | null>(null);
  const [activeWarning, setActiveWarning] = useState<ChainWarning | null>(null);
  const [partyDialog, setPartyDialog] = useState<PartyDialog | null>(null);
  const [linkDialog, setLinkDialog] = useState<Partial<Link> | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [focus, setFocus] = useState<readonly string[] | null>(null);
  const [findQuery, setFindQuery] = useState('');
  const [findMiss, setFindMiss] = useState(false);

  const state = useMemo(() => collapse ?? autoCollapse(model.tree, 150), [collapse, model.tree]);
  const { resolve } = edits;
  const partyId = selectedParty ? edits.resolve(selectedParty) : null;
  const party = partyId ? model.graph.parties.get(partyId) ?? null : null;
  const linkId = selectedLink ? edits.resolve(selectedLink) : null;
  const link = linkId ? model.links.find((l) => l.id === linkId) ?? null : null;

  const view = useMemo(() => {
    performance.mark('chain-layout-start');
    const v = buildChainView(model.graph, model.tree, state);
    const l = layoutChain(v);
    performance.measure('chain-layout', 'chain-layout-start');
    return { view: v, layout: l };
  }, [model, state]);

  const pathResult = useMemo<PathResult | null>(() => {
    if (!path || !model.graph.parties.has(resolve(path.partyId))) return null;
    const id = resolve(path.partyId);
    if (path.mode === 'money') {
      const t = moneyTrail(model.graph, id);
      return { mode: 'money', partyId: id, paths: t.paths, truncated: false, count: t.reached.length, partyIds: t.partyIds, linkIds: t.linkIds };
    }
    const set = path.mode === 'contract' ? contractPaths(model.graph, id) : paymentPathsTo(model.graph, id);
    return { mode: path.mode, partyId: id, paths: set.paths, truncated: set.truncated, count: set.paths.length, partyIds: set.partyIds, linkIds: set.linkIds };
  }, [path, model, resolve]);

  const highlight = useMemo<Highlight | null>(() => {
    if (pathResult) return pathResult;
    if (activeWarning) return { partyIds: new Set(activeWarning.partyIds), linkIds: new Set(activeWarning.linkIds) };
    return null;
  }, [pathResult, activeWarning]);

  const warned = useMemo(() => new Set(model.warnings.flatMap((w) => w.partyIds)), [model.warnings]);
  const maxLayer = model.tree.layer.size ? Math.max(...model.tree.layer.values()) : 0;

  const reveal = (ids: Iterable<string>) => {
    let next = state;
    for (const id of ids) if (view.view.shownAs.get(id) !== id) next = revealParty(model.tree, next, id);
    if (next !== state) setCollapse(next);
  };

  const selectParty = (id: string | null, opts: { focus?: boolean } = {}) => {
    setSelectedParty(id);
    setSelectedLink(null);
    if (id) {
      reveal([id]);
      if (opts.focus) setFocus([id]);
    }
  };
  const selectLink = (id: string | null) => {
    setSelectedLink(id);
    if (id) setSelectedParty(null);
  };

  const showPaths = (mode: PathMode | null) => {
    if (!mode || !partyId) {
      setPath(null);
      return;
    }
    setActiveWarning(null);
    setPath({ mode, partyId });
  };
  // Reveal and frame what a path or warning highlights.
  useEffect(() => {
    if (!highlight || highlight.partyIds.size === 0) return;
    reveal(highlight.partyIds);
    setFocus([...highlight.partyIds]);
    // Only when the highlight itself changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [highlight]);

  const run = async (label: string, command: ChainCommand): Promise<FieldError[] | undefined> => {
    const result = await edits.run(label, command);
    return 'errors' in result ? result.errors : undefined;
  };

  const submitParty = async (input: PartyInput): Promise<FieldError[] | void> => {
    const d = partyDialog;
    if (!d) return;
    if (d.mode === 'edit') {
      const problems = await run(`Edit ${input.name}`, { op: 'update-party', partyId: d.id, patch: input });
      if (!problems) setPartyDialog(null);
      return problems;
    }
    const anchor = d.anchor ? edits.resolve(d.anchor) : null;
    const create: ChainCommand = { op: 'create-party', projectId, input: d.role === 'client' ? { ...input, isClient: true } : input };
    const linkFor: Record<AddRole, ChainCommand | null> = anchor ? {
      subcontractor: { op: 'create-link', projectId, input: { relation: 'subcontracts', from: anchor, to: { step: 0 } } },
      'labour-supplier': { op: 'create-link', projectId, input: { relation: 'supplies_labor', from: { step: 0 }, to: anchor } },
      crew: { op: 'create-link', projectId, input: { relation: 'employs', from: anchor, to: { step: 0 } } },
      payee: { op: 'create-link', projectId, input: { relation: 'pays', from: anchor, to: { step: 0 } } },
    } : { subcontractor: null, 'labour-supplier': null, crew: null, payee: null };
    const linkStep = d.role === 'client' || d.role === 'free' ? null : linkFor[d.role];
    const verb = d.role === 'client' ? 'Add client' : d.role === 'free' ? 'Add party' : `Add ${d.role.replace('-', ' ')}`;
    const result = await edits.run(`${verb} ${input.name}`, linkStep ? { op: 'batch', steps: [create, linkStep] } : create);
    if ('errors' in result) return result.errors;
    const applied = result.applied;
    const created = applied.op === 'batch' ? applied.steps[0] : applied;
    setPartyDialog(null);
    if (created && created.op === 'create-party') {
      setSelectedParty(created.partyId);
      setSelectedLink(null);
      if (anchor) setCollapse(revealParty(model.tree, state.collapsed.has(anchor) ? toggleBranch(state, anchor, true) : state, anchor));
    }
  };

  const submitLink = async (input: LinkInput): Promise<FieldError[] | void> => {
    const d = linkDialog;
    if (!d) return;
    const from = model.graph.parties.get(input.from)?.name ?? '';
    const to = model.graph.parties.get(input.to)?.name ?? '';
    const problems = d.id
      ? await run(`Edit link ${from} → ${to}`, { op: 'update-link', projectId, linkId: d.id, patch: input })
      : await run(`Link ${from} ${labelOf(input.relation)} ${to}`, { op: 'create-link', projectId, input });
    if (!problems) setLinkDialog(null);
    return problems;
  };

  const deleteLink = (l: Link) => {
    const name = (id: string) => model.graph.parties.get(id)?.name ?? '';
    void run(`Delete link ${name(l.from)} ${labelOf(l.relation)} ${name(l.to)}`, { op: 'delete-link', projectId, linkId: l.id });
    if (selectedLink === l.id) setSelectedLink(null);
  };

  const dialogParty = partyDialog?.mode === 'edit' ? model.graph.parties.get(edits.resolve(partyDialog.id)) : undefined;
  const anchorName = partyDialog?.mode === 'add' && partyDialog.anchor ? model.graph.parties.get(edits.resolve(partyDialog.anchor))?.name : undefined;
  const deletingParty = deleting ? model.graph.parties.get(edits.resolve(deleting)) : undefined;

  return (
    <div className="chain-page">
      <div className="chain-toolbar" role="toolbar" aria-label="Chain">
        <div className="seg" role="tablist" aria-label="View">
          {(['map', 'parties', 'links'] as const).map((t) => (
            <button key={t} type="button" role="tab" aria-selected={tab === t} className={`seg-btn${tab === t ? ' active' : ''}`} onClick={() => setTab(t)}>
              {t === 'map' ? 'Map' : t === 'parties' ? `Parties (${model.parties.length})` : `Links (${model.links.length})`}
            </button>
          ))}
        </div>
        <Button onClick={() => void edits.undo()} disabled={!edits.undoLabel || edits.busy} title={edits.undoLabel ? `Undo: ${edits.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}>Undo</Button>
        <Button onClick={() => void edits.redo()} disabled={!edits.redoLabel || edits.busy} title={edits.redoLabel ? `Redo: ${edits.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}>Redo</Button>
        <Button onClick={() => setPartyDialog({ mode: 'add', role: model.parties.some((p) => p.isClient) ? 'free' : 'client', anchor: null })}>Add party</Button>
        {tab === 'map' ? (
          <>
            <form className="toolbar-find" role="search" onSubmit={(e) => {
              e.preventDefault();
              const hit = filterPartyRows(model.partyRows, { query: findQuery })[0];
              setFindMiss(!hit);
              if (hit) selectParty(hit.party.id, { focus: true });
            }}>
              <input type="search" aria-label="Find a party on the map" placeholder="Find a party (any script)" value={findQuery} onChange={(e) => {
                setFindQuery(e.target.value);
                setFindMiss(false);
              }} dir="auto" aria-invalid={findMiss || undefined} />
            </form>
            <label className="toolbar-check"><input type="checkbox" checked={showMoney} onChange={(e) => setShowMoney(e.target.checked)} /> Money links</label>
            <label className="toolbar-select">Show
              <select aria-label="Tiers shown" value={state.maxLayer === null ? 'all' : String(state.maxLayer)} onChange={(e) => setCollapse({ maxLayer: e.target.value === 'all' ? null : Number(e.target.value), collapsed: new Set(), expanded: new Set() })}>
                <option value="all">all tiers</option>
                {Array.from({ length: maxLayer }, (_, i) => i + 1).map((l) => <option key={l} value={l}>tiers 0–{l}</option>)}
              </select>
            </label>
          </>
        ) : null}
        <span className="toolbar-status muted small" aria-live="polite">
          {view.view.nodes.length < model.parties.length ? `${view.view.nodes.length} of ${model.parties.length} shown; the rest folded` : `${model.parties.length} parties · ${model.links.length} links`}
          {model.warnings.length ? ` · ${model.warnings.length} warning${model.warnings.length === 1 ? '' : 's'}` : ''}
        </span>
      </div>
      {edits.message ? <div className="chain-message"><Notice kind="warning">{edits.message} <Button variant="ghost" onClick={edits.clearMessage}>Dismiss</Button></Notice></div> : null}
      <div className="chain-body">
        <div className="chain-main">
          {model.parties.length === 0 ? (
            <EmptyState title="Start the chain with the client" action={<Button variant="primary" onClick={() => setPartyDialog({ mode: 'add', role: 'client', anchor: null })}>Add the client</Button>}>
              Add the project's client, then select it to add the general contractor, and work down: subcontractors, labour suppliers, crews, and who pays whom.
            </EmptyState>
          ) : tab === 'map' ? (
            <ChainMap
              view={view.view}
              layout={view.layout}
              levels={model.levels}
              warned={warned}
              showMoney={showMoney}
              highlight={highlight}
              selectedPartyId={partyId}
              selectedLinkId={linkId}
              focus={focus}
              kindOf={(id) => model.graph.parties.get(id)?.kind}
              onSelectParty={(id) => selectParty(id)}
              onSelectLink={selectLink}
              onToggle={(id, isFolded) => setCollapse(toggleBranch(state, id, isFolded))}
              onConnect={(from, to) => setLinkDialog({ from, to, relation: 'subcontracts' })}
            />
          ) : tab === 'parties' ? (
            <PartyTable model={model} selectedId={partyId} onSelect={(id) => selectParty(id)} />
          ) : (
            <LinkTable model={model} selectedId={linkId} onSelect={selectLink} />
          )}
        </div>
        <div className="chain-side">
          {party ? (
            <PartyPanel
              key={party.id}
              model={model}
              party={party}
              risk={risk}
              pathResult={pathResult}
              onPaths={showPaths}
              onAdd={(role) => setPartyDialog({ mode: 'add', role, anchor: party.id })}
              onEdit={() => setPartyDialog({ mode: 'edit', id: party.id })}
              onDelete={() => setDeleting(party.id)}
              onSelectParty={(id) => selectParty(id, { focus: true })}
              onSelectLink={selectLink}
              onDeleteLink={deleteLink}
            />
          ) : link ? (
            <LinkPanel model={model} link={link} onEdit={() => setLinkDialog(link)} onDelete={() => deleteLink(link)} onSelectParty={(id) => selectParty(id, { focus: true })} />
          ) : (
            <WarningsPanel warnings={model.warnings} active={activeWarning} onPick={(w) => {
              setPath(null);
              setActiveWarning(w);
            }} />
          )}
        </div>
      </div>

      <Dialog
        title={partyDialog?.mode === 'edit' ? `Edit ${dialogParty?.name ?? ''}` : partyDialog ? `${ROLE_TEXT[partyDialog.role].title}${anchorName ? ` ${anchorName}` : ''}` : ''}
        open={partyDialog !== null}
        onClose={() => setPartyDialog(null)}
        wide
      >
        {partyDialog ? (
          <PartyForm
            initial={partyDialog.mode === 'edit' ? dialogParty : { kind: ROLE_TEXT[partyDialog.role].kind, isClient: partyDialog.role === 'client' }}
            submitLabel={partyDialog.mode === 'edit' ? 'Save' : 'Add'}
            onCancel={() => setPartyDialog(null)}
            onSubmit={submitParty}
          />
        ) : null}
      </Dialog>
      <Dialog title={linkDialog?.id ? 'Edit link' : 'Add link'} open={linkDialog !== null} onClose={() => setLinkDialog(null)} wide>
        {linkDialog ? <LinkForm parties={model.parties} initial={linkDialog} submitLabel={linkDialog.id ? 'Save link' : 'Add link'} onCancel={() => setLinkDialog(null)} onSubmit={submitLink} /> : null}
      </Dialog>
      <Dialog
        title={`Delete ${deletingParty?.name ?? ''}`}
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        footer={<>
          <Button onClick={() => setDeleting(null)}>Cancel</Button>
          <Button variant="danger" onClick={() => {
            const id = deleting;
            setDeleting(null);
            if (!id || !deletingParty) return;
            setSelectedParty(null);
            void run(`Delete ${deletingParty.name}`, { op: 'delete-party', partyId: id });
          }}>Delete party</Button>
        </>}
      >
        <p>Delete <strong dir="auto">{deletingParty?.name}</strong> and its {model.links.filter((l) => l.from === deletingParty?.id || l.to === deletingParty?.id).length} link(s)? Its evidence stays in the project. You can undo this.</p>
      </Dialog>
    </div>
  );
}

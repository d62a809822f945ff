/**
 * The chain map: the laid-out view drawn with React Flow. The client is on top and each tier is a
 * row; work links are solid arrows down the chain, money links (pays, banks with, owns) dashed and
 * toggleable. Pan, zoom, fit and a minimap; drawing from a card's bottom handle to another card
 * proposes a link. Positions come from the deterministic layout, so cards are not dragged.
 */
import { useEffect, useMemo, useRef } from 'react';
import { Background, Controls, MarkerType, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, useUpdateNodeInternals } from '@xyflow/react';
import type { Connection, Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './chain.css';
import { labelOf } from '../../../src/core/model';
import type { ChainView } from '../../../src/core/chain/collapse';
import type { ChainLayout } from '../../../src/core/chain/layout';
import { DEFAULT_LAYOUT } from '../../../src/core/chain/layout';
import { NODE_TYPES } from './ChainNodes';
import type { ChainNode } from './ChainNodes';

export interface Highlight {
  readonly partyIds: ReadonlySet<string>;
  readonly linkIds: ReadonlySet<string>;
}

export interface ChainMapProps {
  readonly view: ChainView;
  readonly layout: ChainLayout;
  readonly levels: ReadonlyMap<string, string>;
  readonly warned: ReadonlySet<string>;
  readonly showMoney: boolean;
  readonly highlight: Highlight | null;
  readonly selectedPartyId: string | null;
  readonly selectedLinkId: string | null;
  /** Node ids to fit into view; a new array asks again. */
  readonly focus: readonly string[] | null;
  readonly onSelectParty: (id: string | null) => void;
  readonly onSelectLink: (id: string | null) => void;
  readonly onToggle: (id: string, isFolded: boolean) => void;
  readonly onConnect: (from: string, to: string) => void;
  readonly kindOf: (id: string) => string | undefined;
}

const OPAQUE = new Set(['cash', 'team_leader', 'third_party_account', 'crypto', 'unknown']);
const TIER_LABEL_WIDTH = 130;
/** Below this zoom names are no longer legible; the first view never goes below it. */
const READABLE_ZOOM = 0.6;

const KIND_PLURAL: Record<string, [string, string]> = {
  organization: ['organization', 'organizations'], person: ['person', 'people'], workforce: ['crew', 'crews'], bank: ['bank', 'banks'],
};

/** "12 crews · 3 organizations": what a folded branch holds. */
function summarise(memberIds: readonly string[], kindOf: (id: string) => string | undefined): string {
  const counts = new Map<string, number>();
  for (const id of memberIds) {
    const k = kindOf(id) ?? 'organization';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} ${KIND_PLURAL[k]?.[n === 1 ? 0 : 1] ?? k}`).join(' · ');
}

function buildFlow(props: ChainMapProps): { nodes: ChainNode[]; edges: Edge[] } {
  const { view, layout, levels, warned, showMoney, highlight, selectedPartyId, selectedLinkId, onToggle } = props;
  const hl = (id: string, members?: readonly string[]): 'none' | 'on' | 'dim' => {
    if (!highlight) return 'none';
    if (highlight.partyIds.has(id) || members?.some((m) => highlight.partyIds.has(m))) return 'on';
    return 'dim';
  };
  const nodes: ChainNode[] = [];
  layout.rowTop.forEach((top, i) => {
    nodes.push({
      id: `tier:${i}`, type: 'tier', position: { x: -TIER_LABEL_WIDTH - 30, y: top + 18 }, width: TIER_LABEL_WIDTH, height: 20, data: { label: i === 0 ? 'Tier 0 · client' : `Tier ${i}` },
      selectable: false, draggable: false, connectable: false, focusable: false,
    });
  });
  for (const n of view.nodes) {
    const position = layout.positions.get(n.id) ?? { x: 0, y: 0 };
    if (n.type === 'party') {
      nodes.push({
        id: n.id, type: 'party', position, selected: n.id === selectedPartyId, draggable: false,
        width: DEFAULT_LAYOUT.nodeWidth, height: DEFAULT_LAYOUT.nodeHeight,
        data: { party: n.party, level: levels.get(n.id), folded: n.folded, hasChildren: (view.children.get(n.id) ?? []).length > 0, highlight: hl(n.id), warned: warned.has(n.id), onToggle },
      });
    } else {
      nodes.push({
        id: n.id, type: 'group', position, draggable: false, connectable: false,
        width: DEFAULT_LAYOUT.nodeWidth, height: DEFAULT_LAYOUT.nodeHeight,
        data: { owner: n.owner, count: n.memberIds.length, summary: summarise(n.memberIds, props.kindOf), highlight: hl(n.id, n.memberIds), onToggle },
      });
    }
  }
  // Parties stacked under the first of a column are entered from the side, not through the card above.
  const stacked = new Set<string>();
  for (const n of view.nodes) if ((layout.positions.get(n.id)?.y ?? 0) > (layout.rowTop[n.layer] ?? 0)) stacked.add(n.id);
  const edges: Edge[] = [];
  for (const e of view.edges) {
    if (e.category === 'money' && !showMoney) continue;
    const on = highlight ? e.linkIds.some((id) => highlight.linkIds.has(id)) : false;
    const dim = highlight !== null && !on;
    const link = e.link;
    const money = e.category === 'money';
    const opaque = money && link?.relation === 'pays' && (link.channel === null || OPAQUE.has(link.channel));
    const label = link
      ? money ? (link.relation === 'pays' ? (link.channel && link.channel !== 'bank_transfer' ? labelOf(link.channel) : '') : link.relation === 'owns' ? 'owns' : '') : ''
      : `${e.linkIds.length} link${e.linkIds.length > 1 ? 's' : ''}`;
    edges.push({
      id: e.id, source: e.source, target: e.target,
      ...(stacked.has(e.target) ? { targetHandle: 'side' } : {}),
      type: money ? 'default' : 'smoothstep',
      selected: e.id === selectedLinkId,
      selectable: link !== null,
      label: label || undefined,
      className: `chain-edge ${money ? 'edge-money' : 'edge-tier'}${opaque ? ' edge-opaque' : ''}${on ? ' is-on' : ''}${dim ? ' is-dim' : ''}`,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      data: { relation: link?.relation ?? null },
    });
  }
  return { nodes, edges };
}

function Flow(props: ChainMapProps) {
  const flow = useReactFlow();
  const { view, focus } = props;
  const { nodes, edges } = useMemo(() => buildFlow(props), [props]);
  // Cards keep their size but gain and lose neighbours; refresh their handle positions so that
  // drawing a link from them always starts.
  const updateInternals = useUpdateNodeInternals();
  useEffect(() => {
    if (view.nodes.length <= 400) updateInternals(view.nodes.map((n) => n.id));
  }, [view, updateInternals]);

  // First view: the whole chain when it is legible at that size; otherwise its top (the client and
  // the first tiers) at a readable zoom, with the minimap showing the rest.
  const framed = useRef(false);
  const wrapper = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (framed.current || !wrapper.current) return;
    framed.current = true;
    const { clientWidth: w, clientHeight: h } = wrapper.current;
    const left = -TIER_LABEL_WIDTH - 40;
    const width = props.layout.width - left;
    const fit = Math.min(w / (width + 60), h / (props.layout.height + 60));
    if (fit >= READABLE_ZOOM) {
      void flow.fitView({ padding: 0.06, maxZoom: 1 });
      return;
    }
    const root = view.roots[0];
    const at = root ? props.layout.positions.get(root) : undefined;
    const zoom = READABLE_ZOOM;
    const centre = at ? at.x + DEFAULT_LAYOUT.nodeWidth / 2 : width / 2;
    void flow.setViewport({ x: w / 2 - centre * zoom, y: 24, zoom });
  }, [flow, view, props.layout]);

  useEffect(() => {
    if (!focus || focus.length === 0) return;
    const ids = new Set(focus);
    void flow.fitView({ nodes: [...ids].map((id) => ({ id })), padding: 0.25, duration: 300, maxZoom: 1.2 });
  }, [focus, flow]);

  useEffect(() => {
    // Marks the first paint of the map for the benchmark and the end-to-end tests.
    const raf = requestAnimationFrame(() => {
      performance.mark('chain-map-painted');
      document.querySelector('.chain-map')?.setAttribute('data-painted', String(view.nodes.length));
    });
    return () => cancelAnimationFrame(raf);
  }, [view]);

  return (
    <div className="chain-flow" ref={wrapper}>
    <ReactFlow<ChainNode, Edge>
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      nodesDraggable={false}
      nodesConnectable
      elementsSelectable
      onlyRenderVisibleElements={view.nodes.length > 150}
      minZoom={0.02}
      maxZoom={2}
      proOptions={{ hideAttribution: true }}
      onNodeClick={(_, node) => {
        if (node.type === 'party') props.onSelectParty(node.id);
      }}
      onEdgeClick={(_, edge) => props.onSelectLink(edge.selectable === false ? null : edge.id)}
      onPaneClick={() => {
        props.onSelectParty(null);
        props.onSelectLink(null);
      }}
      onConnect={(c: Connection) => {
        if (c.source && c.target && c.source !== c.target && !c.source.startsWith('group:') && !c.target.startsWith('group:')) props.onConnect(c.source, c.target);
      }}
      deleteKeyCode={null}
    >
      <Background gap={24} color="#e3e7ed" />
      <Controls showInteractive={false} />
      <MiniMap pannable zoomable nodeColor={(n) => (n.type === 'group' ? '#9aa5b4' : n.type === 'tier' ? 'transparent' : '#5b7aa0')} nodeStrokeWidth={0} maskColor="rgba(240,242,246,0.7)" />
    </ReactFlow>
    </div>
  );
}

export function ChainMap(props: ChainMapProps) {
  return (
    <div className="chain-map" data-nodes={props.view.nodes.length}>
      <ReactFlowProvider>
        <Flow {...props} />
      </ReactFlowProvider>
    </div>
  );
}

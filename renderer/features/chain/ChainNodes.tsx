/**
 * The map's node and edge looks: a party card (name, kind, country, risk or kind colour, fold
 * toggle), a folded-branch group, and a tier label. Cards are memoised: a 2,000-party map re-renders
 * only the cards whose data changed.
 */
import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { Node, NodeProps } from '@xyflow/react';
import { labelOf } from '../../../src/core/model';
import type { Party } from '../../../src/core/model';
import type { RiskLevel } from '../../../src/core/risk';
import { riskColor } from '../risk/RiskBadge';

export interface PartyNodeData extends Record<string, unknown> {
  readonly party: Party;
  /** Risk level when scored, else undefined (the card is coloured by kind). */
  readonly level: string | undefined;
  readonly folded: number;
  readonly hasChildren: boolean;
  readonly highlight: 'none' | 'on' | 'dim';
  readonly warned: boolean;
  readonly onToggle: (id: string, isFolded: boolean) => void;
}

export interface GroupNodeData extends Record<string, unknown> {
  readonly owner: string;
  readonly count: number;
  readonly summary: string;
  readonly highlight: 'none' | 'on' | 'dim';
  readonly onToggle: (id: string, isFolded: boolean) => void;
}

export interface TierLabelData extends Record<string, unknown> {
  readonly label: string;
}

export type PartyNodeType = Node<PartyNodeData, 'party'>;
export type GroupNodeType = Node<GroupNodeData, 'group'>;
export type TierNodeType = Node<TierLabelData, 'tier'>;
export type ChainNode = PartyNodeType | GroupNodeType | TierNodeType;

const KIND_MARK: Record<string, string> = { organization: 'ORG', person: 'PERSON', workforce: 'CREW', bank: 'BANK' };

export const PartyNode = memo(function PartyNode({ data, selected }: NodeProps<PartyNodeType>) {
  const { party, level, folded, hasChildren, highlight, warned, onToggle } = data;
  const tone = `kind-${party.kind}`;
  return (
    <div
      className={`chain-node ${tone}${selected ? ' is-selected' : ''}${highlight === 'on' ? ' is-on' : highlight === 'dim' ? ' is-dim' : ''}`}
      data-party-id={party.id}
      style={level ? { borderLeftColor: riskColor(level as RiskLevel) } : undefined}
      title={party.aliases.length ? `${party.name}\n${party.aliases.join('\n')}` : party.name}
    >
      <Handle type="target" position={Position.Top} />
      <Handle type="target" position={Position.Left} id="side" isConnectable={false} />
      <div className="chain-node-name" dir="auto">{party.name}</div>
      <div className="chain-node-meta">
        <span className="chain-node-kind">{KIND_MARK[party.kind] ?? labelOf(party.kind)}</span>
        {party.country ? <span className="chain-node-country">{party.country}</span> : <span className="chain-node-country gap-mark" title="Country unknown">??</span>}
        {party.isClient ? <span className="chain-node-tag">client</span> : null}
        {level ? <span className={`chain-node-level level-${level}`}>{level}</span> : null}
        {warned ? <span className="chain-node-warn" title="Structural warning">!</span> : null}
        {hasChildren ? (
          <button
            type="button"
            className="chain-node-fold nodrag"
            aria-label={folded ? `Unfold ${folded} parties below ${party.name}` : `Fold the branch below ${party.name}`}
            onClick={(e) => {
              e.stopPropagation();
              onToggle(party.id, folded > 0);
            }}
          >
            {folded ? `+${folded}` : '−'}
          </button>
        ) : null}
      </div>
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
});

export const GroupNode = memo(function GroupNode({ data }: NodeProps<GroupNodeType>) {
  return (
    <button
      type="button"
      className={`chain-group nodrag${data.highlight === 'on' ? ' is-on' : data.highlight === 'dim' ? ' is-dim' : ''}`}
      onClick={(e) => {
        e.stopPropagation();
        data.onToggle(data.owner, true);
      }}
      aria-label={`Unfold ${data.count} parties`}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <strong>+ {data.count} parties folded</strong>
      <span>{data.summary}</span>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </button>
  );
});

export const TierLabel = memo(function TierLabel({ data }: NodeProps<TierNodeType>) {
  return <div className="chain-tier-label">{data.label}</div>;
});

export const NODE_TYPES = { party: PartyNode, group: GroupNode, tier: TierLabel };

/**
 * The chain screen's data: the project's parties, links and evidence from the repository (live),
 * and everything derived from them once per change: the graph, tiers, the map's forest, structural
 * warnings and table rows. Views read from here so each derivation runs once, not per component.
 */
import { useMemo } from 'react';
import { useServices } from '../../app/services-context';
import { useLive } from '../../app/use-live';
import { buildGraph, computeTiers } from '../../../src/core/chain/graph';
import type { ChainGraph } from '../../../src/core/chain/graph';
import { buildChainTree } from '../../../src/core/chain/tree';
import type { ChainTree } from '../../../src/core/chain/tree';
import { findStructuralWarnings } from '../../../src/core/chain/warnings';
import type { ChainWarning } from '../../../src/core/chain/warnings';
import { buildLinkRows, buildPartyRows } from '../../../src/core/chain/table';
import type { LinkRow, PartyRow } from '../../../src/core/chain/table';
import type { Evidence, Link, Party } from '../../../src/core/model';

export interface ChainData {
  readonly parties: readonly Party[];
  readonly links: readonly Link[];
  readonly evidence: readonly Evidence[];
}

export interface ChainModel extends ChainData {
  readonly graph: ChainGraph;
  readonly tiers: ReadonlyMap<string, number>;
  readonly tree: ChainTree;
  readonly warnings: readonly ChainWarning[];
  readonly partyRows: readonly PartyRow[];
  readonly linkRows: readonly LinkRow[];
  /** Risk level per party when scores exist; empty until the risk engine has run. */
  readonly levels: ReadonlyMap<string, string>;
}

/** Loads the project's chain and keeps it current; undefined while loading. */
export function useChainData(projectId: string): ChainData | undefined {
  const { repo } = useServices();
  return useLive(async () => {
    const [parties, links, evidence] = await Promise.all([repo.listParties(projectId), repo.listLinks(projectId), repo.listEvidence(projectId)]);
    return { parties, links, evidence };
  }, [projectId]);
}

/** Derives the graph, tiers, forest, warnings and rows from the data. */
export function deriveChainModel(data: ChainData, levels: ReadonlyMap<string, string> = new Map()): ChainModel {
  const graph = buildGraph(data.parties, data.links);
  const tiers = computeTiers(graph);
  const tree = buildChainTree(graph, tiers);
  return {
    ...data,
    graph,
    tiers,
    tree,
    warnings: findStructuralWarnings(graph, tiers),
    partyRows: buildPartyRows(data.parties, data.links, data.evidence, tiers, levels),
    linkRows: buildLinkRows(data.parties, data.links, data.evidence),
    levels,
  };
}

export function useChainModel(data: ChainData | undefined, levels: ReadonlyMap<string, string>): ChainModel | undefined {
  return useMemo(() => (data ? deriveChainModel(data, levels) : undefined), [data, levels]);
}

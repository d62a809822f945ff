/**
 * Structural warnings: the places where a chain's shape itself is a finding, before any risk score.
 * Cycles, parties outside the chain, crews nobody employs, contractors below whom the chain goes
 * dark, and money paid to parties that hold no place in the chain. Each warning names its parties
 * and links so the map can show it, and says in plain words what to do next.
 */
import { labelOf } from '../model/enums';
import type { Relation } from '../model/enums';
import type { Link, Party } from '../model/schemas';
import { computeTiers, downSteps, findCycles, upSteps } from './graph';
import type { ChainGraph } from './graph';
import { neighbours } from './tree';

/** Version of the structural analysis; printed with results so a report says what produced them. */
export const CHAIN_ANALYSIS_VERSION = 'chain-analysis-1';

export const WARNING_CODES = [
  'cycle', 'payment_outside_chain', 'goes_dark', 'crew_without_employer', 'payment_cycle', 'detached', 'orphan', 'no_client', 'dangling_link',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];
export type WarningSeverity = 'high' | 'medium' | 'low';

export interface ChainWarning {
  readonly code: WarningCode;
  readonly severity: WarningSeverity;
  /** One line for lists. */
  readonly title: string;
  /** What it means and what to do about it. */
  readonly message: string;
  readonly partyIds: readonly string[];
  readonly linkIds: readonly string[];
}

const SEVERITY_ORDER: Record<WarningSeverity, number> = { high: 0, medium: 1, low: 2 };
/** Payment channels that hide who ends up with the money. */
const OPAQUE_CHANNELS = new Set(['cash', 'team_leader', 'third_party_account', 'crypto', 'unknown']);

/**
 * Finds every structural warning in the chain, most severe first. Pure and deterministic: the same
 * chain always gives the same warnings in the same order.
 */
export function findStructuralWarnings(graph: ChainGraph, tiers: ReadonlyMap<string, number> = computeTiers(graph)): ChainWarning[] {
  const out: ChainWarning[] = [];
  const name = (id: string) => graph.parties.get(id)?.name ?? id;
  const list = (ids: readonly string[]) => ids.map(name).sort((a, b) => a.localeCompare(b, 'en')).join(', ');
  const parties = [...graph.parties.values()].sort((a, b) => (a.id < b.id ? -1 : 1));

  if (parties.length > 1 && !parties.some((p) => p.isClient)) {
    out.push({
      code: 'no_client', severity: 'medium', title: 'No party is marked as the client',
      message: 'Tiers are counted from parties with nothing above them. Mark the project\'s client so the chain starts where the money starts.',
      partyIds: [], linkIds: [],
    });
  }

  for (const cycle of findCycles(graph)) {
    const members = new Set(cycle);
    const linkIds = cycle.flatMap((id) => downSteps(graph, id).filter((s) => members.has(s.child)).map((s) => s.link.id)).sort();
    out.push({
      code: 'cycle', severity: 'high', title: `Contract cycle: ${list(cycle)}`,
      message: 'Work flows back up the chain, so these parties have no true tier. Check the direction of each link; a real cycle can hide who employs the workers.',
      partyIds: cycle, linkIds,
    });
  }
  for (const cycle of findCycles(graph, new Set<Relation>(['pays']))) {
    const members = new Set(cycle);
    const linkIds = cycle.flatMap((id) => (graph.out.get(id) ?? []).filter((l) => l.relation === 'pays' && members.has(l.to)).map((l) => l.id)).sort();
    out.push({
      code: 'payment_cycle', severity: 'medium', title: `Money goes round: ${list(cycle)}`,
      message: 'Payments return to a party they came from. Round-tripping can disguise where wages end up; ask for the purpose of each payment.',
      partyIds: cycle, linkIds,
    });
  }

  for (const p of parties) {
    if (!tiers.has(p.id) || p.isClient || p.kind !== 'organization') continue;
    if (downSteps(graph, p.id).length > 0) continue;
    const suppliesLabour = (graph.out.get(p.id) ?? []).some((l) => l.relation === 'supplies_labor');
    out.push({
      code: 'goes_dark', severity: suppliesLabour ? 'high' : 'medium', title: `The chain goes dark below ${p.name}`,
      message: suppliesLabour
        ? `${p.name} supplies labour but has disclosed no crews, workers or sub-agencies. Ask it who the workers are, where they come from and who pays them.`
        : `${p.name} is tier ${tiers.get(p.id)} but has disclosed no subcontractors, labour suppliers or crews. Ask who does its work on site.`,
      partyIds: [p.id], linkIds: [],
    });
  }

  const reported = new Set<string>();
  for (const p of parties) {
    const isCrew = p.kind === 'workforce' || (p.kind === 'person' && p.isWorker);
    if (!isCrew || upSteps(graph, p.id).length > 0) continue;
    reported.add(p.id);
    out.push({
      code: 'crew_without_employer', severity: 'high', title: `${p.name} has no employer`,
      message: `No one in the chain employs, recruits or is supplied by this ${labelOf(p.kind).toLowerCase()}. Find out who hired the workers and who pays their wages.`,
      partyIds: [p.id], linkIds: [],
    });
  }

  for (const link of paymentsOutside(graph, tiers)) {
    const payee = graph.parties.get(link.to)!;
    const opaque = link.channel === null || OPAQUE_CHANNELS.has(link.channel);
    const how = link.channel ? ` by ${labelOf(link.channel).toLowerCase()}` : '';
    out.push({
      code: 'payment_outside_chain', severity: opaque || payee.country === 'KP' ? 'high' : 'medium',
      title: `${name(link.from)} pays ${payee.name}, outside the chain`,
      message: `${payee.name} holds no place in the contract chain but is paid${how}. Ask what the payment is for; money leaving the chain can reach the workers' handlers instead of the workers.`,
      partyIds: [link.from, link.to], linkIds: [link.id],
    });
  }

  const connected = connectedToChain(graph, tiers);
  // A crew already reported as having no employer is not reported again as unlinked.
  const seen = new Set<string>(reported);
  for (const p of parties) {
    if (connected.has(p.id) || seen.has(p.id) || p.isClient) continue;
    const links = [...(graph.out.get(p.id) ?? []), ...(graph.in.get(p.id) ?? [])];
    if (links.length === 0) {
      seen.add(p.id);
      out.push({
        code: 'orphan', severity: 'low', title: `${p.name} is not linked to anyone`,
        message: 'Link it to the party it works for, is paid by or owns, or remove it if it does not belong to this project.',
        partyIds: [p.id], linkIds: [],
      });
      continue;
    }
    const group = component(graph, p.id);
    for (const id of group) seen.add(id);
    const ids = new Set(group);
    const linkIds = group.flatMap((id) => (graph.out.get(id) ?? []).filter((l) => ids.has(l.to)).map((l) => l.id)).sort();
    out.push({
      code: 'detached', severity: 'medium', title: `Detached from the client: ${list(group.slice(0, 4))}${group.length > 4 ? ` and ${group.length - 4} more` : ''}`,
      message: 'These parties are linked to each other but not to the chain that starts at the client. Add the link that connects them, or they will not count in the chain\'s tiers and risk.',
      partyIds: group, linkIds,
    });
  }

  for (const link of graph.dangling) {
    out.push({
      code: 'dangling_link', severity: 'medium', title: `A ${labelOf(link.relation)} link points to a missing party`,
      message: 'One end of this link is not a party of the project (it may have come from an import). Fix or delete the link.',
      partyIds: [link.from, link.to].filter((id) => graph.parties.has(id)), linkIds: [link.id],
    });
  }

  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    || WARNING_CODES.indexOf(a.code) - WARNING_CODES.indexOf(b.code)
    || (a.partyIds[0] ?? '').localeCompare(b.partyIds[0] ?? '')
    || (a.linkIds[0] ?? '').localeCompare(b.linkIds[0] ?? ''));
}

/** Payments from a party in the chain to a party with no tier. */
function paymentsOutside(graph: ChainGraph, tiers: ReadonlyMap<string, number>): Link[] {
  const out: Link[] = [];
  for (const links of graph.out.values()) {
    for (const l of links) if (l.relation === 'pays' && tiers.has(l.from) && !tiers.has(l.to)) out.push(l);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Parties joined to a tiered party by any chain of links. */
function connectedToChain(graph: ChainGraph, tiers: ReadonlyMap<string, number>): Set<string> {
  const seen = new Set(tiers.keys());
  const queue = [...seen];
  for (let i = 0; i < queue.length; i++) {
    for (const n of neighbours(graph, queue[i]!)) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}

/** The connected component of `id` over any link, sorted by id. */
function component(graph: ChainGraph, id: string): string[] {
  const seen = new Set([id]);
  const queue = [id];
  for (let i = 0; i < queue.length; i++) {
    for (const n of neighbours(graph, queue[i]!)) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return [...seen].sort();
}

/** The warnings that concern one party, for its side panel. */
export function warningsFor(warnings: readonly ChainWarning[], party: Party): ChainWarning[] {
  return warnings.filter((w) => w.partyIds.includes(party.id));
}

/**
 * Paths through the chain: every contract path from the client down to a party, every payment path
 * that brings money to a party, and "where does this money go" from any payer. Highlighting uses the
 * complete set of parties and links on some path (linear time); the listed paths are enumerated up
 * to a limit, because a dense chain can have more paths than anyone could read.
 */
import { downSteps, upSteps } from './graph';
import type { ChainGraph } from './graph';
import type { Link } from '../model/schemas';

/** One hop of a path: the link and the party it leads to. */
export interface PathHop {
  readonly linkId: string;
  readonly partyId: string;
}

/** A path: where it starts, then each hop. */
export interface ChainPath {
  readonly start: string;
  readonly hops: readonly PathHop[];
}

export interface PathSet {
  /** Every party on at least one path (including both ends). */
  readonly partyIds: ReadonlySet<string>;
  /** Every link on at least one path. */
  readonly linkIds: ReadonlySet<string>;
  /** The paths themselves, shortest first, at most `limit`. */
  readonly paths: readonly ChainPath[];
  /** True when there were more paths than `limit`. */
  readonly truncated: boolean;
}

export interface PathOptions {
  /** Most paths to list (the highlight sets are always complete). Default 50. */
  readonly limit?: number;
}

export type Step = { readonly link: Link; readonly next: string };
export type Stepper = (id: string) => readonly Step[];

/** Money moves along `pays` (payer to payee) and into accounts along `banks_with` (holder to bank). */
export function moneyOut(graph: ChainGraph): Stepper {
  return (id) => (graph.out.get(id) ?? []).filter((l) => l.relation === 'pays' || l.relation === 'banks_with').map((link) => ({ link, next: link.to }));
}
export function moneyIn(graph: ChainGraph): Stepper {
  return (id) => (graph.in.get(id) ?? []).filter((l) => l.relation === 'pays' || l.relation === 'banks_with').map((link) => ({ link, next: link.from }));
}

const down = (graph: ChainGraph): Stepper => (id) => downSteps(graph, id).map((s) => ({ link: s.link, next: s.child }));
const up = (graph: ChainGraph): Stepper => (id) => upSteps(graph, id).map((s) => ({ link: s.link, next: s.parent }));

/** Parties reachable from `starts` (including them) following `step`. */
function reach(starts: readonly string[], step: Stepper): Set<string> {
  const seen = new Set(starts);
  const queue = [...starts];
  for (let i = 0; i < queue.length; i++) {
    for (const s of step(queue[i]!)) {
      if (!seen.has(s.next)) {
        seen.add(s.next);
        queue.push(s.next);
      }
    }
  }
  return seen;
}

/**
 * Parties and links lying between `sources` and `target`: a link u→v is on a route when u is
 * reachable from a source and the target is reachable from v.
 */
function between(sources: readonly string[], target: string, forward: Stepper, backward: Stepper): { partyIds: Set<string>; linkIds: Set<string> } {
  const fromSources = reach(sources, forward);
  if (!fromSources.has(target)) return { partyIds: new Set(), linkIds: new Set() };
  const toTarget = reach([target], backward);
  const partyIds = new Set([...fromSources].filter((id) => toTarget.has(id)));
  const linkIds = new Set<string>();
  for (const id of partyIds) {
    for (const s of forward(id)) if (partyIds.has(s.next)) linkIds.add(s.link.id);
  }
  return { partyIds, linkIds };
}

/**
 * Simple paths from any of `sources` to `target`, enumerated depth first by walking backwards from
 * the target (so dead branches are never explored), then sorted shortest first.
 */
function enumerate(sources: ReadonlySet<string>, target: string, backward: Stepper, allowed: ReadonlySet<string>, limit: number): { paths: ChainPath[]; truncated: boolean } {
  const paths: ChainPath[] = [];
  let truncated = false;
  // Walking backwards from the target; `tail` holds the hops from `at` down to the target.
  const onPath = new Set<string>([target]);
  const walk = (at: string, tail: PathHop[]): void => {
    if (truncated) return;
    if (sources.has(at) && tail.length > 0) {
      if (paths.length >= limit) {
        truncated = true;
        return;
      }
      paths.push({ start: at, hops: tail });
    }
    for (const s of backward(at)) {
      if (onPath.has(s.next) || !allowed.has(s.next)) continue;
      onPath.add(s.next);
      walk(s.next, [{ linkId: s.link.id, partyId: at }, ...tail]);
      onPath.delete(s.next);
      if (truncated) return;
    }
  };
  walk(target, []);
  paths.sort((a, b) => a.hops.length - b.hops.length || pathKey(a).localeCompare(pathKey(b)));
  return { paths, truncated };
}

const pathKey = (p: ChainPath) => [p.start, ...p.hops.map((h) => h.linkId)].join('>');

/** The chain's roots: the client(s), or every party with nothing above it when no client is marked. */
export function chainRoots(graph: ChainGraph): string[] {
  const all = [...graph.parties.values()];
  const clients = all.filter((p) => p.isClient).map((p) => p.id);
  if (clients.length) return clients.sort();
  return all.filter((p) => upSteps(graph, p.id).length === 0 && downSteps(graph, p.id).length > 0).map((p) => p.id).sort();
}

/** Every contract path from the client down tier links to `target`. Empty when it is not in the chain. */
export function contractPaths(graph: ChainGraph, target: string, options: PathOptions = {}): PathSet {
  const roots = chainRoots(graph);
  const span = between(roots, target, down(graph), up(graph));
  if (!span.partyIds.size) return { ...span, paths: [], truncated: false };
  const sources = new Set(roots.filter((r) => span.partyIds.has(r)));
  // A root that is the target is a path of its own (no hops) only when nothing leads to it.
  const { paths, truncated } = enumerate(sources, target, up(graph), span.partyIds, options.limit ?? 50);
  return { ...span, paths: roots.includes(target) ? [{ start: target, hops: [] }] : paths, truncated };
}

/**
 * Every payment path that brings money to `target`: from each party that pays into the chain of
 * payments but is paid by no one (the client, usually), along pays and banks_with links.
 */
export function paymentPathsTo(graph: ChainGraph, target: string, options: PathOptions = {}): PathSet {
  const backward = moneyIn(graph);
  const upstream = reach([target], backward);
  const heads = [...upstream].filter((id) => id !== target && backward(id).length === 0).sort();
  // Money that only goes round in a circle has no head: then every upstream payer is a start.
  const sources = heads.length ? heads : [...upstream].filter((id) => id !== target).sort();
  const span = between(sources, target, moneyOut(graph), backward);
  if (!span.partyIds.size) return { partyIds: new Set(), linkIds: new Set(), paths: [], truncated: false };
  const { paths, truncated } = enumerate(new Set(sources), target, backward, span.partyIds, options.limit ?? 50);
  return { ...span, paths, truncated };
}

export interface MoneyTrail {
  readonly payer: string;
  /** Every party the money can reach (not including the payer), nearest first. */
  readonly reached: readonly { readonly partyId: string; readonly hops: number }[];
  readonly partyIds: ReadonlySet<string>;
  readonly linkIds: ReadonlySet<string>;
  /** One shortest path to each party reached, in the order of `reached`. */
  readonly paths: readonly ChainPath[];
}

/** "Where does this money go": everything downstream of a payer along pays and banks_with links. */
export function moneyTrail(graph: ChainGraph, payer: string): MoneyTrail {
  const forward = moneyOut(graph);
  const via = new Map<string, { from: string; linkId: string }>();
  const hops = new Map<string, number>([[payer, 0]]);
  const queue = [payer];
  const linkIds = new Set<string>();
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    for (const s of forward(at)) {
      linkIds.add(s.link.id);
      if (hops.has(s.next)) continue;
      hops.set(s.next, hops.get(at)! + 1);
      via.set(s.next, { from: at, linkId: s.link.id });
      queue.push(s.next);
    }
  }
  const reached = queue.slice(1).map((partyId) => ({ partyId, hops: hops.get(partyId)! }));
  const paths = reached.map(({ partyId }) => {
    const list: PathHop[] = [];
    for (let at = partyId; at !== payer; at = via.get(at)!.from) list.unshift({ linkId: via.get(at)!.linkId, partyId: at });
    return { start: payer, hops: list };
  });
  return { payer, reached, partyIds: new Set(queue), linkIds, paths };
}

/** Names a path for people: "Client → General contractor → Agency". */
export function describePath(graph: ChainGraph, path: ChainPath): string {
  const name = (id: string) => graph.parties.get(id)?.name ?? id;
  return [name(path.start), ...path.hops.map((h) => name(h.partyId))].join(' → ');
}

/**
 * The chain as tables: one row per party and per link, with the facts people sort and filter by
 * (kind, country, tier, risk level, what is missing), and search across names and aliases in any
 * script. Rows are built once per change; filtering works on precomputed folded text so it stays
 * well under a frame for thousands of rows.
 */
import type { Evidence, Link, Party } from '../model/schemas';
import type { PartyKind, Relation } from '../model/enums';

/** Gaps that matter for due diligence: each one is a question to put to a supplier. */
export const MISSING_FACTS = ['country', 'registration', 'evidence', 'links', 'workforce'] as const;
export type MissingFact = (typeof MISSING_FACTS)[number];

export const MISSING_LABELS: Record<MissingFact, string> = {
  country: 'Country unknown',
  registration: 'No registration number',
  evidence: 'No evidence attached',
  links: 'Not linked',
  workforce: 'Workforce facts unknown',
};

export interface PartyRow {
  readonly party: Party;
  readonly tier: number | null;
  /** Risk level from the risk engine, or 'unknown' before scoring. */
  readonly level: string;
  readonly linkCount: number;
  readonly evidenceCount: number;
  readonly missing: readonly MissingFact[];
  /** Folded name, aliases and reference, for search. */
  readonly haystack: string;
}

export interface LinkRow {
  readonly link: Link;
  readonly fromName: string;
  readonly toName: string;
  readonly evidenceCount: number;
  readonly haystack: string;
}

/**
 * Folds text for search in any script: compatibility forms (full-width Latin, Hangul jamo) unified,
 * case and diacritics removed, punctuation and spacing collapsed. Hangul syllables, Cyrillic and
 * Arabic letters stay themselves, so a query in the alias's script finds it.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '') // Latin combining marks; Arabic harakat
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/[\u0640]/g, '') // Arabic tatweel
    .replace(/[«»"'’‘“”.,()\-_/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Builds the party rows. `levels` maps party id to risk level when scores exist. */
export function buildPartyRows(parties: readonly Party[], links: readonly Link[], evidence: readonly Evidence[], tiers: ReadonlyMap<string, number>, levels: ReadonlyMap<string, string> = new Map()): PartyRow[] {
  const linkCount = new Map<string, number>();
  for (const l of links) {
    linkCount.set(l.from, (linkCount.get(l.from) ?? 0) + 1);
    linkCount.set(l.to, (linkCount.get(l.to) ?? 0) + 1);
  }
  const evidenceCount = new Map<string, number>();
  for (const e of evidence) if (e.subject.type === 'party') evidenceCount.set(e.subject.id, (evidenceCount.get(e.subject.id) ?? 0) + 1);
  return parties.map((party) => {
    const missing: MissingFact[] = [];
    if (!party.country) missing.push('country');
    if (party.kind === 'organization' || party.kind === 'bank') if (!party.registrationNumber) missing.push('registration');
    if (!evidenceCount.get(party.id)) missing.push('evidence');
    if (!linkCount.get(party.id)) missing.push('links');
    const w = party.workforce;
    if (party.kind === 'workforce' && (!w || !w.nationality || w.headcount === null || w.wagePayment === 'unknown' || w.passportsHeldBy === 'unknown')) missing.push('workforce');
    return {
      party,
      tier: tiers.get(party.id) ?? null,
      level: levels.get(party.id) ?? 'unknown',
      linkCount: linkCount.get(party.id) ?? 0,
      evidenceCount: evidenceCount.get(party.id) ?? 0,
      missing,
      haystack: foldText([party.name, ...party.aliases, party.ref, party.registrationNumber].join(' \u0000 ')),
    };
  });
}

export function buildLinkRows(parties: readonly Party[], links: readonly Link[], evidence: readonly Evidence[]): LinkRow[] {
  const names = new Map(parties.map((p) => [p.id, p] as const));
  const evidenceCount = new Map<string, number>();
  for (const e of evidence) if (e.subject.type === 'link') evidenceCount.set(e.subject.id, (evidenceCount.get(e.subject.id) ?? 0) + 1);
  return links.map((link) => {
    const from = names.get(link.from);
    const to = names.get(link.to);
    return {
      link,
      fromName: from?.name ?? '(missing party)',
      toName: to?.name ?? '(missing party)',
      evidenceCount: evidenceCount.get(link.id) ?? 0,
      haystack: foldText([from?.name ?? '', ...(from?.aliases ?? []), to?.name ?? '', ...(to?.aliases ?? []), link.notes].join(' \u0000 ')),
    };
  });
}

export interface PartyFilter {
  readonly query?: string;
  readonly kinds?: readonly PartyKind[];
  readonly countries?: readonly string[];
  /** Tier numbers; -1 selects parties outside the tiers. */
  readonly tiers?: readonly number[];
  readonly levels?: readonly string[];
  readonly missing?: readonly MissingFact[];
}

const has = <T>(list: readonly T[] | undefined, value: T) => !list || list.length === 0 || list.includes(value);

/** Rows matching every given criterion; each query word must appear in a name or alias. */
export function filterPartyRows(rows: readonly PartyRow[], filter: PartyFilter): PartyRow[] {
  const words = filter.query ? foldText(filter.query).split(' ').filter(Boolean) : [];
  return rows.filter((r) =>
    has(filter.kinds, r.party.kind)
    && has(filter.countries, r.party.country)
    && has(filter.tiers, r.tier ?? -1)
    && has(filter.levels, r.level)
    && (!filter.missing?.length || filter.missing.some((m) => r.missing.includes(m)))
    && words.every((w) => r.haystack.includes(w)));
}

export interface LinkFilter {
  readonly query?: string;
  readonly relations?: readonly Relation[];
}

export function filterLinkRows(rows: readonly LinkRow[], filter: LinkFilter): LinkRow[] {
  const words = filter.query ? foldText(filter.query).split(' ').filter(Boolean) : [];
  return rows.filter((r) => has(filter.relations, r.link.relation) && words.every((w) => r.haystack.includes(w)));
}

export type PartySortKey = 'name' | 'kind' | 'country' | 'tier' | 'level' | 'links' | 'evidence' | 'missing';
const LEVEL_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, unknown: 4 };
const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Sorts rows (a copy); ties fall back to the name so the order is stable. */
export function sortPartyRows(rows: readonly PartyRow[], key: PartySortKey, descending = false): PartyRow[] {
  const collator = COLLATOR;
  const value = (r: PartyRow): number | string => {
    switch (key) {
      case 'name': return r.party.name;
      case 'kind': return r.party.kind;
      case 'country': return r.party.country || '\uffff';
      case 'tier': return r.tier ?? Number.NaN;
      case 'level': return LEVEL_RANK[r.level] ?? 5;
      case 'links': return r.linkCount;
      case 'evidence': return r.evidenceCount;
      case 'missing': return r.missing.length;
    }
  };
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    // Parties outside the tiers come last in either direction: unknown is not an extreme.
    const na = Number.isNaN(va);
    const nb = Number.isNaN(vb);
    if (na !== nb) return na ? 1 : -1;
    const c = na ? 0 : typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return sign * c || collator.compare(a.party.name, b.party.name) || (a.party.id < b.party.id ? -1 : 1);
  });
}

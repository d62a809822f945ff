/**
 * Finds who is who during an import: workbook parties by their ID (case-insensitive), parties of the
 * existing project by reference code and then by normalised name, and the party a Links or Workforce
 * cell refers to. Matching rules are shared by the plan and its preview, so both say the same thing.
 */
import type { Party } from '../model';
import { nameKey } from './normalize';
import type { PartyDraft } from './template-parse';

/** A party an import row can point at: one from the workbook, or one already in the project. */
export type PartyTarget =
  | { readonly source: 'workbook'; readonly draft: PartyDraft }
  | { readonly source: 'project'; readonly party: Party };

export interface Resolution {
  readonly target?: PartyTarget;
  /** Set when the reference was resolved by name rather than ID. */
  readonly byName?: boolean;
  /** Why nothing was found, or why the match is ambiguous. */
  readonly problem?: string;
}

const refKey = (ref: string) => ref.trim().toLowerCase();

/** Indexes of the workbook's parties and the existing project's parties. */
export class PartyIndex {
  private readonly draftsByRef = new Map<string, PartyDraft>();
  private readonly draftsByName = new Map<string, PartyDraft[]>();
  private readonly existingByRef = new Map<string, Party>();
  private readonly existingByName = new Map<string, Party[]>();
  private readonly namedCache = new Map<string, { drafts: readonly PartyDraft[]; parties: readonly Party[] }>();

  constructor(drafts: readonly PartyDraft[], existing: readonly Party[]) {
    for (const d of drafts) {
      if (d.ref && !this.draftsByRef.has(refKey(d.ref))) this.draftsByRef.set(refKey(d.ref), d);
      if (d.name) push(this.draftsByName, nameKey(d.name), d);
    }
    for (const p of existing) {
      if (p.ref) this.existingByRef.set(refKey(p.ref), p);
      push(this.existingByName, nameKey(p.name), p);
    }
  }

  /**
   * The workbook and project parties with this name key, leaving out project parties the workbook
   * lists under the same reference code. Computed once per key: a sheet can name the same party on
   * thousands of rows.
   */
  private named(key: string): { drafts: readonly PartyDraft[]; parties: readonly Party[] } {
    const cached = this.namedCache.get(key);
    if (cached) return cached;
    const drafts = this.draftsByName.get(key) ?? [];
    const refs = new Set(drafts.map((d) => refKey(d.ref)));
    const parties = (this.existingByName.get(key) ?? []).filter((p) => !refs.has(refKey(p.ref)));
    const found = { drafts, parties };
    this.namedCache.set(key, found);
    return found;
  }

  /** The first workbook row that uses this ID. */
  draftByRef(ref: string): PartyDraft | undefined {
    return this.draftsByRef.get(refKey(ref));
  }

  /**
   * The existing party a workbook party stands for: same reference code, else the one party with the
   * same normalised name. Several parties with that name is an ambiguity, reported, not guessed.
   */
  matchExisting(draft: PartyDraft): { party?: Party; byName?: boolean; problem?: string } {
    const byRef = draft.ref ? this.existingByRef.get(refKey(draft.ref)) : undefined;
    if (byRef) return { party: byRef };
    const named = this.existingByName.get(nameKey(draft.name)) ?? [];
    if (named.length === 1) {
      const party = named[0]!;
      // A same-named party that carries another reference code is another party.
      if (party.ref && draft.ref && refKey(party.ref) !== refKey(draft.ref) && this.draftsByRef.has(refKey(party.ref))) return {};
      return { party, byName: true };
    }
    if (named.length > 1) return { problem: `${named.length} parties in the project are named "${draft.name}"; give this row the ID of one of them (${named.map((p) => p.ref || p.id).join(', ')})` };
    return {};
  }

  /** Resolves what a Links or Workforce cell names: an ID first, then a unique name. */
  resolve(text: string): Resolution {
    const draft = this.draftsByRef.get(refKey(text));
    if (draft) return { target: { source: 'workbook', draft } };
    const existing = this.existingByRef.get(refKey(text));
    if (existing) return { target: { source: 'project', party: existing } };
    const key = nameKey(text);
    const { drafts, parties } = this.named(key);
    if (drafts.length + parties.length === 1) {
      return drafts.length ? { target: { source: 'workbook', draft: drafts[0]! }, byName: true } : { target: { source: 'project', party: parties[0]! }, byName: true };
    }
    if (drafts.length + parties.length > 1) return { problem: `"${text}" is the name of several parties; use the party's ID` };
    return { problem: `no party with the ID "${text}"` };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

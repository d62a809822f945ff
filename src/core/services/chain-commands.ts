/**
 * Chain edits as commands: plain data describing a change, applied through the repository (so every
 * edit is validated and audited as usual), and recorded with what is needed to invert it. Deleting a
 * party captures its links, records and evidence so that undo can put them back. The repository
 * gives re-created parties and links new ids; `aliases` maps each old id to its replacement.
 */
import type { Evidence, Link, LinkInput, Party, PartyInput } from '../model/schemas';
import { RECORD_TABLES, listRecords, saveRecords } from './project-records';
import type { RecordTable } from './project-records';
import type { Repository } from './repository';

/** The repository the edits go through. */
export type ChainEditor = Repository;

/** Within a batch, `{ step: n }` stands for the id created by step n (for "add a subcontractor and link it"). */
export type IdRef = string | { readonly step: number };
export type LinkDraft = Omit<LinkInput, 'from' | 'to'> & { readonly from: IdRef; readonly to: IdRef };

/** What the user asks for. */
export type ChainCommand =
  | { readonly op: 'create-party'; readonly projectId: string; readonly input: PartyInput; readonly replaces?: string }
  | { readonly op: 'update-party'; readonly partyId: string; readonly patch: Partial<PartyInput> }
  | { readonly op: 'delete-party'; readonly partyId: string }
  | { readonly op: 'restore-party'; readonly snapshot: PartySnapshot }
  | { readonly op: 'create-link'; readonly projectId: string; readonly input: LinkDraft; readonly replaces?: string }
  | { readonly op: 'update-link'; readonly projectId: string; readonly linkId: string; readonly patch: Partial<LinkInput> }
  | { readonly op: 'delete-link'; readonly projectId: string; readonly linkId: string }
  | { readonly op: 'restore-link'; readonly snapshot: LinkSnapshot }
  | { readonly op: 'batch'; readonly steps: readonly ChainCommand[] };

export interface PartySnapshot {
  readonly party: Party;
  readonly links: readonly Link[];
  readonly records: readonly { readonly table: RecordTable; readonly record: { id: string; partyId: string; projectId: string } }[];
  readonly evidenceIds: readonly string[];
}

export interface LinkSnapshot {
  readonly link: Link;
  readonly evidenceIds: readonly string[];
}

/** What was done, with everything needed to undo and redo it. */
export type AppliedCommand =
  | { readonly op: 'create-party'; readonly projectId: string; readonly input: PartyInput; readonly partyId: string }
  | { readonly op: 'update-party'; readonly partyId: string; readonly before: Partial<PartyInput>; readonly after: Partial<PartyInput> }
  | { readonly op: 'delete-party'; readonly snapshot: PartySnapshot }
  | { readonly op: 'restore-party'; readonly snapshot: PartySnapshot; readonly partyId: string }
  | { readonly op: 'create-link'; readonly projectId: string; readonly input: LinkInput; readonly linkId: string }
  | { readonly op: 'update-link'; readonly projectId: string; readonly linkId: string; readonly before: Partial<LinkInput>; readonly after: Partial<LinkInput> }
  | { readonly op: 'delete-link'; readonly snapshot: LinkSnapshot }
  | { readonly op: 'restore-link'; readonly snapshot: LinkSnapshot; readonly linkId: string }
  | { readonly op: 'batch'; readonly steps: readonly AppliedCommand[] };

/** Follows old ids to the entities that replaced them. */
export type IdResolver = (id: string) => string;

export interface ApplyResult {
  readonly applied: AppliedCommand;
  /** New aliases: old id → id of the entity re-created in its place. */
  readonly aliases: ReadonlyMap<string, string>;
  /** Parts that could not be put back (a link whose other party is gone), in plain words. */
  readonly problems: readonly string[];
}

const pick = <T extends object>(source: T, keys: readonly string[]): Partial<T> =>
  Object.fromEntries(keys.filter((k) => k in source).map((k) => [k, (source as Record<string, unknown>)[k]])) as Partial<T>;

function partyInput(p: Party): PartyInput {
  const { id: _i, projectId: _p, createdAt: _c, updatedAt: _u, ...input } = p;
  return input;
}

function linkInput(l: Link): LinkInput {
  const { id: _i, projectId: _p, createdAt: _c, updatedAt: _u, ...input } = l;
  return input;
}

/**
 * Applies a command through the editor. A batch is all or nothing as far as the repository allows:
 * when a step fails, the steps already applied are undone before the error is rethrown.
 */
export async function applyCommand(editor: ChainEditor, command: ChainCommand, resolve: IdResolver = (id) => id): Promise<ApplyResult> {
  const aliases = new Map<string, string>();
  const problems: string[] = [];
  const res = (id: string) => aliases.get(id) ?? resolve(id);

  const run = async (cmd: ChainCommand, created: string[]): Promise<AppliedCommand> => {
    const ref = (r: IdRef) => (typeof r === 'string' ? res(r) : created[r.step] ?? '');
    switch (cmd.op) {
      case 'create-party': {
        const party = await editor.createParty(cmd.projectId, cmd.input);
        if (cmd.replaces) aliases.set(cmd.replaces, party.id);
        return { op: 'create-party', projectId: cmd.projectId, input: cmd.input, partyId: party.id };
      }
      case 'update-party': {
        const id = res(cmd.partyId);
        const current = await editor.getParty(id);
        if (!current) throw new Error('This party no longer exists.');
        const before = pick(partyInput(current), Object.keys(cmd.patch));
        await editor.updateParty(id, cmd.patch);
        return { op: 'update-party', partyId: id, before, after: cmd.patch };
      }
      case 'delete-party': {
        const snapshot = await capture(editor, res(cmd.partyId));
        await editor.deleteParty(snapshot.party.id, { links: 'delete' });
        return { op: 'delete-party', snapshot };
      }
      case 'restore-party': {
        const { party, links, records, evidenceIds } = cmd.snapshot;
        const created = await editor.createParty(party.projectId, partyInput(party));
        aliases.set(party.id, created.id);
        for (const link of links) {
          const input = { ...linkInput(link), from: res(link.from), to: res(link.to) };
          try {
            const made = await editor.createLink(party.projectId, input);
            aliases.set(link.id, made.id);
          } catch (e) {
            problems.push(`A ${link.relation} link could not be restored: ${(e as Error).message}`);
          }
        }
        await saveRecords(editor, party.projectId, records.map(({ table, record }) => ({ table, record: { ...record, partyId: created.id } })));
        await repointEvidence(editor, party.projectId, evidenceIds, { type: 'party', id: created.id });
        return { op: 'restore-party', snapshot: cmd.snapshot, partyId: created.id };
      }
      case 'create-link': {
        const input: LinkInput = { ...cmd.input, from: ref(cmd.input.from), to: ref(cmd.input.to) };
        const link = await editor.createLink(cmd.projectId, input);
        if (cmd.replaces) aliases.set(cmd.replaces, link.id);
        return { op: 'create-link', projectId: cmd.projectId, input, linkId: link.id };
      }
      case 'update-link': {
        const id = res(cmd.linkId);
        const current = await findLink(editor, cmd.projectId, id);
        const before = pick(linkInput(current), Object.keys(cmd.patch));
        const patch = { ...cmd.patch, ...(cmd.patch.from ? { from: res(cmd.patch.from) } : {}), ...(cmd.patch.to ? { to: res(cmd.patch.to) } : {}) };
        await editor.updateLink(id, patch);
        return { op: 'update-link', projectId: cmd.projectId, linkId: id, before, after: patch };
      }
      case 'delete-link': {
        const link = await findLink(editor, cmd.projectId, res(cmd.linkId));
        const evidenceIds = (await editor.listEvidence(link.projectId)).filter((e) => e.subject.type === 'link' && e.subject.id === link.id).map((e) => e.id);
        // Evidence about a deleted link stays in the project, as it does for a deleted party.
        await repointEvidence(editor, link.projectId, evidenceIds, { type: 'project', id: link.projectId });
        await editor.deleteLink(link.id);
        return { op: 'delete-link', snapshot: { link, evidenceIds } };
      }
      case 'restore-link': {
        const { link, evidenceIds } = cmd.snapshot;
        const made = await editor.createLink(link.projectId, { ...linkInput(link), from: res(link.from), to: res(link.to) });
        aliases.set(link.id, made.id);
        await repointEvidence(editor, link.projectId, evidenceIds, { type: 'link', id: made.id });
        return { op: 'restore-link', snapshot: cmd.snapshot, linkId: made.id };
      }
      case 'batch': {
        const done: AppliedCommand[] = [];
        const ids: string[] = [];
        try {
          for (const step of cmd.steps) {
            const applied = await run(step, ids);
            done.push(applied);
            ids.push(createdId(applied));
          }
        } catch (error) {
          for (const applied of done.reverse()) await run(inverseOf(applied), []).catch(() => undefined);
          throw error;
        }
        return { op: 'batch', steps: done };
      }
    }
  };

  const applied = await run(command, []);
  return { applied, aliases, problems };
}

/** The id a step created, or '' when it created nothing. */
function createdId(applied: AppliedCommand): string {
  switch (applied.op) {
    case 'create-party': case 'restore-party': return applied.partyId;
    case 'create-link': case 'restore-link': return applied.linkId;
    default: return '';
  }
}

/** The command that undoes an applied command. */
export function inverseOf(applied: AppliedCommand): ChainCommand {
  switch (applied.op) {
    case 'create-party': return { op: 'delete-party', partyId: applied.partyId };
    case 'restore-party': return { op: 'delete-party', partyId: applied.partyId };
    case 'update-party': return { op: 'update-party', partyId: applied.partyId, patch: applied.before };
    case 'delete-party': return { op: 'restore-party', snapshot: applied.snapshot };
    case 'create-link': return { op: 'delete-link', projectId: applied.projectId, linkId: applied.linkId };
    case 'restore-link': return { op: 'delete-link', projectId: applied.snapshot.link.projectId, linkId: applied.linkId };
    case 'update-link': return { op: 'update-link', projectId: applied.projectId, linkId: applied.linkId, patch: applied.before };
    case 'delete-link': return { op: 'restore-link', snapshot: applied.snapshot };
    case 'batch': return { op: 'batch', steps: [...applied.steps].reverse().map(inverseOf) };
  }
}

/** The command that does an applied command again (after it was undone). */
export function forwardOf(applied: AppliedCommand): ChainCommand {
  switch (applied.op) {
    case 'create-party': return { op: 'create-party', projectId: applied.projectId, input: applied.input, replaces: applied.partyId };
    case 'restore-party': return { op: 'restore-party', snapshot: applied.snapshot };
    case 'update-party': return { op: 'update-party', partyId: applied.partyId, patch: applied.after };
    case 'delete-party': return { op: 'delete-party', partyId: applied.snapshot.party.id };
    case 'create-link': return { op: 'create-link', projectId: applied.projectId, input: applied.input, replaces: applied.linkId };
    case 'restore-link': return { op: 'restore-link', snapshot: applied.snapshot };
    case 'update-link': return { op: 'update-link', projectId: applied.projectId, linkId: applied.linkId, patch: applied.after };
    case 'delete-link': return { op: 'delete-link', projectId: applied.snapshot.link.projectId, linkId: applied.snapshot.link.id };
    case 'batch': return { op: 'batch', steps: applied.steps.map(forwardOf) };
  }
}

async function capture(editor: ChainEditor, partyId: string): Promise<PartySnapshot> {
  const party = await editor.getParty(partyId);
  if (!party) throw new Error('This party no longer exists.');
  const links = (await editor.listLinks(party.projectId)).filter((l) => l.from === partyId || l.to === partyId);
  const records: PartySnapshot['records'][number][] = [];
  for (const table of RECORD_TABLES) {
    const rows = await listRecords(editor, table, party.projectId);
    for (const record of rows) if (record.partyId === partyId) records.push({ table, record });
  }
  const evidenceIds = (await editor.listEvidence(party.projectId)).filter((e) => e.subject.type === 'party' && e.subject.id === partyId).map((e) => e.id);
  return { party, links, records, evidenceIds };
}

async function findLink(editor: ChainEditor, projectId: string, linkId: string): Promise<Link> {
  const link = (await editor.listLinks(projectId)).find((l) => l.id === linkId);
  if (!link) throw new Error('This link no longer exists.');
  return link;
}

async function repointEvidence(editor: ChainEditor, projectId: string, ids: readonly string[], subject: Evidence['subject']): Promise<void> {
  if (!ids.length) return;
  const wanted = new Set(ids);
  for (const ev of await editor.listEvidence(projectId)) {
    if (!wanted.has(ev.id)) continue;
    const bytes = await editor.getEvidenceBytes(ev.id);
    if (bytes) await editor.addEvidence({ ...ev, subject }, bytes);
  }
}

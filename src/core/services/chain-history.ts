/**
 * Undo and redo for chain edits: an immutable history of applied commands. Undo applies the inverse
 * of the latest edit through the repository, redo applies it again; ids of re-created parties and
 * links are tracked as aliases so later entries still find them. Edits made elsewhere (another
 * screen) are not in the history; an entry that no longer applies is dropped with a message.
 */
import { applyCommand, forwardOf, inverseOf } from './chain-commands';
import type { AppliedCommand, ChainCommand, ChainEditor } from './chain-commands';

export interface HistoryEntry {
  /** What the user did, for the Undo/Redo buttons: "Add subcontractor Gulf Precast". */
  readonly label: string;
  readonly applied: AppliedCommand;
}

export interface EditHistory {
  readonly done: readonly HistoryEntry[];
  readonly undone: readonly HistoryEntry[];
  readonly aliases: ReadonlyMap<string, string>;
}

/** How many edits can be undone; older ones are forgotten. */
export const HISTORY_DEPTH = 200;

export const emptyHistory = (): EditHistory => ({ done: [], undone: [], aliases: new Map() });

export interface HistoryStep {
  readonly history: EditHistory;
  readonly applied: AppliedCommand | null;
  readonly problems: readonly string[];
}

/** An undo or redo that could not be applied; its entry has been removed from the history. */
export class HistoryError extends Error {
  constructor(message: string, readonly history: EditHistory) {
    super(message);
    this.name = 'HistoryError';
  }
}

/** Follows an id through every re-creation to the current entity's id. */
export function resolveId(history: EditHistory, id: string): string {
  let at = id;
  for (let i = 0; i < 1000 && history.aliases.has(at); i++) at = history.aliases.get(at)!;
  return at;
}

function merge(aliases: ReadonlyMap<string, string>, added: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map(aliases);
  for (const [k, v] of added) if (k !== v) out.set(k, v);
  return out;
}

/** Applies a new edit and records it; clears what could be redone. */
export async function perform(history: EditHistory, editor: ChainEditor, label: string, command: ChainCommand): Promise<HistoryStep> {
  const result = await applyCommand(editor, command, (id) => resolveId(history, id));
  return {
    history: { done: [...history.done, { label, applied: result.applied }].slice(-HISTORY_DEPTH), undone: [], aliases: merge(history.aliases, result.aliases) },
    applied: result.applied,
    problems: result.problems,
  };
}

/** Undoes the latest edit. */
export async function undo(history: EditHistory, editor: ChainEditor): Promise<HistoryStep> {
  const entry = history.done[history.done.length - 1];
  if (!entry) return { history, applied: null, problems: [] };
  const rest = history.done.slice(0, -1);
  try {
    const result = await applyCommand(editor, inverseOf(entry.applied), (id) => resolveId(history, id));
    return {
      history: { done: rest, undone: [...history.undone, entry], aliases: merge(history.aliases, result.aliases) },
      applied: result.applied,
      problems: result.problems,
    };
  } catch (e) {
    throw new HistoryError(`“${entry.label}” can no longer be undone: ${(e as Error).message}`, { ...history, done: rest });
  }
}

/** Does the latest undone edit again. */
export async function redo(history: EditHistory, editor: ChainEditor): Promise<HistoryStep> {
  const entry = history.undone[history.undone.length - 1];
  if (!entry) return { history, applied: null, problems: [] };
  const rest = history.undone.slice(0, -1);
  try {
    const result = await applyCommand(editor, forwardOf(entry.applied), (id) => resolveId(history, id));
    return {
      history: { done: [...history.done, { label: entry.label, applied: result.applied }], undone: rest, aliases: merge(history.aliases, result.aliases) },
      applied: result.applied,
      problems: result.problems,
    };
  } catch (e) {
    throw new HistoryError(`“${entry.label}” can no longer be redone: ${(e as Error).message}`, { ...history, undone: rest });
  }
}

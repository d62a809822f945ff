/**
 * The chain screen's undo and redo: chain edits go through the command history (src/core/chain/
 * history.ts) so each can be undone, one at a time, in order. Ctrl+Z / Ctrl+Shift+Z (Cmd on a Mac)
 * work anywhere on the screen except while typing in a field, where they undo the typing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../../app/services-context';
import { emptyHistory, perform, redo, undo, resolveId } from '../../../src/core/services/chain-history';
import type { EditHistory, HistoryStep } from '../../../src/core/services/chain-history';
import { HistoryError } from '../../../src/core/services/chain-history';
import type { AppliedCommand, ChainCommand } from '../../../src/core/services/chain-commands';
import { ValidationError } from '../../../src/core/services/repository';
import type { FieldError } from '../../../src/core/model';

export interface EditApi {
  /** Applies an edit; returns what was done, or the field errors of a validation failure. */
  run(label: string, command: ChainCommand): Promise<{ applied: AppliedCommand } | { errors: FieldError[] }>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
  readonly busy: boolean;
  /** The latest problem (an undo that no longer applies, a link that could not be restored). */
  readonly message: string | null;
  clearMessage(): void;
  /** The current id of a party or link that may have been re-created by undo. */
  resolve(id: string): string;
}

export function useEditHistory(projectId: string): EditApi {
  const { repo } = useServices();
  const [history, setHistory] = useState<EditHistory>(emptyHistory);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // Edits run one at a time: the ref always holds the latest history for the next step.
  const ref = useRef(history);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    ref.current = emptyHistory();
    setHistory(ref.current);
  }, [projectId]);

  const step = useCallback(<T,>(fn: (h: EditHistory) => Promise<HistoryStep>, after: (s: HistoryStep) => T, fail: (e: unknown) => T): Promise<T> => {
    const next = queue.current.then(async () => {
      setBusy(true);
      try {
        const s = await fn(ref.current);
        ref.current = s.history;
        setHistory(s.history);
        setMessage(s.problems.length ? s.problems.join(' ') : null);
        return after(s);
      } catch (e) {
        if (e instanceof HistoryError) {
          ref.current = e.history;
          setHistory(e.history);
        }
        return fail(e);
      } finally {
        setBusy(false);
      }
    });
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const run = useCallback((label: string, command: ChainCommand) => step<{ applied: AppliedCommand } | { errors: FieldError[] }>(
    (h) => perform(h, repo, label, command),
    (s) => ({ applied: s.applied! }),
    (e) => {
      if (e instanceof ValidationError) return { errors: e.errors };
      setMessage((e as Error).message);
      return { errors: [] };
    },
  ), [repo, step]);

  const report = (e: unknown) => setMessage((e as Error).message);
  const doUndo = useCallback(() => step((h) => undo(h, repo), () => undefined, report), [repo, step]);
  const doRedo = useCallback(() => step((h) => redo(h, repo), () => undefined, report), [repo, step]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      if (target?.closest('dialog')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void doUndo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        void doRedo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doUndo, doRedo]);

  const resolve = useCallback((id: string) => resolveId(history, id), [history]);
  return {
    run,
    undo: doUndo,
    redo: doRedo,
    undoLabel: history.done.at(-1)?.label ?? null,
    redoLabel: history.undone.at(-1)?.label ?? null,
    busy,
    message,
    clearMessage: () => setMessage(null),
    resolve,
  };
}

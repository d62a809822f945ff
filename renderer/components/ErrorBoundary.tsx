/**
 * App-wide error handling, in plain words. ErrorBoundary keeps one broken screen from blanking the
 * whole window; ErrorNotices shows problems no screen handled (a full disk, a database another window
 * holds, a database from a newer Subtier), whether reported by a feature, left unhandled, or found
 * by a check of the database when the app starts.
 */
import { Component, useCallback, useEffect, useState } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { useServices } from '../app/services-context';
import { Button } from './ui';

export interface ErrorDescription {
  readonly title: string;
  readonly message: string;
  /** What the user can do about it, when there is something. */
  readonly advice?: string;
}

const STORAGE_TITLES: Record<string, string> = {
  quota: 'Storage is full',
  blocked: 'The database is in use',
  version: 'This database needs a newer Subtier',
  unknown: 'The database reported a problem',
};

/** Turns anything thrown into a title and a message for a person. StorageErrors are already phrased for users. */
export function describeError(error: unknown): ErrorDescription {
  const e = error as { name?: unknown; message?: unknown; code?: unknown } | null;
  const message = typeof e?.message === 'string' && e.message ? e.message : String(error);
  if (e?.name === 'StorageError') return { title: STORAGE_TITLES[String(e.code)] ?? STORAGE_TITLES.unknown!, message };
  return {
    title: 'Something went wrong',
    message,
    advice: 'Your saved work is safe: each change is stored when you make it. If this keeps happening, export a bundle of the project from Backups and restart Subtier.',
  };
}

type Listener = (error: unknown) => void;
const listeners = new Set<Listener>();

/** Shows `error` in the app-wide notices. For features that catch an error they cannot show themselves. */
export function reportAppError(error: unknown): void {
  if (!listeners.size) console.error(error);
  for (const l of listeners) l(error);
}

/** Catches errors thrown while a screen renders and offers to try again; the rest of the app keeps working. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('screen failed', error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    const d = describeError(this.state.error);
    return (
      <div className="page">
        <div className="notice notice-error" role="alert">
          <h2>This screen stopped working</h2>
          <p><strong>{d.title}:</strong> {d.message}</p>
          {d.advice ? <p>{d.advice}</p> : null}
          <Button variant="primary" onClick={() => this.setState({ error: null })}>Try again</Button>
        </div>
      </div>
    );
  }
}

interface Shown extends ErrorDescription {
  readonly key: number;
}

/**
 * The list of app-wide error notices, newest first, each dismissable. Repeats of the same message
 * are shown once. Checks once that the database opens, so a blocked or too-new database is explained
 * instead of leaving every screen empty.
 */
export function ErrorNotices() {
  const { repo } = useServices();
  const [shown, setShown] = useState<Shown[]>([]);
  const show = useCallback((error: unknown) => {
    const d = describeError(error);
    setShown((list) => (list.some((s) => s.title === d.title && s.message === d.message) ? list : [{ ...d, key: Date.now() + Math.random() }, ...list].slice(0, 5)));
  }, []);

  useEffect(() => {
    listeners.add(show);
    const onRejection = (event: PromiseRejectionEvent) => {
      event.preventDefault();
      show(event.reason);
    };
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      listeners.delete(show);
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }, [show]);

  useEffect(() => {
    repo.listProjects().catch(show);
  }, [repo, show]);

  if (!shown.length) return null;
  return (
    <div className="pad" aria-label="Problems">
      {shown.map((s) => (
        <div key={s.key} className="notice notice-error" role="alert">
          <div className="page-header">
            <div>
              <strong>{s.title}</strong>
              <p>{s.message}</p>
              {s.advice ? <p className="small">{s.advice}</p> : null}
            </div>
            <Button variant="ghost" aria-label={`Dismiss: ${s.title}`} onClick={() => setShown((list) => list.filter((x) => x.key !== s.key))}>Dismiss</Button>
          </div>
        </div>
      ))}
    </div>
  );
}

/**
 * useLive: runs an async query against the repository and runs it again after every committed
 * change, so every view shows what is stored without manual refreshes. Stale answers from an
 * earlier run are dropped.
 */
import { useEffect, useState } from 'react';
import type { DependencyList } from 'react';
import { useServices } from './services-context';
import { reportAppError } from '../components/ErrorBoundary';

export function useLive<T>(query: () => Promise<T>, deps: DependencyList): T | undefined {
  const { repo } = useServices();
  const [state, setState] = useState<{ value: T | undefined; deps: DependencyList }>({ value: undefined, deps });
  useEffect(() => {
    let current = true;
    let version = 0;
    const run = () => {
      const mine = ++version;
      query().then(
        (value) => {
          if (current && mine === version) setState({ value, deps });
        },
        (error: unknown) => {
          if (current) reportAppError(error);
        },
      );
    };
    run();
    const unsubscribe = repo.subscribe(run);
    return () => {
      current = false;
      unsubscribe();
    };
    // The caller's deps decide when the query itself changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repo, ...deps]);
  // While a new query for changed deps is in flight, do not show the previous deps' answer.
  return sameDeps(state.deps, deps) ? state.value : undefined;
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

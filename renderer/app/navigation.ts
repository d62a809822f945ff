/**
 * Where the user is: the route and the open project, kept in the URL hash (#/parties?project=prj_…)
 * so a reload, a bookmark or the back button lands in the same place.
 */
import { useCallback, useSyncExternalStore } from 'react';

export interface Location {
  readonly route: string;
  readonly projectId: string | null;
  readonly params: Readonly<Record<string, string>>;
}

export function parseHash(hash: string): Location {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = Object.fromEntries(new URLSearchParams(query));
  const { project, ...rest } = params;
  return { route: path || 'projects', projectId: project || null, params: rest };
}

export function formatHash(location: Partial<Location> & { route: string }): string {
  const query = new URLSearchParams();
  if (location.projectId) query.set('project', location.projectId);
  for (const [k, v] of Object.entries(location.params ?? {})) query.set(k, v);
  const q = query.toString();
  return `#/${location.route}${q ? `?${q}` : ''}`;
}

const subscribe = (callback: () => void) => {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
};

/** The current location and a navigate function; `navigate` keeps the open project unless told otherwise. */
export function useNavigation(): [Location, (to: Partial<Location> & { route: string }) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash, () => '');
  const location = parseHash(hash);
  const navigate = useCallback((to: Partial<Location> & { route: string }) => {
    const current = parseHash(window.location.hash);
    window.location.hash = formatHash({ projectId: to.projectId === undefined ? current.projectId : to.projectId, ...to });
  }, []);
  return [location, navigate];
}

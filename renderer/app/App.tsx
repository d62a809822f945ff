/**
 * The app frame: sidebar navigation, the open project's name, and the current screen. Creates the
 * services once and shares them through context, and installs the bundled sanctions lists on the
 * first start, so every screen judges with them from the beginning.
 */
import { useEffect, useMemo } from 'react';
import { ensureBundledLists } from '../../src/core/services';
import { readBundledLists } from '../features/screening/bundled-lists';
import { ServicesProvider, createAppServices, useServices } from './services-context';
import type { AppServices } from './services-context';
import { useNavigation } from './navigation';
import { useLive } from './use-live';
import { ROUTES } from './routes';
import { VaultStatus } from '../features/security/VaultStatus';
import { ErrorBoundary, ErrorNotices, reportAppError } from '../components/ErrorBoundary';

export function App({ services }: { services?: AppServices }) {
  const value = useMemo(() => services ?? createAppServices(), [services]);
  // Only the app's own services: tests hand in a repository set up as they need it.
  const own = !services;
  useEffect(() => {
    if (own) ensureBundledLists(value.repo, readBundledLists).catch(reportAppError);
  }, [own, value]);
  return (
    <ServicesProvider services={value}>
      <Frame />
    </ServicesProvider>
  );
}

function Frame() {
  const { repo } = useServices();
  const [location, navigate] = useNavigation();
  const project = useLive(() => (location.projectId ? repo.getProject(location.projectId) : Promise.resolve(undefined)), [location.projectId]);
  const route = ROUTES.find((r) => r.id === location.route) ?? ROUTES[0]!;
  const blocked = route.needsProject && !location.projectId;
  const View = blocked ? ROUTES[0]!.component : route.component;
  return (
    <div className="app">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden>◆</span>
          <span>Subtier</span>
        </div>
        <div className="sidebar-project" title={project?.name}>
          {project ? (
            <>
              <span className="sidebar-label">Project</span>
              <strong>{project.name}</strong>
            </>
          ) : (
            <span className="sidebar-label">No project open</span>
          )}
        </div>
        <ul>
          {ROUTES.map((r) => {
            const disabled = r.needsProject && !location.projectId;
            return (
              <li key={r.id}>
                <button
                  type="button"
                  className={`nav-item${r.id === route.id && !blocked ? ' active' : ''}`}
                  aria-current={r.id === route.id ? 'page' : undefined}
                  disabled={disabled}
                  title={disabled ? 'Open a project first' : undefined}
                  onClick={() => navigate({ route: r.id })}
                >
                  {r.label}
                </button>
              </li>
            );
          })}
        </ul>
        <VaultStatus onOpenSecurity={() => navigate({ route: 'security' })} />
        <div className="sidebar-foot">Offline · data stays on this computer</div>
      </nav>
      <main className="content">
        <ErrorNotices />
        <ErrorBoundary key={route.id}>
          <View projectId={blocked ? null : location.projectId} />
        </ErrorBoundary>
      </main>
    </div>
  );
}

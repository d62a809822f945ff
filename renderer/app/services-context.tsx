/**
 * The composition root's services, handed to every feature through React context: the audited
 * repository over IndexedDB and the screener (a Web Worker in the app). Tests and benches can render
 * features with another repository (the in-memory twin) and the in-process screener by wrapping them
 * in <ServicesProvider>.
 */
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { Repository } from '../../src/core/services/repository';
import { createDexieBackend, requestPersistentStorage } from '../../src/store';
import { VaultSession } from '../../src/core/crypto';
import { connectVault, inProcessScreener } from '../../src/core/services';
import type { ProjectScreener } from '../../src/core/services';
import { workerScreener } from '../features/screening/screening-client';

export interface AppServices {
  readonly repo: Repository;
  /** Encryption at rest for workers and sensitive evidence (absent in tests that do not need it). */
  readonly vault?: VaultSession;
  /** Where screening runs; in process when absent (tests without Web Workers). */
  readonly screener?: ProjectScreener;
}

const ServicesContext = createContext<AppServices | null>(null);

/** Opens the local database and builds the services the app uses. */
export function createAppServices(): AppServices {
  const backend = createDexieBackend();
  void requestPersistentStorage();
  const vault = new VaultSession({ clock: () => new Date().toISOString() });
  const repo = new Repository(backend, { actor: () => localStorage.getItem('subtier.actor') || 'local user', protector: vault });
  void connectVault(repo, vault);
  return { repo, vault, screener: workerScreener };
}

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() outside <ServicesProvider>');
  return services;
}

const localScreener = inProcessScreener();

/** The screener of the app's services, or one that runs in process. */
export function useScreener(): ProjectScreener {
  return useServices().screener ?? localScreener;
}

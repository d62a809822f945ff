/**
 * The composition root's services, handed to every feature through React context: the audited
 * repository over IndexedDB. Tests and benches can render features with another repository
 * (the in-memory twin) by wrapping them in <ServicesProvider>.
 */
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { Repository } from '../../src/core/services/repository';
import { createDexieBackend, requestPersistentStorage } from '../../src/store';
import { VaultSession } from '../../src/core/crypto';
import { connectVault } from '../../src/core/services';

export interface AppServices {
  readonly repo: Repository;
  /** Encryption at rest for workers and sensitive evidence (absent in tests that do not need it). */
  readonly vault?: VaultSession;
}

const ServicesContext = createContext<AppServices | null>(null);

/** Opens the local database and builds the services the app uses. */
export function createAppServices(): AppServices {
  const backend = createDexieBackend();
  void requestPersistentStorage();
  const vault = new VaultSession({ clock: () => new Date().toISOString() });
  const repo = new Repository(backend, { actor: () => localStorage.getItem('subtier.actor') || 'local user', protector: vault });
  void connectVault(repo, vault);
  return { repo, vault };
}

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() outside <ServicesProvider>');
  return services;
}

/**
 * The vault's persistence and upkeep over the repository: the header lives in the settings table
 * (its changes audited without any key material), and `protectExisting` seals sensitive records
 * that were written in clear before a passphrase was set.
 */
import type { Evidence, Party } from '../model';
import type { Repository } from './repository';
import type { Row } from './ports';
import { isSealed, isSensitiveEvidence, isSensitiveParty } from '../crypto/sealed-records';
import type { BlobRow, VaultSession, VaultStore } from '../crypto/vault-session';
import type { VaultHeader } from '../crypto/vault';

export const VAULT_SETTING_KEY = 'vault';

/** What the audit log records about the vault: when and how strongly, never the wrapped key. */
const summary = (h: VaultHeader) => ({ createdAt: h.createdAt, changedAt: h.changedAt, kdf: `${h.kdf.name}-${h.kdf.hash}`, iterations: h.kdf.iterations, cipher: h.cipher });

/** Keeps the vault header in the repository's settings table. */
export function repositoryVaultStore(repo: Repository): VaultStore {
  return {
    load: async () => (await repo.backend.read((tx) => tx.get<{ value: unknown }>('settings', VAULT_SETTING_KEY)))?.value,
    save: (header) =>
      repo.mutate('settings', '', async (tx) => {
        const before = await tx.get<{ value: VaultHeader }>('settings', VAULT_SETTING_KEY);
        await tx.put('settings', { key: VAULT_SETTING_KEY, value: header });
        await repo.audit(tx, '', 'vault', VAULT_SETTING_KEY, before ? summary(before.value) : null, summary(header));
      }),
  };
}

/**
 * Connects a vault to the repository it protects: reads the stored header, and makes every lock
 * and unlock a change that views re-read (workers appear by name or by pseudonym).
 */
export async function connectVault(repo: Repository, vault: VaultSession): Promise<void> {
  vault.subscribe(() => repo.announce('parties'));
  await vault.connect(repositoryVaultStore(repo));
}

export interface ProtectionCount {
  readonly workers: number;
  readonly evidence: number;
}

async function clearRecords(repo: Repository): Promise<{ parties: Party[]; evidence: Evidence[] }> {
  return repo.backend.read(async (tx) => ({
    parties: (await tx.all<Party>('parties')).filter((p) => isSensitiveParty(p) && !isSealed(p)),
    evidence: (await tx.all<Evidence>('evidence')).filter((e) => isSensitiveEvidence(e) && !isSealed(e)),
  }));
}

/** How many sensitive records are stored in clear (workers, sensitive evidence). */
export async function countUnprotected(repo: Repository): Promise<ProtectionCount> {
  const { parties, evidence } = await clearRecords(repo);
  return { workers: parties.length, evidence: evidence.length };
}

/**
 * Seals every sensitive record still stored in clear. Each record is sealed outside a transaction
 * and written in its own, with its audit entry; the vault must be unlocked.
 */
export async function protectExisting(repo: Repository, vault: VaultSession): Promise<ProtectionCount> {
  if (vault.state !== 'unlocked') throw new Error('Unlock first: sealing needs the key.');
  const { parties, evidence } = await clearRecords(repo);
  for (const party of parties) await repo.updateParty(party.id, {});
  for (const ev of evidence) {
    const blob = await repo.getEvidenceBlob(ev.id);
    const sealed = await vault.sealEvidence(ev, blob?.bytes ?? new Uint8Array());
    await repo.mutate('evidence', ev.projectId, async (tx) => {
      const current = await tx.get<Evidence>('evidence', ev.id);
      if (!current || current.updatedAt !== ev.updatedAt) return; // changed or gone meanwhile: leave it to the next run
      await tx.put('evidence', sealed.evidence as unknown as Row);
      if (blob) await tx.put('blobs', { ...(sealed.blob as BlobRow) } as unknown as Row);
      await repo.audit(tx, ev.projectId, 'evidence', ev.id, current, sealed.evidence);
    });
  }
  return { workers: parties.length, evidence: evidence.length };
}

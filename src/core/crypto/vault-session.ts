/**
 * The vault as the app uses it: set up, unlock, lock, change the passphrase, and the sealing the
 * repository applies to sensitive records before every write (RecordProtector). The data key lives
 * only in this object's memory while unlocked. With no vault set up, sensitive data is stored in
 * clear and the Security screen says so; once a vault exists, sensitive records can be written and
 * read only while it is unlocked.
 */
import type { Evidence, Party } from '../model';
import type { EvidenceCodec } from '../io/bundle-format';
import { vaultEvidenceCodec } from './bundle-codec';
import { DecryptionError, decryptBytes, encryptBytes } from './cipher';
import { EVIDENCE_BYTES_PURPOSE, isSealed, isSensitiveEvidence, isSensitiveParty, openEvidence, openParty, sealEvidence, sealParty } from './sealed-records';
import { DEFAULT_ITERATIONS, changePassphrase, createVault, unlockVault } from './vault';
import type { VaultHeader } from './vault';

/** Raised when sensitive data must be written or read while the vault is locked. */
export class LockedError extends Error {
  constructor(what: string) {
    super(`Subtier is locked: unlock it with your passphrase to ${what}.`);
    this.name = 'LockedError';
  }
}

/** Raised for records sealed under another vault's key (a bundle from another computer). */
export class ForeignSealError extends Error {
  constructor(what: string) {
    super(`These details were encrypted with another computer's passphrase and cannot be opened here, so Subtier cannot ${what}.`);
    this.name = 'ForeignSealError';
  }
}

/** A stored evidence blob: the bytes, encrypted when `sealed` is true. */
export interface BlobRow {
  readonly id: string;
  readonly bytes: Uint8Array;
  readonly sealed?: boolean;
}

/** What the repository asks of the vault around its writes and reads (all outside transactions). */
export interface RecordProtector {
  sealParty(party: Party): Promise<Party>;
  openParty(party: Party): Promise<Party>;
  sealEvidence(evidence: Evidence, bytes: Uint8Array): Promise<{ evidence: Evidence; blob: BlobRow }>;
  openEvidence(evidence: Evidence): Promise<Evidence>;
  openBlob(blob: BlobRow): Promise<Uint8Array>;
  /** The error for a record that stayed sealed after opening: the vault is locked, or the key is another's. */
  sealedError(what: string): Error;
  /** How bundles and backups carry sensitive evidence: encrypted under the same key. */
  readonly evidenceCodec?: EvidenceCodec;
  /** True once a passphrase is set: sensitive fields must then never be stored in clear, not even in the audit log. */
  readonly protecting?: boolean;
}

/** Where the vault header is kept (the settings table, through the repository, with an audit entry). */
export interface VaultStore {
  load(): Promise<unknown>;
  save(header: VaultHeader): Promise<void>;
}

export type VaultState = 'none' | 'locked' | 'unlocked';

export class VaultSession implements RecordProtector {
  private key: CryptoKey | null = null;
  private header: unknown = undefined;
  private store: VaultStore | null = null;
  /** Settles once the stored header has been read; sealing waits for it so nothing slips out in clear. */
  private ready: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(state: VaultState) => void>();
  readonly evidenceCodec: EvidenceCodec = vaultEvidenceCodec(this);

  constructor(private readonly options: { readonly clock: () => string; readonly iterations?: number }) {}

  /** Connects the session to where its header lives and reads it. */
  async connect(store: VaultStore): Promise<VaultState> {
    this.store = store;
    this.ready = store.load().then((header) => {
      this.header = header;
    });
    await this.ready;
    this.notify();
    return this.state;
  }

  get protecting(): boolean {
    return this.state !== 'none';
  }

  get state(): VaultState {
    if (this.header === undefined || this.header === null) return 'none';
    return this.key ? 'unlocked' : 'locked';
  }

  /** Calls `listener` on every change of state; returns the unsubscribe function. */
  subscribe(listener: (state: VaultState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const l of this.listeners) l(this.state);
  }

  private requireStore(): VaultStore {
    if (!this.store) throw new Error('the vault is not connected to its store');
    return this.store;
  }

  /** Creates the vault with a first passphrase and leaves it unlocked. */
  async setUp(passphrase: string): Promise<void> {
    if (this.state !== 'none') throw new Error('A passphrase is already set; change it instead.');
    const { header, key } = await createVault(passphrase, this.options.clock(), this.options.iterations ?? DEFAULT_ITERATIONS);
    await this.requireStore().save(header);
    this.header = header;
    this.key = key;
    this.notify();
  }

  /** Unlocks with the passphrase; a wrong one leaves everything as it was and says so. */
  async unlock(passphrase: string): Promise<{ ok: true } | { ok: false; message: string }> {
    if (this.state === 'none') return { ok: false, message: 'No passphrase has been set yet.' };
    const result = await unlockVault(this.header, passphrase);
    if (!result.ok) return { ok: false, message: result.message };
    this.key = result.key;
    this.notify();
    return { ok: true };
  }

  /** Forgets the key: sensitive data stays encrypted and unreadable until the next unlock. */
  lock(): void {
    if (!this.key) return;
    this.key = null;
    this.notify();
  }

  async changePassphrase(current: string, next: string): Promise<{ ok: true } | { ok: false; message: string }> {
    const result = await changePassphrase(this.header, current, next, this.options.clock(), this.options.iterations ?? DEFAULT_ITERATIONS);
    if (!result.ok) return result;
    await this.requireStore().save(result.header);
    this.header = result.header;
    this.notify();
    return { ok: true };
  }

  /** The key for sealing, or null when there is no vault (data stays in clear); throws when locked. */
  private keyFor(what: string): CryptoKey | null {
    if (this.state === 'none') return null;
    if (!this.key) throw new LockedError(what);
    return this.key;
  }

  async sealParty(party: Party): Promise<Party> {
    if (!isSensitiveParty(party) || isSealed(party)) return party;
    await this.ready;
    const key = this.keyFor("save a worker's details");
    return key ? sealParty(key, party) : party;
  }

  /**
   * Opens a sealed party when unlocked. While locked, or when it was sealed under another vault's
   * key (a bundle from another computer), it stays as stored: its pseudonym.
   */
  async openParty(party: Party): Promise<Party> {
    if (!isSealed(party) || !this.key) return party;
    try {
      return await openParty(this.key, party);
    } catch (error) {
      if (error instanceof DecryptionError) return party;
      throw error;
    }
  }

  /**
   * Seals sensitive evidence: its metadata (unless already sealed, as in a restored backup) and
   * always its bytes, which arrive in clear.
   */
  async sealEvidence(evidence: Evidence, bytes: Uint8Array): Promise<{ evidence: Evidence; blob: BlobRow }> {
    if (!isSensitiveEvidence(evidence)) return { evidence, blob: { id: evidence.id, bytes } };
    await this.ready;
    const key = this.keyFor('add sensitive evidence');
    if (!key) return { evidence, blob: { id: evidence.id, bytes } };
    const sealed = isSealed(evidence) ? evidence : await sealEvidence(key, evidence);
    return { evidence: sealed, blob: { id: evidence.id, bytes: await encryptBytes(key, bytes, EVIDENCE_BYTES_PURPOSE), sealed: true } };
  }

  /**
   * Encrypts bytes under the data key for a purpose (bundle files); null when no vault exists,
   * LockedError when locked. The key itself never leaves this object.
   */
  async encrypt(bytes: Uint8Array, purpose: string): Promise<Uint8Array | null> {
    await this.ready;
    const key = this.keyFor('export sensitive evidence');
    return key ? encryptBytes(key, bytes, purpose) : null;
  }

  /** Decrypts what `encrypt` made; null when locked, without a vault, or under another key. */
  async decrypt(bytes: Uint8Array, purpose: string): Promise<Uint8Array | null> {
    if (!this.key) return null;
    try {
      return await decryptBytes(this.key, bytes, purpose);
    } catch {
      return null;
    }
  }

  async openEvidence(evidence: Evidence): Promise<Evidence> {
    if (!isSealed(evidence) || !this.key) return evidence;
    try {
      return await openEvidence(this.key, evidence);
    } catch (error) {
      if (error instanceof DecryptionError) return evidence;
      throw error;
    }
  }

  sealedError(what: string): Error {
    return this.key ? new ForeignSealError(what) : new LockedError(what);
  }

  async openBlob(blob: BlobRow): Promise<Uint8Array> {
    if (!blob.sealed) return blob.bytes;
    if (!this.key) throw new LockedError('open sensitive evidence');
    return decryptBytes(this.key, blob.bytes, EVIDENCE_BYTES_PURPOSE);
  }
}

/**
 * The vault: a random AES-256 data key that encrypts the sensitive data, stored only wrapped
 * (encrypted) under a key derived from the user's passphrase with PBKDF2-SHA-256. Neither the
 * passphrase nor either key is ever stored in clear. A wrong passphrase fails the wrapped key's
 * authentication and is reported as such; nothing is changed or destroyed by a failed unlock.
 * Changing the passphrase re-wraps the same data key, so no data has to be re-encrypted.
 */
import { z } from 'zod';
import { decryptBytes, encryptBytes } from './cipher';
import { fromBase64, randomBytes, toBase64, utf8 } from './encoding';

/** The PBKDF2-SHA-256 work factor for new vaults (the OWASP recommendation as of 2023). */
export const DEFAULT_ITERATIONS = 600_000;
/** No vault is created or opened with less work than this: a stored header cannot downgrade it. */
export const MIN_ITERATIONS = 100_000;
/** Passphrases shorter than this are refused when a vault is created or its passphrase changed. */
export const MIN_PASSPHRASE_LENGTH = 10;
const SALT_BYTES = 16;
const WRAP_PURPOSE = 'subtier vault: data key';
const CHECK_PURPOSE = 'subtier vault: key check';
const CHECK_TEXT = 'Subtier key check v1';

export const vaultHeaderSchema = z.object({
  version: z.literal(1),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().min(MIN_ITERATIONS).max(50_000_000),
    salt: z.string().min(16).max(200),
  }),
  cipher: z.literal('AES-GCM-256'),
  /** The data key, encrypted under the passphrase-derived key. */
  wrappedKey: z.string().min(1).max(1000),
  /** A known text encrypted under the data key: proves the unwrapped key is the right one. */
  keyCheck: z.string().min(1).max(1000),
  createdAt: z.string(),
  changedAt: z.string(),
});
export type VaultHeader = z.infer<typeof vaultHeaderSchema>;

export type UnlockResult =
  | { readonly ok: true; readonly key: CryptoKey }
  | { readonly ok: false; readonly reason: 'wrong-passphrase' | 'damaged'; readonly message: string };

const subtle = () => globalThis.crypto.subtle;

/** Passphrases are compared as Unicode NFC, so the same words typed on another keyboard still match. */
const normalize = (passphrase: string) => utf8(passphrase.normalize('NFC'));

async function deriveWrappingKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', normalize(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

const importDataKey = (raw: Uint8Array, extractable: boolean) =>
  subtle().importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'AES-GCM', length: 256 }, extractable, ['encrypt', 'decrypt']);

/** A problem with a passphrase chosen for a vault, or null when it is acceptable. */
export function passphraseProblem(passphrase: string): string | null {
  if (passphrase.normalize('NFC').length < MIN_PASSPHRASE_LENGTH) return `Use at least ${MIN_PASSPHRASE_LENGTH} characters; a few words are easier to remember than symbols.`;
  if (passphrase.trim() !== passphrase) return 'The passphrase starts or ends with a space; remove it so it can be typed again reliably.';
  return null;
}

async function wrap(dataKeyRaw: Uint8Array, passphrase: string, iterations: number, now: string, createdAt: string): Promise<VaultHeader> {
  const salt = randomBytes(SALT_BYTES);
  const wrapping = await deriveWrappingKey(passphrase, salt, iterations);
  const dataKey = await importDataKey(dataKeyRaw, false);
  return {
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: 'AES-GCM-256',
    wrappedKey: toBase64(await encryptBytes(wrapping, dataKeyRaw, WRAP_PURPOSE)),
    keyCheck: toBase64(await encryptBytes(dataKey, utf8(CHECK_TEXT), CHECK_PURPOSE)),
    createdAt,
    changedAt: now,
  };
}

/**
 * Creates a vault: a fresh random data key wrapped under the passphrase. Returns the header to
 * store and the data key (non-extractable) to use now.
 */
export async function createVault(passphrase: string, now: string, iterations = DEFAULT_ITERATIONS): Promise<{ header: VaultHeader; key: CryptoKey }> {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new Error(problem);
  if (iterations < MIN_ITERATIONS) throw new Error(`PBKDF2 needs at least ${MIN_ITERATIONS} iterations`);
  const raw = randomBytes(32);
  try {
    const header = await wrap(raw, passphrase, iterations, now, now);
    return { header, key: await importDataKey(raw, false) };
  } finally {
    raw.fill(0);
  }
}

/** Unwraps the data key bytes; null when the passphrase does not open the wrapped key. */
async function unwrapRaw(header: VaultHeader, passphrase: string): Promise<Uint8Array | null> {
  const wrapping = await deriveWrappingKey(passphrase, fromBase64(header.kdf.salt) as Uint8Array<ArrayBuffer>, header.kdf.iterations);
  try {
    return await decryptBytes(wrapping, fromBase64(header.wrappedKey), WRAP_PURPOSE);
  } catch {
    return null;
  }
}

async function checkKey(header: VaultHeader, key: CryptoKey): Promise<boolean> {
  try {
    await decryptBytes(key, fromBase64(header.keyCheck), CHECK_PURPOSE);
    return true;
  } catch {
    return false;
  }
}

/** Opens a vault with a passphrase. A wrong passphrase is an answer, not an exception. */
export async function unlockVault(stored: unknown, passphrase: string): Promise<UnlockResult> {
  const parsed = vaultHeaderSchema.safeParse(stored);
  if (!parsed.success) return { ok: false, reason: 'damaged', message: 'The stored vault settings are damaged; the encrypted data cannot be opened. Restore a backup.' };
  const header = parsed.data;
  const raw = await unwrapRaw(header, passphrase);
  if (!raw) return { ok: false, reason: 'wrong-passphrase', message: 'That passphrase is not the right one. Nothing was changed; try again.' };
  try {
    const key = await importDataKey(raw, false);
    if (!(await checkKey(header, key))) return { ok: false, reason: 'damaged', message: 'The passphrase was accepted but the key check failed: the vault settings were changed. Restore a backup.' };
    return { ok: true, key };
  } finally {
    raw.fill(0);
  }
}

/**
 * Re-wraps the same data key under a new passphrase (with a new salt). Returns the new header,
 * or the reason the old passphrase did not open the vault. The data itself is untouched.
 */
export async function changePassphrase(stored: unknown, oldPassphrase: string, newPassphrase: string, now: string, iterations = DEFAULT_ITERATIONS): Promise<{ ok: true; header: VaultHeader } | { ok: false; message: string }> {
  const problem = passphraseProblem(newPassphrase);
  if (problem) return { ok: false, message: problem };
  const parsed = vaultHeaderSchema.safeParse(stored);
  if (!parsed.success) return { ok: false, message: 'The stored vault settings are damaged.' };
  const raw = await unwrapRaw(parsed.data, oldPassphrase);
  if (!raw) return { ok: false, message: 'The current passphrase is not the right one. Nothing was changed.' };
  try {
    return { ok: true, header: await wrap(raw, newPassphrase, Math.max(iterations, MIN_ITERATIONS), now, parsed.data.createdAt) };
  } finally {
    raw.fill(0);
  }
}

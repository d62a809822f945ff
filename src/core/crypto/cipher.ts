/**
 * AES-256-GCM encryption of bytes and of JSON values under the vault's data key. Every message gets
 * a fresh random 96-bit IV; the authentication tag means a changed, truncated or misplaced
 * ciphertext is refused rather than decrypted to garbage. Additional data ("what this is") binds a
 * ciphertext to its purpose, so sealed party fields cannot be passed off as evidence bytes.
 */
import { fromBase64, fromUtf8, randomBytes, toBase64, utf8 } from './encoding';

const subtle = () => globalThis.crypto.subtle;
const IV_BYTES = 12;
/** The first byte of every binary ciphertext: the format version. */
const BYTES_FORMAT = 1;
/** The prefix of every sealed text: "sv1." + base64(iv) + "." + base64(ciphertext). */
const TEXT_PREFIX = 'sv1.';

/** A ciphertext that could not be opened: wrong key, or changed since it was written. */
export class DecryptionError extends Error {
  constructor(what: string) {
    super(`${what} could not be decrypted: the key is wrong or the data was changed.`);
    this.name = 'DecryptionError';
  }
}

const asBuffer = (bytes: Uint8Array): Uint8Array<ArrayBuffer> =>
  (bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes)) as Uint8Array<ArrayBuffer>;

/** Encrypts bytes: [format byte][12-byte IV][ciphertext and 16-byte tag]. */
export async function encryptBytes(key: CryptoKey, plain: Uint8Array, purpose: string): Promise<Uint8Array> {
  const iv = randomBytes(IV_BYTES);
  const sealed = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: utf8(purpose) }, key, asBuffer(plain)));
  const out = new Uint8Array(1 + IV_BYTES + sealed.length);
  out[0] = BYTES_FORMAT;
  out.set(iv, 1);
  out.set(sealed, 1 + IV_BYTES);
  return out;
}

/** Decrypts what encryptBytes made for the same purpose; throws DecryptionError otherwise. */
export async function decryptBytes(key: CryptoKey, data: Uint8Array, purpose: string): Promise<Uint8Array> {
  if (data.length < 1 + IV_BYTES + 16 || data[0] !== BYTES_FORMAT) throw new DecryptionError(purpose);
  try {
    const iv = data.slice(1, 1 + IV_BYTES);
    return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv, additionalData: utf8(purpose) }, key, data.slice(1 + IV_BYTES)));
  } catch {
    throw new DecryptionError(purpose);
  }
}

/** True for a string produced by sealText/sealJson. */
export function isSealedText(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(TEXT_PREFIX);
}

/** Encrypts a string into a printable sealed string. */
export async function sealText(key: CryptoKey, text: string, purpose: string): Promise<string> {
  const iv = randomBytes(IV_BYTES);
  const sealed = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: utf8(purpose) }, key, asBuffer(utf8(text))));
  return `${TEXT_PREFIX}${toBase64(iv)}.${toBase64(sealed)}`;
}

/** Opens a sealed string; throws DecryptionError on a wrong key, a wrong purpose or any change. */
export async function openText(key: CryptoKey, sealed: string, purpose: string): Promise<string> {
  if (!isSealedText(sealed)) throw new DecryptionError(purpose);
  const parts = sealed.slice(TEXT_PREFIX.length).split('.');
  try {
    if (parts.length !== 2) throw new Error('malformed');
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv: asBuffer(fromBase64(parts[0]!)), additionalData: utf8(purpose) }, key, asBuffer(fromBase64(parts[1]!)));
    return fromUtf8(new Uint8Array(plain));
  } catch {
    throw new DecryptionError(purpose);
  }
}

export const sealJson = (key: CryptoKey, value: unknown, purpose: string): Promise<string> => sealText(key, JSON.stringify(value), purpose);

export async function openJson(key: CryptoKey, sealed: string, purpose: string): Promise<unknown> {
  return JSON.parse(await openText(key, sealed, purpose));
}

// The vault and the cipher: passphrase-derived wrapping, wrong passphrases, tampering, passphrase
// changes, and AES-GCM sealing bound to its purpose.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ITERATIONS, DecryptionError, MIN_ITERATIONS, changePassphrase, createVault, decryptBytes, encryptBytes,
  fromBase64, openText, sealText, toBase64, unlockVault,
} from '../../../src/core/crypto';

const NOW = '2026-01-01T00:00:00.000Z';
const PASS = 'correct horse battery staple';

describe('vault', () => {
  it('uses PBKDF2-SHA-256 with 600,000 iterations and a 16-byte random salt by default', async () => {
    const { header, key } = await createVault(PASS, NOW);
    expect(DEFAULT_ITERATIONS).toBe(600_000);
    expect(header.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
    expect(fromBase64(header.kdf.salt)).toHaveLength(16);
    expect(header.cipher).toBe('AES-GCM-256');
    expect(key.extractable).toBe(false);
    expect((await unlockVault(header, PASS)).ok).toBe(true);
  });

  it('stores neither the passphrase nor the key in clear', async () => {
    const { header, key } = await createVault(PASS, NOW, MIN_ITERATIONS);
    const json = JSON.stringify(header);
    expect(json).not.toContain(PASS);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    // The wrapped key is format byte + IV + 32 encrypted key bytes + GCM tag: nothing else.
    expect(fromBase64(header.wrappedKey)).toHaveLength(1 + 12 + 32 + 16);
  });

  it('gives two vaults with the same passphrase different salts and keys', async () => {
    const a = await createVault(PASS, NOW, MIN_ITERATIONS);
    const b = await createVault(PASS, NOW, MIN_ITERATIONS);
    expect(a.header.kdf.salt).not.toBe(b.header.kdf.salt);
    const sealed = await sealText(a.key, 'x', 'p');
    await expect(openText(b.key, sealed, 'p')).rejects.toBeInstanceOf(DecryptionError);
  });

  it('answers a wrong passphrase with a clear message and changes nothing', async () => {
    const { header, key } = await createVault(PASS, NOW, MIN_ITERATIONS);
    const copy = structuredClone(header);
    const sealed = await sealText(key, 'interview notes', 'notes');
    const result = await unlockVault(header, 'correct horse battery stapler');
    expect(result).toEqual({ ok: false, reason: 'wrong-passphrase', message: 'That passphrase is not the right one. Nothing was changed; try again.' });
    expect(header).toEqual(copy);
    const again = await unlockVault(header, PASS);
    expect(again.ok && (await openText(again.key, sealed, 'notes'))).toBe('interview notes');
  });

  it('accepts the same passphrase typed in another Unicode form', async () => {
    const composed = 'caf\u00e9 au lait, s\u2019il vous pla\u00eet';
    const { header } = await createVault(composed, NOW, MIN_ITERATIONS);
    expect((await unlockVault(header, composed.normalize('NFD'))).ok).toBe(true);
  });

  it('reports damaged settings instead of guessing', async () => {
    const { header } = await createVault(PASS, NOW, MIN_ITERATIONS);
    const badCheck = { ...header, keyCheck: toBase64(fromBase64(header.keyCheck).map((b, i) => (i === 20 ? b ^ 1 : b))) };
    expect(await unlockVault(badCheck, PASS)).toMatchObject({ ok: false, reason: 'damaged' });
    expect(await unlockVault({ ...header, kdf: { ...header.kdf, iterations: 1000 } }, PASS)).toMatchObject({ ok: false, reason: 'damaged' });
    expect(await unlockVault(null, PASS)).toMatchObject({ ok: false, reason: 'damaged' });
    const badWrap = { ...header, wrappedKey: toBase64(fromBase64(header.wrappedKey).map((b, i) => (i === 30 ? b ^ 1 : b))) };
    expect((await unlockVault(badWrap, PASS)).ok).toBe(false);
  });

  it('refuses weak settings when creating', async () => {
    await expect(createVault('short', NOW)).rejects.toThrow(/at least 10 characters/);
    await expect(createVault(PASS, NOW, 1000)).rejects.toThrow(/iterations/);
  });

  it('changes the passphrase without changing the data key', async () => {
    const { header, key } = await createVault(PASS, NOW, MIN_ITERATIONS);
    const sealed = await sealText(key, 'passport held by minder', 'notes');
    expect(await changePassphrase(header, 'not it at all', 'a new long passphrase', NOW, MIN_ITERATIONS)).toEqual({ ok: false, message: 'The current passphrase is not the right one. Nothing was changed.' });
    const changed = await changePassphrase(header, PASS, 'a new long passphrase', '2026-02-01T00:00:00.000Z', MIN_ITERATIONS);
    if (!changed.ok) throw new Error(changed.message);
    expect(changed.header.kdf.salt).not.toBe(header.kdf.salt);
    expect(changed.header.createdAt).toBe(NOW);
    expect((await unlockVault(changed.header, PASS)).ok).toBe(false);
    const opened = await unlockVault(changed.header, 'a new long passphrase');
    expect(opened.ok && (await openText(opened.key, sealed, 'notes'))).toBe('passport held by minder');
  });
});

describe('cipher', () => {
  const key = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

  it('round-trips bytes and text, with a fresh IV every time', async () => {
    const k = await key();
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const a = await encryptBytes(k, bytes, 'evidence');
    const b = await encryptBytes(k, bytes, 'evidence');
    expect(a).not.toEqual(b);
    expect(await decryptBytes(k, a, 'evidence')).toEqual(bytes);
    const text = '김철수 Ким Чер Су كيم';
    expect(await openText(k, await sealText(k, text, 'name'), 'name')).toBe(text);
  });

  it('refuses a changed byte, a truncated message, another purpose or another key', async () => {
    const k = await key();
    const sealed = await encryptBytes(k, new Uint8Array(100), 'evidence');
    const flipped = sealed.slice();
    flipped[40]! ^= 1;
    await expect(decryptBytes(k, flipped, 'evidence')).rejects.toBeInstanceOf(DecryptionError);
    await expect(decryptBytes(k, sealed.slice(0, 20), 'evidence')).rejects.toBeInstanceOf(DecryptionError);
    await expect(decryptBytes(k, sealed, 'party')).rejects.toBeInstanceOf(DecryptionError);
    await expect(decryptBytes(await key(), sealed, 'evidence')).rejects.toBeInstanceOf(DecryptionError);
    await expect(openText(k, 'sv1.not.base64!', 'x')).rejects.toBeInstanceOf(DecryptionError);
  });
});

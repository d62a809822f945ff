/**
 * The evidence codec for project bundles and backups (src/core/io/bundle-format.ts): sensitive
 * evidence goes into a bundle encrypted under the vault's data key, never in clear, and comes back
 * out on restore. A bundle from another computer's vault cannot be opened here; the importer then
 * refuses it rather than storing ciphertext as evidence.
 */
import type { EvidenceCodec } from '../io/bundle-format';

/** What the codec needs of the vault (the session provides it): encryption bound to a purpose. */
export interface PurposeCipher {
  encrypt(plain: Uint8Array, purpose: string): Promise<Uint8Array | null>;
  decrypt(sealed: Uint8Array, purpose: string): Promise<Uint8Array | null>;
}

export const VAULT_CODEC_SCHEME = 'subtier-vault-aes-256-gcm-v1';
const BUNDLE_PURPOSE = 'subtier bundle evidence v1';

/** Encrypts sensitive evidence with the vault; plain evidence and a vault-less app pass through. */
export function vaultEvidenceCodec(vault: PurposeCipher): EvidenceCodec {
  return {
    encode: async (evidence, plain) => {
      if (!evidence.sensitive) return null;
      const bytes = await vault.encrypt(plain, `${BUNDLE_PURPOSE} ${evidence.id}`);
      return bytes ? { bytes, encryption: { scheme: VAULT_CODEC_SCHEME } } : null;
    },
    decode: async (evidence, stored, encryption) =>
      encryption.scheme === VAULT_CODEC_SCHEME ? vault.decrypt(stored, `${BUNDLE_PURPOSE} ${evidence.id}`) : null,
  };
}

/** Encryption at rest: the vault (passphrase-wrapped data key), AES-GCM sealing, and the sealed-record policy. */
export * from './cipher';
export * from './encoding';
export * from './sealed-records';
export * from './vault';
export * from './vault-session';
export * from './bundle-codec';

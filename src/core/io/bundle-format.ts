/**
 * The .subtier project bundle format: a zip holding manifest.json, project.json (the project
 * snapshot), audit.json (its audit log) and one file per evidence item under evidence/. The manifest
 * lists every other file with its size and SHA-256. The schema version follows the data schema, and
 * older versions are upgraded on read, the way the database upgrades itself.
 */
import { z } from 'zod';

export const BUNDLE_FORMAT = 'subtier-bundle';
/**
 * Version 2: parties carry reference codes and flags; questionnaires, overrides, hits and attestations.
 * Version 3: the manifest records the head of the project's audit chain, and a bundle may be signed.
 */
export const BUNDLE_SCHEMA_VERSION = 3;
export const BUNDLE_EXTENSION = '.subtier';
export const BUNDLE_MEDIA_TYPE = 'application/vnd.subtier.bundle+zip';

export const MANIFEST_PATH = 'manifest.json';
export const PROJECT_PATH = 'project.json';
export const AUDIT_PATH = 'audit.json';
/** The signature over the manifest (see src/core/crypto/signing.ts); not listed in the manifest it signs. */
export const SIGNATURE_PATH = 'signature.json';
export const evidencePath = (evidenceId: string) => `evidence/${evidenceId}`;
/** Evidence ids a bundle may carry: they name files inside it, so no separators or dots alone. */
export const SAFE_ID = /^(?!\.{1,2}$)[A-Za-z0-9_.-]{1,100}$/;

/**
 * How an evidence file is encoded in the bundle when it is not stored as plain bytes (sensitive
 * evidence encrypted by the app's passphrase). The scheme names the codec; the rest is the codec's.
 */
export const encryptionInfoSchema = z.object({ scheme: z.string().min(1).max(100) }).catchall(z.unknown());
export type EncryptionInfo = z.infer<typeof encryptionInfoSchema>;

export const manifestFileSchema = z.object({
  path: z.string().min(1).max(300),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  evidenceId: z.string().min(1).max(100).optional(),
  encryption: encryptionInfoSchema.optional(),
});
export type ManifestFile = z.infer<typeof manifestFileSchema>;

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  schemaVersion: z.number().int().positive(),
  appVersion: z.string().max(50),
  createdAt: z.string().max(50),
  project: z.object({ id: z.string().min(1).max(100), name: z.string().max(300) }),
  files: z.array(manifestFileSchema),
  /** Where the project's audit chain in audit.json ends (from version 3). */
  auditHead: z.object({ count: z.number().int().nonnegative(), hash: z.string().max(64) }).optional(),
});
export type BundleManifest = z.infer<typeof manifestSchema>;

/**
 * The evidence codec: the extension point through which sensitive evidence travels encrypted.
 * `encode` is asked on export for every evidence file (return null to store it as is); `decode` on
 * import for every encoded file (return null when it cannot, for example while the app is locked).
 */
export interface EvidenceCodec {
  encode?(evidence: { readonly id: string; readonly sensitive: boolean }, plain: Uint8Array): Promise<{ readonly bytes: Uint8Array; readonly encryption: EncryptionInfo } | null>;
  decode?(evidence: { readonly id: string }, stored: Uint8Array, encryption: EncryptionInfo): Promise<Uint8Array | null>;
}

type Json = Record<string, unknown>;

/** Upgrades project.json of a version-1 bundle (database schema 1) to version 2. */
function upgradeFrom1(data: Json): Json {
  const parties = Array.isArray(data.parties) ? (data.parties as Json[]) : [];
  return {
    ...data,
    parties: parties.map((p) => ({
      ...p,
      ref: typeof p.ref === 'string' && p.ref !== '' ? p.ref : String(p.id),
      aliases: Array.isArray(p.aliases) ? p.aliases : [],
      isClient: typeof p.isClient === 'boolean' ? p.isClient : false,
      isWorker: typeof p.isWorker === 'boolean' ? p.isWorker : false,
      workforce: p.workforce === undefined ? null : p.workforce,
    })),
    questionnaires: data.questionnaires ?? [],
    overrides: data.overrides ?? [],
    hits: data.hits ?? [],
    attestations: data.attestations ?? [],
  };
}

/** Version 3 changed only the manifest and the audit log: project.json is as in version 2. */
const UPGRADES: Readonly<Record<number, (data: Json) => Json>> = { 1: upgradeFrom1, 2: (data) => data };

/** Brings project.json data of `version` up to the current schema, one version at a time. */
export function upgradeProjectData(data: unknown, version: number): unknown {
  let current = data;
  for (let v = version; v < BUNDLE_SCHEMA_VERSION; v++) {
    const step = UPGRADES[v];
    if (!step) throw new Error(`no upgrade from bundle version ${v}`);
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return current;
    current = step(current as Json);
  }
  return current;
}

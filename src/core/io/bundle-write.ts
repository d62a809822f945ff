/**
 * Writes a project bundle (.subtier): the snapshot, the evidence files, the audit log and a manifest
 * of SHA-256 hashes. Evidence bytes are checked against their recorded hashes first, so a damaged
 * store is noticed at export rather than by the colleague who imports the bundle. Deterministic: the
 * same project, evidence, log and date give the same bytes.
 */
import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { canonicalJson, sha256Hex, sortSnapshot } from '../model';
import type { AuditEntry, ProjectSnapshot } from '../model';
import { APP_VERSION } from '../version';
import { AUDIT_PATH, BUNDLE_FORMAT, BUNDLE_SCHEMA_VERSION, MANIFEST_PATH, PROJECT_PATH, evidencePath } from './bundle-format';
import type { BundleManifest, EvidenceCodec, ManifestFile } from './bundle-format';

export interface BundleInput {
  readonly snapshot: ProjectSnapshot;
  /** The plain bytes of every evidence file, by evidence id. */
  readonly evidence: ReadonlyMap<string, Uint8Array>;
  /** The project's audit chain, oldest first (its head is recorded in the manifest). */
  readonly audit: readonly AuditEntry[];
  /** When the bundle is made (from the injected clock). */
  readonly createdAt: string;
  /** Encrypts sensitive evidence on the way out, when the app has a passphrase set. */
  readonly codec?: EvidenceCodec;
}

const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Builds the bundle bytes. Throws when an evidence file is missing or does not match its hash. */
export async function writeBundle(input: BundleInput): Promise<Uint8Array> {
  const snapshot = sortSnapshot(input.snapshot);
  const files: ManifestFile[] = [];
  const zip: Zippable = {};
  const add = (path: string, bytes: Uint8Array, level: 0 | 6, extra: Partial<ManifestFile> = {}) => {
    files.push({ path, size: bytes.length, sha256: sha256Hex(bytes), ...extra });
    zip[path] = [bytes, { level, mtime: ZIP_TIME }];
  };
  add(PROJECT_PATH, strToU8(canonicalJson(snapshot)), 6);
  add(AUDIT_PATH, strToU8(canonicalJson({ entries: input.audit })), 6);
  for (const ev of snapshot.evidence) {
    const plain = input.evidence.get(ev.id);
    if (!plain) throw new Error(`The file of evidence "${ev.title || ev.fileName}" (${ev.id}) is missing from storage; remove the evidence record or attach the file again before exporting.`);
    if (sha256Hex(plain) !== ev.sha256) throw new Error(`The stored file of evidence "${ev.title || ev.fileName}" (${ev.id}) no longer matches its SHA-256; it was damaged in storage.`);
    const encoded = input.codec?.encode ? await input.codec.encode(ev, plain) : null;
    // Evidence is mostly photos and PDFs, already compressed: stored as is.
    if (encoded) add(evidencePath(ev.id), encoded.bytes, 0, { evidenceId: ev.id, encryption: encoded.encryption });
    else add(evidencePath(ev.id), plain, 0, { evidenceId: ev.id });
  }
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    appVersion: APP_VERSION,
    createdAt: input.createdAt,
    project: { id: snapshot.project.id, name: snapshot.project.name },
    files,
    auditHead: input.audit.length ? { count: input.audit.length, hash: input.audit.at(-1)!.hash } : { count: 0, hash: '' },
  };
  const ordered: Zippable = { [MANIFEST_PATH]: [strToU8(JSON.stringify(manifest, null, 2)), { level: 6, mtime: ZIP_TIME }] };
  for (const f of files) ordered[f.path] = zip[f.path]!;
  return zipSync(ordered);
}

/** A file name for a project's bundle: "Stadium East Stand 2026-03-01.subtier", safe on every OS. */
export function bundleFileName(projectName: string, date: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  const safe = projectName.replace(/[\\/:*?"<>|\u0000-\u001F]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'project';
  return `${safe} ${date.slice(0, 10)}.subtier`;
}

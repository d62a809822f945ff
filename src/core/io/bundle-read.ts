/**
 * Reads a project bundle and refuses it unless it arrived whole: the archive passes the zip checks
 * (no duplicate, unsafe or overlapping entries, nothing inflating past its declared size), every
 * file the manifest lists is present with its recorded size and SHA-256 at a path a bundle may hold,
 * no unlisted file rides along, the project validates (after upgrading older versions), every
 * evidence file matches the hash on its record, and the audit chain verifies up to the head the
 * manifest records. Each refusal says what is wrong in words; nothing is thrown for bad bytes.
 */
import { strFromU8 } from 'fflate';
import { auditEntrySchema, parseProjectSnapshot, sameHead, sha256Hex, verifyProjectChain } from '../model';
import type { AuditEntry, AuditHead, ProjectSnapshot } from '../model';
import { AUDIT_PATH, BUNDLE_FORMAT, BUNDLE_SCHEMA_VERSION, MANIFEST_PATH, PROJECT_PATH, SAFE_ID, SIGNATURE_PATH, manifestSchema, upgradeProjectData } from './bundle-format';
import type { BundleManifest, EncryptionInfo, EvidenceCodec } from './bundle-format';
import { describeKind, sniffFile } from './file-sniff';
import { inflateEntry, listZip } from './zip-read';
import { BUNDLE_LIMITS, formatBytes } from './limits';
import { fileError } from './problems';
import type { ImportProblem, Parsed } from './problems';

export interface BundleContents {
  readonly manifest: BundleManifest;
  readonly snapshot: ProjectSnapshot;
  /** Plain bytes of the evidence files, by evidence id (encoded ones that could not be decoded are absent). */
  readonly evidence: ReadonlyMap<string, Uint8Array>;
  /** Evidence still encoded because no codec could decode it, with its encoding. */
  readonly encoded: ReadonlyMap<string, { readonly bytes: Uint8Array; readonly encryption: EncryptionInfo }>;
  /** The project's audit chain, verified whole. */
  readonly audit: readonly AuditEntry[];
  /** Where that chain ends (as the manifest also records, from version 3). */
  readonly auditHead: AuditHead;
  /** The schema version the bundle was written with (lower than current when it was upgraded). */
  readonly sourceVersion: number;
}

const problem = (message: string, severity: 'error' | 'warning' = 'error'): ImportProblem => ({ severity, sheet: '', row: null, column: null, message });
const REFUSED = 'The bundle was refused';

/** The largest manifest.json read (it lists every file with its hash). */
const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;

/** Why a manifest path is not one a bundle may hold, or null. */
function badManifestPath(f: { path: string; evidenceId?: string | undefined }): string | null {
  if (f.path === PROJECT_PATH || f.path === AUDIT_PATH) return f.evidenceId === undefined ? null : `${f.path} is not an evidence file`;
  const id = f.path.startsWith('evidence/') ? f.path.slice('evidence/'.length) : null;
  if (id === null || !SAFE_ID.test(id)) return `${JSON.stringify(f.path)} is not a path a bundle may hold (only project.json, audit.json and evidence/<id>)`;
  if (f.evidenceId !== id) return `${f.path} is listed for evidence ${f.evidenceId ?? '(none)'}`;
  return null;
}

/** Reads and verifies a .subtier bundle. The value is null when the bundle is refused. */
export async function readBundle(bytes: Uint8Array, options: { readonly codec?: EvidenceCodec } = {}): Promise<Parsed<BundleContents | null>> {
  if (bytes.length > BUNDLE_LIMITS.maxBundleBytes) return fileError(null, `${REFUSED}: it is ${formatBytes(bytes.length)}; bundles up to ${formatBytes(BUNDLE_LIMITS.maxBundleBytes)} are accepted`);
  const kind = sniffFile(bytes);
  if (kind !== 'zip') return fileError(null, `This is not a Subtier bundle: it is ${describeKind(kind)}`);
  const listing = listZip(bytes, {
    maxEntries: BUNDLE_LIMITS.maxEntries,
    maxUnpackedBytes: BUNDLE_LIMITS.maxUnpackedBytes,
    maxEntryBytes: (name) => (name === PROJECT_PATH || name === AUDIT_PATH ? BUNDLE_LIMITS.maxJsonBytes : name === MANIFEST_PATH || name === SIGNATURE_PATH ? MAX_MANIFEST_BYTES : BUNDLE_LIMITS.maxUnpackedBytes),
  });
  if (!listing.ok) return fileError(null, `${REFUSED}: ${listing.error}`);
  const byName = new Map(listing.entries.map((e) => [e.name, e] as const));
  const manifestEntry = byName.get(MANIFEST_PATH);
  if (!manifestEntry) {
    if (byName.has('xl/workbook.xml')) return fileError(null, 'This is an Excel workbook, not a bundle; import it as a workbook');
    return fileError(null, 'This is not a Subtier bundle: it has no manifest.json');
  }
  const manifestBytes = inflateEntry(bytes, manifestEntry);
  if (!manifestBytes.ok) return fileError(null, `${REFUSED}: ${manifestBytes.error}`);

  let manifest: BundleManifest;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(strFromU8(manifestBytes.bytes)));
    if (!parsed.success) {
      const formatIssue = parsed.error.issues.find((i) => i.path[0] === 'format');
      return fileError(null, formatIssue ? 'This is not a Subtier bundle: its manifest names another format' : `${REFUSED}: its manifest is not valid (${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
    }
    manifest = parsed.data;
  } catch {
    return fileError(null, `${REFUSED}: its manifest is not valid JSON`);
  }
  if (manifest.format !== BUNDLE_FORMAT) return fileError(null, 'This is not a Subtier bundle');
  if (manifest.schemaVersion > BUNDLE_SCHEMA_VERSION) return fileError(null, `This bundle was made by a newer Subtier (bundle version ${manifest.schemaVersion}, app ${manifest.appVersion}); update Subtier to open it`);

  // Only the files the manifest lists, at paths a bundle may hold, each once; nothing else rides along.
  const listed = new Set(manifest.files.map((f) => f.path));
  if (listed.size !== manifest.files.length) return fileError(null, `${REFUSED}: its manifest lists a file twice`);
  for (const f of manifest.files) {
    const bad = badManifestPath(f);
    if (bad) return fileError(null, `${REFUSED}: its manifest is not valid (${bad})`);
  }
  for (const e of listing.entries) {
    if (e.name !== MANIFEST_PATH && e.name !== SIGNATURE_PATH && !listed.has(e.name)) return fileError(null, `${REFUSED}: it contains ${e.name}, which the manifest does not list (files were added after it was made)`);
  }
  const parts = new Map<string, Uint8Array>();
  for (const f of manifest.files) {
    const entry = byName.get(f.path);
    if (!entry) return fileError(null, `${REFUSED}: ${f.path} is listed in the manifest but missing from the bundle (incomplete copy?)`);
    if (entry.originalSize !== f.size) return fileError(null, `${REFUSED}: ${f.path} is ${entry.originalSize} bytes, the manifest says ${f.size} (damaged or altered)`);
    const data = inflateEntry(bytes, entry);
    if (!data.ok) return fileError(null, `${REFUSED}: ${data.error}`);
    if (sha256Hex(data.bytes) !== f.sha256) return fileError(null, `${REFUSED}: ${f.path} does not match its SHA-256 in the manifest; the bundle was altered or damaged after it was made`);
    parts.set(f.path, data.bytes);
  }
  if (!listed.has(PROJECT_PATH)) return fileError(null, `${REFUSED}: it has no project.json`);

  let data: unknown;
  try {
    data = upgradeProjectData(JSON.parse(strFromU8(parts.get(PROJECT_PATH)!)), manifest.schemaVersion);
  } catch (error) {
    return fileError(null, `${REFUSED}: project.json cannot be read (${(error as Error).message})`);
  }
  const snap = parseProjectSnapshot(data, 5);
  if (!snap.ok) return fileError(null, `${REFUSED}: the project in it is not valid (${snap.problems.join('; ')})`);
  const snapshot = snap.snapshot;
  if (snapshot.project.id !== manifest.project.id) return fileError(null, `${REFUSED}: the manifest names project ${manifest.project.id} but project.json holds ${snapshot.project.id}`);

  const warnings: ImportProblem[] = [];
  if (manifest.schemaVersion < BUNDLE_SCHEMA_VERSION) warnings.push(problem(`The bundle was made with bundle version ${manifest.schemaVersion} (Subtier ${manifest.appVersion}) and was upgraded to version ${BUNDLE_SCHEMA_VERSION}`, 'warning'));

  // Evidence: one file per record, matching the record's hash once decoded.
  const evidence = new Map<string, Uint8Array>();
  const encoded = new Map<string, { bytes: Uint8Array; encryption: EncryptionInfo }>();
  const byEvidence = new Map(manifest.files.filter((f) => f.evidenceId).map((f) => [f.evidenceId!, f] as const));
  for (const ev of snapshot.evidence) {
    const entry = byEvidence.get(ev.id);
    const stored = entry ? parts.get(entry.path) : undefined;
    if (!entry || !stored) return fileError(null, `${REFUSED}: the file of evidence "${ev.title || ev.fileName}" (${ev.id}) is missing`);
    let plain: Uint8Array | null = stored;
    if (entry.encryption) {
      plain = options.codec?.decode ? await options.codec.decode(ev, stored, entry.encryption) : null;
      if (!plain) {
        encoded.set(ev.id, { bytes: stored, encryption: entry.encryption });
        warnings.push(problem(`Evidence "${ev.title || ev.fileName}" is encrypted (${entry.encryption.scheme}); unlock Subtier to check its content hash`, 'warning'));
        continue;
      }
    }
    if (sha256Hex(plain) !== ev.sha256) return fileError(null, `${REFUSED}: the file of evidence "${ev.title || ev.fileName}" (${ev.id}) does not match the SHA-256 recorded for it`);
    evidence.set(ev.id, plain);
  }
  const evidenceIds = new Set(snapshot.evidence.map((e) => e.id));
  for (const id of byEvidence.keys()) if (!evidenceIds.has(id)) return fileError(null, `${REFUSED}: it holds a file for evidence ${id}, which the project does not have`);

  // The audit log: the project's own chain, whole, ending where the manifest says it ends.
  const audit: AuditEntry[] = [];
  const auditBytes = parts.get(AUDIT_PATH);
  if (auditBytes) {
    let raw: unknown;
    try {
      raw = JSON.parse(strFromU8(auditBytes));
    } catch {
      return fileError(null, `${REFUSED}: audit.json is not valid JSON`);
    }
    const entries = (raw as { entries?: unknown })?.entries;
    if (!Array.isArray(entries)) return fileError(null, `${REFUSED}: audit.json has no entries list`);
    for (const [i, e] of entries.entries()) {
      const parsed = auditEntrySchema.safeParse(e);
      if (!parsed.success) return fileError(null, `${REFUSED}: audit entry ${i + 1} is not valid`);
      audit.push(parsed.data as AuditEntry);
    }
  } else if (manifest.schemaVersion >= 2) {
    return fileError(null, `${REFUSED}: it has no audit.json`);
  }
  const chain = verifyProjectChain(audit, snapshot.project.id);
  if (!chain.ok) return fileError(null, `${REFUSED}: its audit log does not verify: entry ${chain.firstBroken!.position} ${chain.firstBroken!.reason}. The log was altered after the bundle was made.`);
  if (manifest.auditHead && !sameHead(manifest.auditHead, chain.head)) {
    return fileError(null, `${REFUSED}: its audit log ends at entry ${chain.head.count} (${chain.head.hash.slice(0, 16) || 'none'}), but the manifest records ${manifest.auditHead.count} entries ending at ${manifest.auditHead.hash.slice(0, 16) || 'none'}: entries were removed or added after it was made`);
  }
  if (!manifest.auditHead && manifest.schemaVersion >= 3) return fileError(null, `${REFUSED}: its manifest does not record where the audit log ends`);
  if (chain.legacy) warnings.push(problem(`${chain.legacy} audit entr${chain.legacy > 1 ? 'ies were' : 'y was'} written before projects had their own audit chains: ${chain.legacy > 1 ? 'each is' : 'it is'} checked on its own, not as a chain`, 'warning'));
  return { value: { manifest, snapshot, evidence, encoded, audit, auditHead: chain.head, sourceVersion: manifest.schemaVersion }, errors: [], warnings };
}

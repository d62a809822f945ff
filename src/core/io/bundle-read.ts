/**
 * Reads a project bundle and refuses it unless it arrived whole: every file the manifest lists must
 * be present with its recorded size and SHA-256, no unlisted file may ride along, the project must
 * validate (after upgrading older versions), and every evidence file must match the hash on its
 * record. Each refusal says what is wrong in words; nothing is thrown for bad bytes.
 */
import { strFromU8, unzipSync } from 'fflate';
import { auditEntrySchema, hashAuditEntry, parseProjectSnapshot, sha256Hex } from '../model';
import type { AuditEntry, ProjectSnapshot } from '../model';
import { AUDIT_PATH, BUNDLE_FORMAT, BUNDLE_SCHEMA_VERSION, MANIFEST_PATH, PROJECT_PATH, evidencePath, manifestSchema, upgradeProjectData } from './bundle-format';
import type { BundleManifest, EncryptionInfo, EvidenceCodec } from './bundle-format';
import { describeKind, listZip, sniffFile } from './file-sniff';
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
  readonly audit: readonly AuditEntry[];
  /** The schema version the bundle was written with (lower than current when it was upgraded). */
  readonly sourceVersion: number;
}

const problem = (message: string, severity: 'error' | 'warning' = 'error'): ImportProblem => ({ severity, sheet: '', row: null, column: null, message });
const REFUSED = 'The bundle was refused';

/** Reads and verifies a .subtier bundle. The value is null when the bundle is refused. */
export async function readBundle(bytes: Uint8Array, options: { readonly codec?: EvidenceCodec } = {}): Promise<Parsed<BundleContents | null>> {
  if (bytes.length > BUNDLE_LIMITS.maxBundleBytes) return fileError(null, `${REFUSED}: it is ${formatBytes(bytes.length)}; bundles up to ${formatBytes(BUNDLE_LIMITS.maxBundleBytes)} are accepted`);
  const kind = sniffFile(bytes);
  if (kind !== 'zip') return fileError(null, `This is not a Subtier bundle: it is ${describeKind(kind)}`);
  const listing = listZip(bytes, { maxEntries: BUNDLE_LIMITS.maxEntries, maxUnpackedBytes: BUNDLE_LIMITS.maxUnpackedBytes });
  if (!listing.ok) return fileError(null, `${REFUSED}: ${listing.error}`);
  const names = new Set(listing.entries.map((e) => e.name));
  const hugeJson = listing.entries.find((e) => (e.name === PROJECT_PATH || e.name === AUDIT_PATH) && e.originalSize > BUNDLE_LIMITS.maxJsonBytes);
  if (hugeJson) return fileError(null, `${REFUSED}: its ${hugeJson.name} would unpack to ${formatBytes(hugeJson.originalSize)}; at most ${formatBytes(BUNDLE_LIMITS.maxJsonBytes)} are accepted`);
  if (!names.has(MANIFEST_PATH)) {
    if (names.has('xl/workbook.xml')) return fileError(null, 'This is an Excel workbook, not a bundle; import it as a workbook');
    return fileError(null, 'This is not a Subtier bundle: it has no manifest.json');
  }
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes);
  } catch (error) {
    return fileError(null, `${REFUSED}: the archive is damaged (${(error as Error).message})`);
  }

  let manifest: BundleManifest;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(strFromU8(parts[MANIFEST_PATH]!)));
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

  // Every listed file present and intact, nothing unlisted.
  const listed = new Set(manifest.files.map((f) => f.path));
  if (listed.size !== manifest.files.length) return fileError(null, `${REFUSED}: its manifest lists a file twice`);
  for (const f of manifest.files) {
    const data = parts[f.path];
    if (!data) return fileError(null, `${REFUSED}: ${f.path} is listed in the manifest but missing from the bundle (incomplete copy?)`);
    if (data.length !== f.size) return fileError(null, `${REFUSED}: ${f.path} is ${data.length} bytes, the manifest says ${f.size} (damaged or altered)`);
    if (sha256Hex(data) !== f.sha256) return fileError(null, `${REFUSED}: ${f.path} does not match its SHA-256 in the manifest; the bundle was altered or damaged after it was made`);
  }
  for (const name of Object.keys(parts)) {
    if (name !== MANIFEST_PATH && !listed.has(name) && !name.endsWith('/')) return fileError(null, `${REFUSED}: it contains ${name}, which the manifest does not list (files were added after it was made)`);
  }
  if (!listed.has(PROJECT_PATH)) return fileError(null, `${REFUSED}: it has no project.json`);

  let data: unknown;
  try {
    data = upgradeProjectData(JSON.parse(strFromU8(parts[PROJECT_PATH]!)), manifest.schemaVersion);
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
    const stored = entry ? parts[entry.path] : parts[evidencePath(ev.id)];
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

  // The audit log: each entry must verify on its own (the chain links entries of other projects too).
  const audit: AuditEntry[] = [];
  if (parts[AUDIT_PATH]) {
    let raw: unknown;
    try {
      raw = JSON.parse(strFromU8(parts[AUDIT_PATH]));
    } catch {
      return fileError(null, `${REFUSED}: audit.json is not valid JSON`);
    }
    const entries = (raw as { entries?: unknown })?.entries;
    if (!Array.isArray(entries)) return fileError(null, `${REFUSED}: audit.json has no entries list`);
    let broken = 0;
    for (const [i, e] of entries.entries()) {
      const parsed = auditEntrySchema.safeParse(e);
      if (!parsed.success) return fileError(null, `${REFUSED}: audit entry ${i + 1} is not valid`);
      const entry = parsed.data as AuditEntry;
      if (entry.projectId !== snapshot.project.id) return fileError(null, `${REFUSED}: audit entry ${i + 1} belongs to another project`);
      const { hash, ...rest } = entry;
      if (hashAuditEntry(rest) !== hash) broken++;
      audit.push(entry);
    }
    if (broken) warnings.push(problem(`${broken} audit log entr${broken > 1 ? 'ies do' : 'y does'} not verify: changed after they were written on the exporting computer`, 'warning'));
  } else if (manifest.schemaVersion >= BUNDLE_SCHEMA_VERSION) {
    return fileError(null, `${REFUSED}: it has no audit.json`);
  }
  return { value: { manifest, snapshot, evidence, encoded, audit, sourceVersion: manifest.schemaVersion }, errors: [], warnings };
}

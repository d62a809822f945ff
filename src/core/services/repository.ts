/**
 * The repository: every change to a project goes through here, is validated against the domain
 * schemas, written in one transaction together with its audit entry, and announced to subscribers.
 * Deleting a party never leaves a link dangling: the caller chooses to delete or reassign its links.
 */
import type { z } from 'zod';
import {
  auditEntrySchema, evidenceSchema, linkInputSchema, linkSchema, partyInputSchema, partySchema,
  projectInputSchema, projectSchema, randomId, sealAuditEntry, systemClock, toFieldErrors, sortSnapshot,
} from '../model';
import type {
  AuditEntry, AuditHead, Clock, Evidence, FieldError, IdGenerator, Link, LinkInput, Party, PartyInput, Project,
  ProjectInput, ProjectSnapshot,
} from '../model';
import type { Row, StorageBackend, TableName, Tx } from './ports';
import { LockedError } from '../crypto/vault-session';
import { auditCopy } from '../crypto/sealed-records';
import type { BlobRow, RecordProtector } from '../crypto/vault-session';
import { readAuditHead, writeAuditHead } from './audit-chain';
import type { EvidenceCodec } from '../io/bundle-format';

/** A validation failure with one message per field, for forms and importers. */
export class ValidationError extends Error {
  constructor(readonly errors: FieldError[], what: string) {
    super(`${what}: ${errors.map((e) => (e.path ? `${e.path} ${e.message}` : e.message)).join('; ')}`);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`${what} ${id} does not exist`);
    this.name = 'NotFoundError';
  }
}

/** A record changed between being read and being written back; the edit was not applied. */
export class ConflictError extends Error {
  constructor(what: string, id: string) {
    super(`${what} ${id} was changed by another edit meanwhile; nothing was saved. Reload it and try again.`);
    this.name = 'ConflictError';
  }
}

/** An import was refused because some of its ids already belong to another project; nothing was written. */
export class ImportConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportConflictError';
  }
}

/** A row of an import whose id is already used outside the imported project. */
export interface ForeignRow {
  readonly table: TableName;
  readonly id: string;
  /** The project the stored row belongs to ('' for stored bytes of no project). */
  readonly projectId: string;
}

const TABLE_WORDS: Partial<Record<TableName, string>> = {
  parties: 'parties', links: 'links', evidence: 'evidence records', questionnaires: 'questionnaires', overrides: 'indicator overrides',
  hits: 'screening hits', attestations: 'attestations', backups: 'evidence files', blobs: 'evidence files',
};

/** "4 parties (pty_1, …) already belong to the project "X"; 1 evidence file (bkp_1) …". */
export function describeForeignRows(foreign: readonly ForeignRow[], projectNames: ReadonlyMap<string, string>): string {
  const groups = new Map<string, ForeignRow[]>();
  for (const f of foreign) {
    const key = `${f.projectId}\u0000${f.table}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const parts = [...groups.values()].map((rows) => {
    const { table, projectId } = rows[0]!;
    const ids = rows.slice(0, 3).map((r) => r.id).join(', ') + (rows.length > 3 ? `, and ${rows.length - 3} more` : '');
    const what = `${rows.length} ${TABLE_WORDS[table] ?? table} (${ids})`;
    if (table === 'backups') return `${what} have the id of a stored backup of "${projectNames.get(projectId) ?? projectId}"`;
    if (table === 'blobs') return `${what} have the id of stored bytes of another record`;
    return `${what} already belong to the project "${projectNames.get(projectId) ?? projectId}"`;
  });
  return `The bundle was refused: ${parts.join('; ')}. Importing it would overwrite them, so nothing was imported.`;
}

export type PartyDeletion = { readonly links: 'delete' } | { readonly links: 'reassign'; readonly to: string };

/** Tables whose rows belong to one project and go with it. */
const PROJECT_TABLES: readonly TableName[] = ['parties', 'links', 'evidence', 'questionnaires', 'overrides', 'hits', 'attestations'];
const PARTY_TABLES: readonly TableName[] = ['questionnaires', 'overrides', 'hits', 'attestations'];

export interface RepositoryOptions {
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  /** The name written into audit entries: the signed-in auditor, or "cli". */
  readonly actor?: () => string;
  /**
   * Encryption at rest (src/core/crypto): seals workers' details and sensitive evidence before
   * every write and opens them on interactive reads. Snapshots are returned as stored (sealed).
   */
  readonly protector?: RecordProtector;
}

export type ChangeListener = (change: { readonly table: TableName; readonly projectId: string }) => void;

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(toFieldErrors(result.error), what);
  return result.data;
}

export class Repository {
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly actor: () => string;
  private readonly listeners = new Set<ChangeListener>();
  private readonly protector: RecordProtector | undefined;

  constructor(readonly backend: StorageBackend, options: RepositoryOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.ids = options.ids ?? randomId;
    this.actor = options.actor ?? (() => 'local user');
    this.protector = options.protector;
  }

  // Sealing runs before a write transaction opens, never inside it: WebCrypto is asynchronous and
  // awaiting it inside an IndexedDB transaction would let the transaction commit early.
  private sealParty(party: Party): Promise<Party> {
    return this.protector ? this.protector.sealParty(party) : Promise.resolve(party);
  }

  /** The codec that keeps sensitive evidence encrypted inside bundles and backups, when a vault is in use. */
  get evidenceCodec(): EvidenceCodec | undefined {
    return this.protector?.evidenceCodec;
  }

  private openParty(party: Party): Promise<Party> {
    return this.protector ? this.protector.openParty(party) : Promise.resolve(party);
  }

  /** Calls `listener` after every committed change; returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(table: TableName, projectId: string): void {
    for (const l of this.listeners) l({ table, projectId });
  }

  /** Tells subscribers that reads now answer differently without a write (the vault was locked or unlocked). */
  announce(table: TableName, projectId = ''): void {
    this.notify(table, projectId);
  }

  /** Runs a write and notifies subscribers only once it has committed. */
  async mutate<R>(table: TableName, projectId: string, fn: (tx: Tx) => Promise<R>): Promise<R> {
    const result = await this.backend.write(fn);
    this.notify(table, projectId);
    return result;
  }

  /**
   * Appends a hash-chained audit entry inside the caller's transaction. While a passphrase is set,
   * records are copied in only in their sealed form: a sensitive record still in clear has its
   * sensitive fields left out (auditCopy), whatever the caller passed.
   */
  async audit(tx: Tx, projectId: string, entity: string, entityId: string, before: unknown, after: unknown): Promise<void> {
    const action = before == null ? 'create' : after == null ? 'delete' : 'update';
    const copy = (value: unknown) => (value == null ? null : this.protector?.protecting ? auditCopy(entity, value) : value);
    const previous = await tx.last<AuditEntry>('audit');
    const head = await readAuditHead(tx, projectId);
    const entry = sealAuditEntry({ at: this.clock(), actor: this.actor(), projectId, entity, entityId, action, before: copy(before), after: copy(after) }, previous, head);
    await tx.put('audit', entry as unknown as Row);
    await writeAuditHead(tx, projectId, { count: head.count + 1, hash: entry.hash });
  }

  /** The head of a project's audit chain: how many entries it has and the hash of the last. */
  auditHead(projectId: string): Promise<AuditHead> {
    return this.backend.read((tx) => readAuditHead(tx, projectId));
  }

  // ---- projects -------------------------------------------------------------------------------

  listProjects(): Promise<Project[]> {
    return this.backend.read(async (tx) => (await tx.all<Project>('projects')).sort((a, b) => a.name.localeCompare(b.name)));
  }

  getProject(id: string): Promise<Project | undefined> {
    return this.backend.read((tx) => tx.get<Project>('projects', id));
  }

  async createProject(input: ProjectInput): Promise<Project> {
    const data = parseOrThrow(projectInputSchema, input, 'Project');
    const now = this.clock();
    const project = projectSchema.parse({ ...data, id: this.ids('prj'), createdAt: now, updatedAt: now });
    return this.mutate('projects', project.id, async (tx) => {
      await tx.put('projects', project);
      await this.audit(tx, project.id, 'project', project.id, null, project);
      return project;
    });
  }

  async updateProject(id: string, patch: Partial<ProjectInput>): Promise<Project> {
    return this.mutate('projects', id, async (tx) => {
      const before = await tx.get<Project>('projects', id);
      if (!before) throw new NotFoundError('Project', id);
      const { id: _i, createdAt: _c, updatedAt: _u, ...current } = before;
      const data = parseOrThrow(projectInputSchema, { ...current, ...patch }, 'Project');
      const after: Project = { ...before, ...data, updatedAt: this.clock() };
      await tx.put('projects', after);
      await this.audit(tx, id, 'project', id, before, after);
      return after;
    });
  }

  /** Deletes a project with everything in it. Its audit entries stay: the log is append-only. */
  async deleteProject(id: string): Promise<void> {
    await this.mutate('projects', id, async (tx) => {
      const before = await tx.get<Project>('projects', id);
      if (!before) throw new NotFoundError('Project', id);
      for (const table of PROJECT_TABLES) {
        const rows = await tx.byIndex<{ id: string }>(table, 'projectId', id);
        if (table === 'evidence') await tx.bulkDelete('blobs', rows.map((r) => r.id));
        await tx.bulkDelete(table, rows.map((r) => r.id));
      }
      await tx.delete('projects', id);
      await this.audit(tx, id, 'project', id, before, null);
    });
  }

  // ---- parties --------------------------------------------------------------------------------

  async listParties(projectId: string): Promise<Party[]> {
    const rows = await this.backend.read((tx) => tx.byIndex<Party>('parties', 'projectId', projectId));
    return (await Promise.all(rows.map((p) => this.openParty(p)))).sort((a, b) => a.name.localeCompare(b.name));
  }

  async getParty(id: string): Promise<Party | undefined> {
    const row = await this.backend.read((tx) => tx.get<Party>('parties', id));
    return row && this.openParty(row);
  }

  async createParty(projectId: string, input: PartyInput): Promise<Party> {
    const data = parseOrThrow(partyInputSchema, input, 'Party');
    const now = this.clock();
    const party = partySchema.parse({ ...data, workforce: data.kind === 'workforce' ? data.workforce : null, id: this.ids('pty'), projectId, createdAt: now, updatedAt: now, sealed: '' });
    const stored = await this.sealParty(party);
    return this.mutate('parties', projectId, async (tx) => {
      if (!(await tx.get('projects', projectId))) throw new NotFoundError('Project', projectId);
      await this.assertRefFree(tx, projectId, data.ref, undefined);
      await tx.put('parties', stored);
      await this.audit(tx, projectId, 'party', party.id, null, stored);
      return party;
    });
  }

  /**
   * Edits a party. The merge happens on the opened (clear) record outside the transaction, so a
   * worker's details can be re-sealed before writing; the write is refused if the party changed
   * in between.
   */
  async updateParty(id: string, patch: Partial<PartyInput>): Promise<Party> {
    const stored = await this.backend.read((tx) => tx.get<Party>('parties', id));
    if (!stored) throw new NotFoundError('Party', id);
    const before = await this.openParty(stored);
    if (before.sealed) throw this.protector?.sealedError("edit this worker's details") ?? new LockedError("edit this worker's details");
    const { id: _i, createdAt: _c, updatedAt: _u, projectId: _p, ...fields } = before;
    const data = parseOrThrow(partyInputSchema, { ...fields, ...patch, sealed: '' }, 'Party');
    const after: Party = { ...before, ...data, workforce: data.kind === 'workforce' ? data.workforce : null, updatedAt: this.clock() };
    const toStore = await this.sealParty(after);
    return this.mutate('parties', stored.projectId, async (tx) => {
      const current = await tx.get<Party>('parties', id);
      if (!current) throw new NotFoundError('Party', id);
      if (current.updatedAt !== stored.updatedAt) throw new ConflictError('Party', id);
      await this.assertRefFree(tx, current.projectId, data.ref, id);
      await tx.put('parties', toStore);
      await this.audit(tx, current.projectId, 'party', id, current, toStore);
      return after;
    });
  }

  private async assertRefFree(tx: Tx, projectId: string, ref: string, selfId: string | undefined): Promise<void> {
    if (!ref) return;
    const clash = (await tx.byIndex<Party>('parties', 'projectId', projectId)).find((p) => p.ref === ref && p.id !== selfId);
    if (clash) throw new ValidationError([{ path: 'ref', message: `is already used by ${clash.name}` }], 'Party');
  }

  /**
   * Deletes a party. Its links are deleted, or reassigned to another party of the same project;
   * its questionnaire, overrides, hits and attestations go with it, and its evidence moves to the project.
   */
  async deleteParty(id: string, policy: PartyDeletion): Promise<void> {
    // The stored row, sealed for a worker: the audit entry must never hold the opened record.
    const party = await this.backend.read((tx) => tx.get<Party>('parties', id));
    if (!party) throw new NotFoundError('Party', id);
    await this.mutate('parties', party.projectId, async (tx) => {
      const links = [...(await tx.byIndex<Link>('links', 'from', id)), ...(await tx.byIndex<Link>('links', 'to', id))];
      if (policy.links === 'reassign') {
        const target = await tx.get<Party>('parties', policy.to);
        if (!target || target.projectId !== party.projectId || target.id === id) throw new ValidationError([{ path: 'to', message: 'must be another party of the same project' }], 'Reassignment');
      }
      for (const link of links) {
        if (policy.links === 'delete') {
          await tx.delete('links', link.id);
          await this.audit(tx, party.projectId, 'link', link.id, link, null);
          continue;
        }
        const moved: Link = { ...link, from: link.from === id ? policy.to : link.from, to: link.to === id ? policy.to : link.to, updatedAt: this.clock() };
        if (moved.from === moved.to) {
          await tx.delete('links', link.id);
          await this.audit(tx, party.projectId, 'link', link.id, link, null);
        } else {
          await tx.put('links', moved);
          await this.audit(tx, party.projectId, 'link', link.id, link, moved);
        }
      }
      for (const table of PARTY_TABLES) {
        const rows = await tx.byIndex<{ id: string }>(table, 'partyId', id);
        await tx.bulkDelete(table, rows.map((r) => r.id));
      }
      const deletedLinks = policy.links === 'delete' ? links.map((l) => l.id) : [];
      await this.moveEvidenceToProject(tx, party.projectId, (s) => (s.type === 'party' && s.id === id) || (s.type === 'link' && deletedLinks.includes(s.id)));
      await tx.delete('parties', id);
      await this.audit(tx, party.projectId, 'party', id, party, null);
    });
  }

  // ---- links ----------------------------------------------------------------------------------

  listLinks(projectId: string): Promise<Link[]> {
    return this.backend.read(async (tx) => (await tx.byIndex<Link>('links', 'projectId', projectId)).sort((a, b) => (a.id < b.id ? -1 : 1)));
  }

  async createLink(projectId: string, input: LinkInput): Promise<Link> {
    const data = parseOrThrow(linkInputSchema, input, 'Link');
    return this.mutate('links', projectId, async (tx) => {
      await this.assertEndpoints(tx, projectId, data.from, data.to);
      const now = this.clock();
      const link = linkSchema.parse({ ...data, id: this.ids('lnk'), projectId, createdAt: now, updatedAt: now });
      await tx.put('links', link);
      await this.audit(tx, projectId, 'link', link.id, null, link);
      return link;
    });
  }

  async updateLink(id: string, patch: Partial<LinkInput>): Promise<Link> {
    const existing = await this.backend.read((tx) => tx.get<Link>('links', id));
    if (!existing) throw new NotFoundError('Link', id);
    return this.mutate('links', existing.projectId, async (tx) => {
      const current = await tx.get<Link>('links', id);
      if (!current) throw new NotFoundError('Link', id);
      const { id: _i, createdAt: _c, updatedAt: _u, projectId: _p, ...fields } = current;
      const data = parseOrThrow(linkInputSchema, { ...fields, ...patch }, 'Link');
      await this.assertEndpoints(tx, current.projectId, data.from, data.to);
      const after: Link = { ...current, ...data, updatedAt: this.clock() };
      await tx.put('links', after);
      await this.audit(tx, current.projectId, 'link', id, current, after);
      return after;
    });
  }

  async deleteLink(id: string): Promise<void> {
    const existing = await this.backend.read((tx) => tx.get<Link>('links', id));
    if (!existing) throw new NotFoundError('Link', id);
    await this.mutate('links', existing.projectId, async (tx) => {
      await this.moveEvidenceToProject(tx, existing.projectId, (s) => s.type === 'link' && s.id === id);
      await tx.delete('links', id);
      await this.audit(tx, existing.projectId, 'link', id, existing, null);
    });
  }

  /** Evidence about something being deleted stays in the project, attached to the project itself. */
  private async moveEvidenceToProject(tx: Tx, projectId: string, isAbout: (subject: Evidence['subject']) => boolean): Promise<void> {
    for (const ev of await tx.byIndex<Evidence>('evidence', 'projectId', projectId)) {
      if (!isAbout(ev.subject)) continue;
      const after: Evidence = { ...ev, subject: { type: 'project', id: projectId }, updatedAt: this.clock() };
      await tx.put('evidence', after);
      await this.audit(tx, projectId, 'evidence', ev.id, ev, after);
    }
  }

  private async assertEndpoints(tx: Tx, projectId: string, from: string, to: string): Promise<void> {
    const errors: FieldError[] = [];
    for (const [path, id] of [['from', from], ['to', to]] as const) {
      const party = await tx.get<Party>('parties', id);
      if (!party || party.projectId !== projectId) errors.push({ path, message: 'must be a party of this project' });
    }
    if (errors.length) throw new ValidationError(errors, 'Link');
  }

  // ---- evidence -------------------------------------------------------------------------------

  async listEvidence(projectId: string): Promise<Evidence[]> {
    const rows = await this.backend.read((tx) => tx.byIndex<Evidence>('evidence', 'projectId', projectId));
    return this.protector ? Promise.all(rows.map((e) => this.protector!.openEvidence(e))) : rows;
  }

  /**
   * Stores evidence metadata and its bytes together; the caller has hashed the bytes. Sensitive
   * evidence is sealed (metadata and bytes) before the write.
   */
  async addEvidence(evidence: Evidence, bytes: Uint8Array): Promise<Evidence> {
    const ev = parseOrThrow(evidenceSchema, { ...evidence, sealed: '' }, 'Evidence');
    const stored = this.protector ? await this.protector.sealEvidence(ev, bytes) : { evidence: ev, blob: { id: ev.id, bytes } };
    return this.mutate('evidence', ev.projectId, async (tx) => {
      await tx.put('evidence', stored.evidence);
      await tx.put('blobs', { ...stored.blob });
      await this.audit(tx, ev.projectId, 'evidence', ev.id, null, stored.evidence);
      return ev;
    });
  }

  /** The evidence's bytes in clear: decrypted when sealed (which needs the vault unlocked). */
  async getEvidenceBytes(id: string): Promise<Uint8Array | undefined> {
    const row = await this.getEvidenceBlob(id);
    if (!row) return undefined;
    if (this.protector) return this.protector.openBlob(row);
    if (row.sealed) throw new LockedError('open sensitive evidence');
    return row.bytes;
  }

  /** The evidence's bytes as stored (encrypted when sealed): what bundles carry. */
  getEvidenceBlob(id: string): Promise<BlobRow | undefined> {
    return this.backend.read((tx) => tx.get<BlobRow>('blobs', id));
  }

  async deleteEvidence(id: string): Promise<void> {
    const ev = await this.backend.read((tx) => tx.get<Evidence>('evidence', id));
    if (!ev) throw new NotFoundError('Evidence', id);
    await this.mutate('evidence', ev.projectId, async (tx) => {
      await tx.delete('evidence', id);
      await tx.delete('blobs', id);
      await this.audit(tx, ev.projectId, 'evidence', id, ev, null);
    });
  }

  // ---- snapshots ------------------------------------------------------------------------------

  /** Loads a whole project as one consistent snapshot, in canonical order. */
  loadSnapshot(projectId: string): Promise<ProjectSnapshot> {
    return this.backend.read(async (tx) => {
      const project = await tx.get<Project>('projects', projectId);
      if (!project) throw new NotFoundError('Project', projectId);
      const of = <T>(table: TableName) => tx.byIndex<T>(table, 'projectId', projectId);
      return sortSnapshot({
        project,
        parties: await of('parties'), links: await of('links'), evidence: await of('evidence'),
        questionnaires: await of('questionnaires'), overrides: await of('overrides'),
        hits: await of('hits'), attestations: await of('attestations'),
      });
    });
  }

  /**
   * The rows of `snapshot` whose ids are already taken outside its project: records of another
   * project, or stored bytes that are not this project's evidence (a backup's bundle). Writing them
   * would overwrite another project, so imports refuse them. Runs inside the caller's transaction.
   */
  async foreignRows(tx: Tx, snapshot: ProjectSnapshot): Promise<ForeignRow[]> {
    const projectId = snapshot.project.id;
    const out: ForeignRow[] = [];
    for (const table of PROJECT_TABLES) {
      for (const row of snapshot[table as keyof Omit<ProjectSnapshot, 'project'>] as readonly { id: string }[]) {
        const stored = await tx.get<{ projectId: string }>(table, row.id);
        if (stored && stored.projectId !== projectId) out.push({ table, id: row.id, projectId: stored.projectId });
      }
    }
    for (const ev of snapshot.evidence) {
      const backup = await tx.get<{ projectId: string }>('backups', ev.id);
      if (backup) {
        out.push({ table: 'backups', id: ev.id, projectId: backup.projectId });
        continue;
      }
      const blob = await tx.get('blobs', ev.id);
      const own = await tx.get<{ projectId: string }>('evidence', ev.id);
      if (blob && !own) out.push({ table: 'blobs', id: ev.id, projectId: '' });
    }
    return out;
  }

  /** Throws ImportConflictError when any row of the snapshot belongs to something else (see foreignRows). */
  async assertOwnRows(tx: Tx, snapshot: ProjectSnapshot): Promise<void> {
    const foreign = await this.foreignRows(tx, snapshot);
    if (!foreign.length) return;
    const names = new Map<string, string>();
    for (const id of new Set(foreign.map((f) => f.projectId))) names.set(id, (await tx.get<Project>('projects', id))?.name ?? id);
    throw new ImportConflictError(describeForeignRows(foreign, names));
  }

  /**
   * Inside the caller's write transaction: replaces every stored row of the snapshot's project with
   * the snapshot's rows (already sealed) and returns the project as it was before, if it existed.
   * Refuses (ImportConflictError, nothing written) when any row's id belongs to another project.
   */
  async replaceProjectRows(tx: Tx, snapshot: ProjectSnapshot, blobRows: readonly object[]): Promise<Project | undefined> {
    const projectId = snapshot.project.id;
    await this.assertOwnRows(tx, snapshot);
    const before = await tx.get<Project>('projects', projectId);
    for (const table of PROJECT_TABLES) {
      const rows = await tx.byIndex<{ id: string }>(table, 'projectId', projectId);
      if (table === 'evidence') await tx.bulkDelete('blobs', rows.map((r) => r.id));
      await tx.bulkDelete(table, rows.map((r) => r.id));
    }
    await tx.put('projects', snapshot.project);
    const put = (table: TableName, rows: readonly object[]) => tx.bulkPut(table, rows as unknown as Row[]);
    await put('parties', snapshot.parties);
    await put('links', snapshot.links);
    await put('evidence', snapshot.evidence);
    await put('questionnaires', snapshot.questionnaires);
    await put('overrides', snapshot.overrides);
    await put('hits', snapshot.hits);
    await put('attestations', snapshot.attestations);
    await put('blobs', blobRows);
    return before;
  }

  /**
   * Writes a whole snapshot in one transaction, replacing any project with the same id, with one
   * audit entry for the import. Evidence bytes come alongside, keyed by evidence id.
   */
  async saveSnapshot(input: ProjectSnapshot, inputBlobs: ReadonlyMap<string, Uint8Array> = new Map(), note = 'import'): Promise<void> {
    const { snapshot, blobRows } = await this.sealSnapshot(input, inputBlobs);
    const projectId = snapshot.project.id;
    await this.mutate('projects', projectId, async (tx) => {
      const before = await this.replaceProjectRows(tx, snapshot, blobRows);
      await this.audit(tx, projectId, 'project', projectId, before ?? null, { ...snapshot.project, note, parties: snapshot.parties.length, links: snapshot.links.length });
    });
  }

  /**
   * Seals workers and sensitive evidence (with their bytes) as every write here does, for use cases
   * that write several records through `mutate` in one transaction of their own (workbook merges,
   * bundle imports). Call it before the transaction opens: sealing is asynchronous.
   */
  sealForWrite(snapshot: ProjectSnapshot, blobs: ReadonlyMap<string, Uint8Array> = new Map()): Promise<{ snapshot: ProjectSnapshot; blobRows: BlobRow[] }> {
    return this.sealSnapshot(snapshot, blobs);
  }

  /** Seals a snapshot's workers and sensitive evidence (with their bytes) before it is written. */
  private async sealSnapshot(snapshot: ProjectSnapshot, blobs: ReadonlyMap<string, Uint8Array>): Promise<{ snapshot: ProjectSnapshot; blobRows: BlobRow[] }> {
    if (!this.protector) return { snapshot, blobRows: [...blobs].map(([id, bytes]) => ({ id, bytes })) };
    const protector = this.protector;
    const parties = await Promise.all(snapshot.parties.map((p) => protector.sealParty(p)));
    const blobRows: BlobRow[] = [];
    const evidence: Evidence[] = [];
    for (const ev of snapshot.evidence) {
      const bytes = blobs.get(ev.id);
      const sealed = await protector.sealEvidence(ev, bytes ?? new Uint8Array());
      evidence.push(sealed.evidence);
      if (bytes) blobRows.push(sealed.blob);
    }
    const known = new Set(snapshot.evidence.map((e) => e.id));
    for (const [id, bytes] of blobs) if (!known.has(id)) blobRows.push({ id, bytes });
    return { snapshot: { ...snapshot, parties, evidence }, blobRows };
  }

  // ---- audit log and settings -----------------------------------------------------------------

  /** The audit log in order; all of it, or one project's entries. */
  async auditLog(projectId?: string): Promise<AuditEntry[]> {
    const rows = await this.backend.read((tx) => (projectId ? tx.byIndex<AuditEntry>('audit', 'projectId', projectId) : tx.all<AuditEntry>('audit')));
    return rows.map((r) => auditEntrySchema.parse(r) as AuditEntry).sort((a, b) => a.seq - b.seq);
  }

  getSetting<T>(key: string): Promise<T | undefined> {
    return this.backend.read(async (tx) => (await tx.get<{ value: T }>('settings', key))?.value);
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.mutate('settings', '', async (tx) => {
      const before = await tx.get<{ value: unknown }>('settings', key);
      await tx.put('settings', { key, value });
      await this.audit(tx, '', 'setting', key, before?.value ?? null, value);
    });
  }
}

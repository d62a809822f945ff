/**
 * The import plan: what a parsed template would do to a project, computed before anything is
 * written. It checks IDs, references and workforce rows across sheets, builds the resulting project
 * (a new one, or the existing one with the workbook merged in: matched by ID, then by name; empty
 * cells never erase), and counts rows, errors, additions and changes for the preview.
 */
import { canonicalJson, linkSchema, partySchema, projectSchema, sortSnapshot, toFieldErrors, workforceFactsSchema } from '../model';
import type { Clock, IdGenerator, Link, Party, Project, ProjectSnapshot, WorkforceFacts } from '../model';
import { PartyIndex } from './import-match';
import type { PartyTarget } from './import-match';
import { nameKey } from './normalize';
import { ProblemCollector } from './problems';
import type { ImportProblem, Parsed } from './problems';
import type { LinkDraft, PartyDraft, ProjectField, RowOrigin, TemplateDraft, WorkforceDraft } from './template-parse';

export type ImportTarget = { readonly mode: 'new'; readonly projectName?: string } | { readonly mode: 'merge'; readonly snapshot: ProjectSnapshot };

export interface ImportOptions {
  readonly target: ImportTarget;
  /** Import the rows without errors and leave the others out. */
  readonly onlyValidRows?: boolean;
  readonly ids: IdGenerator;
  readonly clock: Clock;
}

export interface RowCounts { readonly rows: number; readonly valid: number; readonly invalid: number }
export interface ChangeCounts { readonly added: number; readonly changed: number; readonly unchanged: number }

export interface EntityChange {
  readonly entity: 'project' | 'party' | 'link';
  readonly action: 'added' | 'changed';
  /** "SUB-004 Al Noor Facades", "GC-001 → SUB-004 subcontracts". */
  readonly label: string;
  /** The fields that differ, for changes. */
  readonly fields: readonly string[];
  readonly origin?: { readonly sheet: string; readonly row: number };
}

export interface ImportPlan {
  readonly mode: 'new' | 'merge';
  readonly counts: { readonly parties: RowCounts; readonly links: RowCounts; readonly workforce: RowCounts; readonly projectFields: number };
  readonly errors: readonly ImportProblem[];
  readonly warnings: readonly ImportProblem[];
  readonly summary: { readonly parties: ChangeCounts; readonly links: ChangeCounts; readonly project: 'created' | 'changed' | 'unchanged'; readonly changes: readonly EntityChange[] };
  /** True when applying is allowed: no errors, or only valid rows are imported and there is something to import. */
  readonly canApply: boolean;
  /** The whole project as it would be after the import. */
  readonly result: ProjectSnapshot;
  /** The records to write: the project, and the parties and links that are new or changed. */
  readonly writes: { readonly project: Project | null; readonly parties: readonly Party[]; readonly links: readonly Link[] };
  /** For a merge: the version (updatedAt) of every existing record the plan changes, to detect edits made since. */
  readonly base: Readonly<Record<string, string>>;
}

const partyFields = ['ref', 'name', 'kind', 'isWorker', 'isClient', 'country', 'sector', 'aliases', 'registrationNumber', 'address', 'notes', 'workforce'] as const;
const linkFields = ['value', 'currency', 'sharePct', 'channel', 'startDate', 'endDate', 'notes'] as const;

function differing<T extends object>(a: T, b: T, fields: readonly (keyof T)[]): string[] {
  return fields.filter((f) => canonicalJson(a[f]) !== canonicalJson(b[f])).map(String);
}

/** Fills the facts of a workforce row over `base`; blank cells keep what `base` has. */
function mergeFacts(base: WorkforceFacts | null, w: WorkforceDraft): WorkforceFacts {
  const b = base ?? workforceFactsSchema.parse({});
  return {
    nationality: w.nationality || b.nationality,
    headcount: w.headcount ?? b.headcount,
    wagePayment: w.wagePayment ?? b.wagePayment,
    passportsHeldBy: w.passportsHeldBy ?? b.passportsHeldBy,
    individualContracts: w.individualContracts ?? b.individualContracts,
    housing: w.housing ?? b.housing,
    visaType: w.visaType || b.visaType,
    arrivalDate: w.arrivalDate || b.arrivalDate,
    notes: w.notes || b.notes,
  };
}

/**
 * Plans the import of a parsed template into a new project or into an existing one. Pure: nothing
 * is written; `applyImport` writes the plan in one transaction.
 */
export function planImport(parsed: Parsed<TemplateDraft>, options: ImportOptions): ImportPlan {
  const draft = parsed.value;
  const problems = new ProblemCollector(Number.POSITIVE_INFINITY);
  for (const p of parsed.errors) problems.add(p);
  for (const p of parsed.warnings) problems.add(p);
  // Rows with errors, by sheet then row number: asked for every row several times, so no string keys are built.
  const invalid = new Map<string, Set<number>>();
  const markInvalid = (o: RowOrigin) => {
    const rows = invalid.get(o.sheet);
    if (rows) rows.add(o.row);
    else invalid.set(o.sheet, new Set([o.row]));
  };
  for (const rows of [draft.parties, draft.links, draft.workforce]) for (const d of rows) if (!d.valid) markInvalid(d.origin);
  const fail = (o: RowOrigin, column: string, message: string) => {
    problems.error(o.sheet, o.row, o.columns[column] ?? null, message);
    markInvalid(o);
  };
  const isValid = (o: RowOrigin) => invalid.get(o.sheet)?.has(o.row) !== true;
  const existing = options.target.mode === 'merge' ? options.target.snapshot : null;
  const now = options.clock();

  // Unique IDs within the workbook, then the match of each workbook party in the project.
  const firstByRef = new Map<string, PartyDraft>();
  for (const d of draft.parties) {
    if (!d.ref) continue;
    const first = firstByRef.get(d.ref.toLowerCase());
    if (first) fail(d.origin, 'ref', `ID: "${d.ref}" is already used on row ${first.origin.row}`);
    else firstByRef.set(d.ref.toLowerCase(), d);
  }
  const index = new PartyIndex(draft.parties.filter((d) => firstByRef.get(d.ref.toLowerCase()) === d), existing?.parties ?? []);
  const matches = new Map<PartyDraft, Party>();
  const matchedByName = new Set<PartyDraft>();
  const claimed = new Map<string, PartyDraft>();
  for (const d of draft.parties) {
    if (!existing || !d.name || firstByRef.get(d.ref.toLowerCase()) !== d) continue;
    const m = index.matchExisting(d);
    if (m.problem) fail(d.origin, 'name', `Name: ${m.problem}`);
    if (!m.party) continue;
    const other = claimed.get(m.party.id);
    if (other) {
      fail(d.origin, 'ref', `ID: this row and row ${other.origin.row} both match the existing party "${m.party.name}"`);
      continue;
    }
    claimed.set(m.party.id, d);
    matches.set(d, m.party);
    if (m.byName) matchedByName.add(d);
    if (m.byName && m.party.ref && m.party.ref.toLowerCase() !== d.ref.toLowerCase()) {
      problems.warn(d.origin.sheet, d.origin.row, d.origin.columns.ref ?? null, `ID: matched the existing party "${m.party.name}" by name; it keeps its reference code "${m.party.ref}"`);
    }
  }
  const nameCounts = new Map<string, PartyDraft>();
  for (const d of draft.parties) {
    const key = nameKey(d.name);
    const first = key ? nameCounts.get(key) : undefined;
    if (first && first.ref.toLowerCase() !== d.ref.toLowerCase()) problems.warn(d.origin.sheet, d.origin.row, d.origin.columns.name ?? null, `Name: the same name as row ${first.origin.row} (ID "${first.ref}"); both are kept as separate parties`);
    else if (key) nameCounts.set(key, d);
  }

  /** Resolves a reference cell; reports and returns undefined when it cannot be used. */
  const resolveCell = (o: RowOrigin, column: string, label: string, text: string): PartyTarget | undefined => {
    if (!text) return undefined;
    const r = index.resolve(text);
    if (!r.target) {
      fail(o, column, `${label}: ${r.problem}${existing ? ' on the Parties sheet or in the project' : ' on the Parties sheet'}`);
      return undefined;
    }
    if (r.target.source === 'workbook' && !isValid(r.target.draft.origin)) {
      fail(o, column, `${label}: the party "${text}" (${r.target.draft.origin.sheet} row ${r.target.draft.origin.row}) has errors, so this row cannot be imported until they are fixed`);
      return undefined;
    }
    if (r.byName) problems.warn(o.sheet, o.row, o.columns[column] ?? null, `${label}: "${text}" is not an ID; it was matched to a party by name`);
    return r.target;
  };

  // Workforce rows: one per workforce party.
  const factsFor = new Map<PartyDraft | Party, WorkforceDraft>();
  for (const w of draft.workforce) {
    if (!w.party) continue;
    const target = resolveCell(w.origin, 'party', 'Party ID', w.party);
    if (!target) continue;
    const key = target.source === 'workbook' ? target.draft : target.party;
    const kind = target.source === 'workbook' ? target.draft.kind ?? matches.get(target.draft)?.kind ?? null : target.party.kind;
    if (kind !== null && kind !== 'workforce') {
      fail(w.origin, 'party', `Party ID: "${w.party}" is of kind ${kind}; workforce facts belong to a party of kind workforce (set its Kind to workforce)`);
      continue;
    }
    const first = factsFor.get(key);
    if (first) {
      fail(w.origin, 'party', `Party ID: "${w.party}" already has a Workforce row (row ${first.origin.row}); give one row per crew`);
      continue;
    }
    if (kind === null && target.source === 'workbook') problems.warn(w.origin.sheet, w.origin.row, w.origin.columns.party ?? null, `Party ID: "${w.party}" has no Kind; it is imported as a workforce party because it has a Workforce row`);
    factsFor.set(key, w);
  }

  // Links: both ends known, no repeats.
  const linkEnds = new Map<LinkDraft, { from: PartyTarget; to: PartyTarget }>();
  for (const l of draft.links) {
    const from = resolveCell(l.origin, 'from', 'From', l.from);
    const to = resolveCell(l.origin, 'to', 'To', l.to);
    if (from && to) linkEnds.set(l, { from, to });
  }

  // Build the resulting project.
  const fields = draft.project.fields;
  const baseProject: Project = existing
    ? existing.project
    : projectSchema.parse({ id: options.ids('prj'), name: fields.name ?? (options.target.mode === 'new' ? options.target.projectName : undefined) ?? 'Imported project', createdAt: now, updatedAt: now });
  const projectPatch: Partial<Record<ProjectField, string>> = {};
  for (const [k, v] of Object.entries(fields) as [ProjectField, string][]) if (v !== '' && baseProject[k] !== v) projectPatch[k] = v;
  const projectCheck = projectSchema.safeParse({ ...baseProject, ...projectPatch });
  let project = baseProject;
  if (projectCheck.success) project = projectCheck.data;
  else for (const e of toFieldErrors(projectCheck.error)) problems.error(draft.project.origins[e.path as ProjectField]?.sheet ?? 'Project', draft.project.origins[e.path as ProjectField]?.row ?? null, draft.project.origins[e.path as ProjectField]?.column ?? null, `${e.path}: ${e.message}`);
  const projectChanged = Object.keys(projectPatch).length > 0 && projectCheck.success;
  if (existing && projectChanged) project = { ...project, updatedAt: now };
  const changes: EntityChange[] = [];
  if (existing && projectChanged) changes.push({ entity: 'project', action: 'changed', label: project.name, fields: Object.keys(projectPatch) });

  // The project's client, when the Client field names a party (by ID or name).
  const clientTarget = project.client ? index.resolve(project.client).target : undefined;
  const isClientDraft = (d: PartyDraft) => clientTarget?.source === 'workbook' && clientTarget.draft === d;

  const partyOf = new Map<PartyDraft, Party>();
  const resultParties = new Map<string, Party>((existing?.parties ?? []).map((p) => [p.id, p]));
  const touched = new Set<string>();
  const partyCounts = { added: 0, changed: 0, unchanged: 0 };
  const base: Record<string, string> = {};
  for (const d of draft.parties) {
    if (!isValid(d.origin)) continue;
    const match = matches.get(d);
    const w = factsFor.get(d) ?? (match ? factsFor.get(match) : undefined);
    const wValid = w && isValid(w.origin) ? w : undefined;
    const kind = d.kind ?? match?.kind ?? (w ? 'workforce' : 'organization');
    const before = match;
    // The row's values are built as one plain object and spread once: adding them one by one to a
    // copy of the stored party was most of the planning time on large sheets.
    const values = {
      updatedAt: before?.updatedAt ?? now,
      isClient: (before?.isClient ?? false) || isClientDraft(d) || (clientTarget?.source === 'project' && clientTarget.party === before),
      ref: before?.ref || d.ref,
      // A name match keeps the stored spelling; a match by ID takes the workbook's name (a rename).
      name: before && matchedByName.has(d) ? before.name : d.name || before?.name,
      kind,
      isWorker: d.kind === null ? before?.isWorker ?? false : d.isWorker,
      country: d.country || before?.country || '',
      sector: d.sector || before?.sector || '',
      aliases: before ? [...before.aliases, ...d.aliases.filter((a) => !before.aliases.some((x) => x.toLowerCase() === a.toLowerCase()) && a.toLowerCase() !== d.name.toLowerCase())] : d.aliases,
      registrationNumber: d.registrationNumber || before?.registrationNumber || '',
      address: d.address || before?.address || '',
      notes: d.notes || before?.notes || '',
      workforce: kind === 'workforce' ? (wValid ? mergeFacts(before?.workforce ?? null, wValid) : before?.workforce ?? null) : null,
    };
    const candidate = before ? { ...before, ...values } : { id: options.ids('pty'), projectId: project.id, createdAt: now, ...values };
    const checked = partySchema.safeParse(candidate);
    if (!checked.success) {
      for (const e of toFieldErrors(checked.error)) fail(d.origin, e.path.split('.')[0] ?? 'name', `${e.path}: ${e.message}`);
      continue;
    }
    let party = checked.data;
    partyOf.set(d, party);
    if (!before) {
      partyCounts.added++;
      changes.push({ entity: 'party', action: 'added', label: `${party.ref} ${party.name}`, fields: [], origin: { sheet: d.origin.sheet, row: d.origin.row } });
    } else {
      const diff = differing(before, party, partyFields);
      if (diff.length) {
        party = { ...party, updatedAt: now };
        partyOf.set(d, party);
        partyCounts.changed++;
        base[before.id] = before.updatedAt;
        changes.push({ entity: 'party', action: 'changed', label: `${party.ref} ${party.name}`, fields: diff, origin: { sheet: d.origin.sheet, row: d.origin.row } });
      } else partyCounts.unchanged++;
    }
    resultParties.set(party.id, party);
    touched.add(party.id);
  }
  // Workforce rows that update parties of the project not listed on the Parties sheet.
  for (const [key, w] of factsFor) {
    if (!('projectId' in key) || !isValid(w.origin) || touched.has(key.id)) continue;
    const after = { ...key, workforce: mergeFacts(key.workforce, w) };
    if (canonicalJson(after.workforce) === canonicalJson(key.workforce)) continue;
    const party = { ...after, updatedAt: now };
    resultParties.set(party.id, party);
    touched.add(party.id);
    partyCounts.changed++;
    base[key.id] = key.updatedAt;
    changes.push({ entity: 'party', action: 'changed', label: `${party.ref} ${party.name}`, fields: ['workforce'], origin: { sheet: w.origin.sheet, row: w.origin.row } });
  }

  // A client named on the Project sheet that is a party of the project but not on the Parties sheet.
  if (clientTarget?.source === 'project' && !touched.has(clientTarget.party.id) && !clientTarget.party.isClient) {
    const prior = clientTarget.party;
    const after = { ...(resultParties.get(prior.id) ?? prior), isClient: true, updatedAt: now };
    resultParties.set(prior.id, after);
    touched.add(prior.id);
    partyCounts.changed++;
    base[prior.id] = prior.updatedAt;
    changes.push({ entity: 'party', action: 'changed', label: `${after.ref} ${after.name}`, fields: ['isClient'] });
  }

  const idOf = (t: PartyTarget) => (t.source === 'workbook' ? partyOf.get(t.draft)?.id : t.party.id);
  const resultLinks = new Map<string, Link>((existing?.links ?? []).map((l) => [l.id, l]));
  // A link is identified by its parties, relation and start date: the same payer can pay the same
  // agency several times (an advance, then instalments), each its own link.
  const linkKey = (from: string, to: string, relation: string, startDate: string) => `${from}|${to}|${relation}|${startDate}`;
  const linkByKey = new Map<string, Link>((existing?.links ?? []).map((l) => [linkKey(l.from, l.to, l.relation, l.startDate), l]));
  const linksByEnds = new Map<string, Link[]>();
  for (const l of existing?.links ?? []) {
    const ends = `${l.from}|${l.to}|${l.relation}`;
    const same = linksByEnds.get(ends);
    if (same) same.push(l);
    else linksByEnds.set(ends, [l]);
  }
  // A row without a start date updates the stored link between the same parties when there is just one.
  const storedLinkFor = (from: string, to: string, relation: string, startDate: string): Link | undefined => {
    if (startDate) return linkByKey.get(linkKey(from, to, relation, startDate));
    const candidates = linksByEnds.get(`${from}|${to}|${relation}`) ?? [];
    return candidates.length === 1 ? candidates[0] : linkByKey.get(linkKey(from, to, relation, ''));
  };
  const seenLinks = new Map<string, LinkDraft>();
  const linkCounts = { added: 0, changed: 0, unchanged: 0 };
  const changedLinks = new Set<string>();
  for (const l of draft.links) {
    const ends = linkEnds.get(l);
    if (!ends || !isValid(l.origin) || !l.relation) continue;
    const from = idOf(ends.from);
    const to = idOf(ends.to);
    if (!from || !to) continue;
    if (from === to) {
      fail(l.origin, 'to', 'To: both ends are the same party');
      continue;
    }
    const key = linkKey(from, to, l.relation, l.startDate ?? '');
    const repeat = seenLinks.get(key);
    if (repeat) {
      fail(l.origin, 'relation', `Relation: repeats the link on row ${repeat.origin.row} (same parties, relation and start date)`);
      continue;
    }
    seenLinks.set(key, l);
    const before = storedLinkFor(from, to, l.relation, l.startDate ?? '');
    const values = {
      value: l.value ?? before?.value ?? null,
      currency: l.currency || before?.currency || '',
      sharePct: l.sharePct ?? before?.sharePct ?? null,
      channel: l.channel ?? before?.channel ?? null,
      startDate: l.startDate || before?.startDate || '',
      endDate: l.endDate || before?.endDate || '',
      notes: l.notes || before?.notes || '',
    };
    const candidate = before ? { ...before, ...values } : { id: options.ids('lnk'), projectId: project.id, createdAt: now, updatedAt: now, from, to, relation: l.relation, ...values };
    const checked = linkSchema.safeParse(candidate);
    if (!checked.success) {
      for (const e of toFieldErrors(checked.error)) fail(l.origin, e.path || 'relation', `${e.path}: ${e.message}`);
      continue;
    }
    const label = `${l.from} → ${l.to} ${l.relation}`;
    if (!before) {
      linkCounts.added++;
      resultLinks.set(checked.data.id, checked.data);
      changedLinks.add(checked.data.id);
      changes.push({ entity: 'link', action: 'added', label, fields: [], origin: { sheet: l.origin.sheet, row: l.origin.row } });
      continue;
    }
    const diff = differing(before, checked.data, linkFields);
    if (!diff.length) {
      linkCounts.unchanged++;
      continue;
    }
    linkCounts.changed++;
    base[before.id] = before.updatedAt;
    resultLinks.set(before.id, { ...checked.data, updatedAt: now });
    changedLinks.add(before.id);
    changes.push({ entity: 'link', action: 'changed', label, fields: diff, origin: { sheet: l.origin.sheet, row: l.origin.row } });
  }

  const count = (rows: readonly { origin: RowOrigin }[]): RowCounts => {
    const valid = rows.filter((r) => isValid(r.origin)).length;
    return { rows: rows.length, valid, invalid: rows.length - valid };
  };
  const finished = problems.finish(null);
  const existingIds = existing ? new Set(existing.parties.map((p) => p.id)) : null;
  const writes = {
    project: !existing || projectChanged ? project : null,
    parties: [...touched].map((id) => resultParties.get(id)!).filter((p) => !existingIds || base[p.id] !== undefined || !existingIds.has(p.id)),
    links: [...changedLinks].map((id) => resultLinks.get(id)!),
  };
  const somethingToWrite = existing
    ? writes.project !== null || writes.parties.length > 0 || writes.links.length > 0
    : writes.parties.length > 0 || Object.keys(fields).length > 0;
  const fatal = finished.errors.some((e) => e.row === null && e.sheet === '');
  return {
    mode: existing ? 'merge' : 'new',
    counts: { parties: count(draft.parties), links: count(draft.links), workforce: count(draft.workforce), projectFields: Object.keys(fields).length },
    errors: finished.errors,
    warnings: finished.warnings,
    summary: { parties: partyCounts, links: linkCounts, project: existing ? (projectChanged ? 'changed' : 'unchanged') : 'created', changes },
    canApply: !fatal && somethingToWrite && (finished.errors.length === 0 || options.onlyValidRows === true),
    result: sortSnapshot({
      project,
      parties: [...resultParties.values()],
      links: [...resultLinks.values()],
      evidence: existing?.evidence ?? [], questionnaires: existing?.questionnaires ?? [], overrides: existing?.overrides ?? [],
      hits: existing?.hits ?? [], attestations: existing?.attestations ?? [],
    }),
    writes,
    base,
  };
}

/**
 * The record sections of the report model: screening results with their dispositions, the evidence
 * register, attestation status per supplier, and the audit-log appendix with its chain verification.
 */
import type { ReportInput } from './report-input';
import type { BuildContext } from './build-context';
import type { AttestationRow, AuditModel, EvidenceRow, ReportModel, ScreeningRow } from './report-model';

const STATUS_ORDER = { confirmed: 0, open: 1, dismissed: 2 } as const;
/** The audit appendix prints at most this many entries; the embedded data holds them all. */
export const AUDIT_ROWS_MAX = 400;

export function buildScreening(ctx: BuildContext): ReportModel['screening'] {
  const { snapshot, lists } = ctx.input;
  const listName = new Map(lists.map((l) => [l.id, l.name] as const));
  const rows: ScreeningRow[] = snapshot.hits.map((h) => ({
    party: ctx.nameOf(h.partyId),
    queryName: h.queryName,
    list: listName.get(h.listId) ?? h.listSource,
    entry: h.entryName,
    entryRef: h.entryRef,
    score: h.score,
    status: h.status,
    reviewer: h.reviewer,
    reviewedAt: h.reviewedAt.slice(0, 10),
    reason: h.reason,
  }));
  rows.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.score - a.score || a.party.localeCompare(b.party, 'en') || (a.entryRef < b.entryRef ? -1 : 1));
  const dates = lists.map((l) => l.publishedAt).filter(Boolean).sort();
  return { rows, listsAsOf: dates.length ? dates[dates.length - 1]! : '' };
}

export function buildEvidence(ctx: BuildContext): ReportModel['evidence'] {
  const { snapshot } = ctx.input;
  const subjectName = (type: string, id: string) => (type === 'party' ? ctx.nameOf(id) : type === 'project' ? snapshot.project.name : `relationship ${id}`);
  const rows: EvidenceRow[] = snapshot.evidence.map((e) => ({
    file: e.fileName,
    title: e.title,
    subject: subjectName(e.subject.type, e.subject.id),
    type: e.mediaType,
    sha256: e.sha256,
    date: e.capturedAt,
    sensitive: e.sensitive,
  })).sort((a, b) => a.subject.localeCompare(b.subject, 'en') || a.file.localeCompare(b.file, 'en') || (a.sha256 < b.sha256 ? -1 : 1));

  // Suppliers: every organisation below the client in the contract tiers, plus any party with an attestation.
  const withAttestation = new Set(snapshot.attestations.map((a) => a.partyId));
  const suppliers = snapshot.parties.filter((p) => withAttestation.has(p.id) || (p.kind === 'organization' && !p.isClient && (ctx.tiers.get(p.id) ?? 0) > 0));
  const attestations: AttestationRow[] = suppliers.map((p) => {
    const a = snapshot.attestations.filter((x) => x.partyId === p.id).sort((x, y) => (x.updatedAt < y.updatedAt ? 1 : -1))[0];
    return {
      partyId: p.id,
      supplier: p.name,
      status: a?.status ?? 'not_requested',
      requestedAt: a?.requestedAt.slice(0, 10) ?? '',
      receivedAt: a?.receivedAt.slice(0, 10) ?? '',
      signatory: a ? [a.signatoryName, a.signatoryTitle].filter(Boolean).join(', ') : '',
      issues: a?.issues ?? [],
    };
  }).sort((a, b) => a.supplier.localeCompare(b.supplier, 'en') || (a.partyId < b.partyId ? -1 : 1));
  return { rows, attestations };
}

export function buildAudit(input: ReportInput): AuditModel {
  const audit = input.audit;
  if (!audit) {
    return {
      available: false,
      verified: false,
      statement: 'No audit log accompanies this report: it was built from a project file rather than from the Subtier database where changes are logged.',
      rows: [],
      omitted: 0,
    };
  }
  const v = audit.verification;
  const statement = v.ok
    ? `The hash chain of the audit log was verified: all ${v.checked} entries link to the one before and none was altered, removed or reordered. ${audit.entries.length} entries concern this project.`
    : `The audit log does NOT verify: entry ${v.firstBroken?.seq ?? '?'} ${v.firstBroken?.reason ?? 'is broken'}. ${v.checked} entries before it verified. Treat the change history of this project as unreliable.`;
  const rows = audit.entries.slice(-AUDIT_ROWS_MAX).map((e) => ({ seq: e.seq, at: e.at.replace('T', ' ').slice(0, 19), actor: e.actor, action: e.action, entity: `${e.entity} ${e.entityId}`, hash: e.hash.slice(0, 16) }));
  return { available: true, verified: v.ok, statement, rows, omitted: Math.max(0, audit.entries.length - AUDIT_ROWS_MAX) };
}

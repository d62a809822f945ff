// The demo project (assets/samples/stadium-demo.json) as a database of schema version 1 held it:
// parties without the fields version 2 added (reference code, client and worker flags, empty alias
// lists and null workforce facts were simply absent), two evidence files with their bytes, a second
// small project, a sealed audit log of how it was all entered, and a setting.
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { sealAuditEntry, sha256Hex } from '../../../src/core/model';
import type { AuditEntry, ProjectSnapshot, evidenceSchema, linkSchema, partySchema, projectSchema } from '../../../src/core/model';
import { REPO_ROOT } from '../../support/shared';
import type { TableRows } from './upgrade-support';

// Rows as a database holds them: fields today's model added later with a default may be absent.
type Party = z.input<typeof partySchema> & { ref: string; aliases: string[]; isClient: boolean; isWorker: boolean; workforce: unknown };
type Evidence = z.input<typeof evidenceSchema> & { id: string; projectId: string };
type Project = z.input<typeof projectSchema> & { id: string };
type Link = z.input<typeof linkSchema> & { id: string; projectId: string };

export const demo = JSON.parse(readFileSync(`${REPO_ROOT}/assets/samples/stadium-demo.json`, 'utf8')) as ProjectSnapshot;

/** Parties that already carried a reference code in version 1 (the index existed; the field was optional). */
export const V1_PARTIES_WITH_REF = new Set(['pty_demo_002', 'pty_demo_014']);

/** A party row as version 1 stored it. */
export function toV1Party(p: Party): Record<string, unknown> {
  const { ref, isClient: _c, isWorker: _w, aliases, workforce, ...rest } = p;
  return {
    ...rest,
    ...(V1_PARTIES_WITH_REF.has(p.id) ? { ref } : {}),
    ...(aliases.length ? { aliases } : {}),
    ...(workforce ? { workforce } : {}),
  };
}

const encoder = new TextEncoder();
const evidenceBytes: Record<string, Uint8Array> = {
  evd_v1_001: encoder.encode('%PDF-1.4\n% Subcontract SUB-002, signed 2024-02-01\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  evd_v1_002: encoder.encode('Site visit 2025-02-11: 86 workers on the precast crew, all with their own passports. 작업자 면담 기록.'),
};

function evidenceRow(id: string, subject: Evidence['subject'], fileName: string, mediaType: string, sensitive: boolean): Evidence {
  const bytes = evidenceBytes[id]!;
  return {
    id, createdAt: '2025-03-04T10:00:00.000Z', updatedAt: '2025-03-04T10:00:00.000Z', projectId: 'prj_demo', subject,
    title: fileName, fileName, mediaType, size: bytes.length, sha256: sha256Hex(bytes), capturedAt: '2025-02-11', description: '', sensitive,
  };
}

export const v1Evidence: Evidence[] = [
  evidenceRow('evd_v1_001', { type: 'link', id: 'lnk_demo_002' }, 'subcontract-sub-002.pdf', 'application/pdf', false),
  evidenceRow('evd_v1_002', { type: 'party', id: 'pty_demo_026' }, 'site-visit-notes.txt', 'text/plain', true),
];

const depot: Project = {
  id: 'prj_v1_depot', createdAt: '2024-11-02T07:00:00.000Z', updatedAt: '2024-11-02T07:00:00.000Z', name: 'Lusail bus depot',
  site: 'Lusail', hostCountry: 'QA', client: 'Lusail Transit', startDate: '2024-11-01', endDate: '', description: '',
};
const depotParties: Party[] = [
  { id: 'pty_v1_d1', createdAt: '2024-11-02T07:01:00.000Z', updatedAt: '2024-11-02T07:01:00.000Z', projectId: depot.id, ref: '', kind: 'organization', name: 'Lusail Transit', aliases: [], country: 'QA', sector: 'Client', registrationNumber: '', address: '', notes: '', isClient: false, isWorker: false, workforce: null },
  { id: 'pty_v1_d2', createdAt: '2024-11-02T07:02:00.000Z', updatedAt: '2024-11-02T07:02:00.000Z', projectId: depot.id, ref: '', kind: 'workforce', name: 'Steel fixing crew', aliases: [], country: 'QA', sector: '', registrationNumber: '', address: '', notes: '', isClient: false, isWorker: false, workforce: { nationality: 'KP', headcount: 30, wagePayment: 'team_leader', passportsHeldBy: 'agency', individualContracts: 'no', housing: 'compound', visaType: '', arrivalDate: '', notes: '' } },
];
const depotLinks: Link[] = [
  { id: 'lnk_v1_d1', createdAt: '2024-11-02T07:03:00.000Z', updatedAt: '2024-11-02T07:03:00.000Z', projectId: depot.id, relation: 'employs', from: 'pty_v1_d1', to: 'pty_v1_d2', value: null, currency: '', sharePct: null, channel: null, startDate: '', endDate: '', notes: '' },
];

/** The records of both projects as today's model holds them (the truth the v1 rows were cut from). */
export const truth = {
  projects: [demo.project as Project, depot],
  parties: [...(demo.parties as Party[]), ...depotParties],
  links: [...(demo.links as Link[]), ...depotLinks],
  evidence: v1Evidence,
};

function auditLog(): AuditEntry[] {
  const log: AuditEntry[] = [];
  const add = (projectId: string, entity: string, entityId: string, after: unknown, at: string) => {
    log.push(sealAuditEntry({ at, actor: 'M. Haddad', projectId, entity, entityId, action: 'create', before: null, after }, log[log.length - 1]));
  };
  for (const p of truth.projects) add(p.id, 'project', p.id, p, p.createdAt);
  for (const p of truth.parties) add(p.projectId, 'party', p.id, toV1Party(p), p.createdAt);
  for (const l of truth.links) add(l.projectId, 'link', l.id, l, l.createdAt);
  for (const e of truth.evidence) add(e.projectId, 'evidence', e.id, e, e.createdAt);
  return log;
}

/** Every table of schema version 1, filled. */
export function v1Rows(): TableRows {
  return {
    projects: truth.projects as unknown as Record<string, unknown>[],
    parties: truth.parties.map(toV1Party),
    links: truth.links as unknown as Record<string, unknown>[],
    evidence: truth.evidence as unknown as Record<string, unknown>[],
    blobs: Object.entries(evidenceBytes).map(([id, bytes]) => ({ id, bytes })),
    audit: auditLog() as unknown as Record<string, unknown>[],
    settings: [{ key: 'screening.threshold', value: 0.82 }],
  };
}

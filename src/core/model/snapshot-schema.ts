/**
 * Validation of a whole project snapshot arriving from outside (a demo file, a bundle, a CLI
 * argument): every collection is checked against its schema and problems are named by path.
 */
import { z } from 'zod';
import { evidenceSchema, linkSchema, partySchema, projectSchema } from './schemas';
import { attestationSchema, indicatorOverrideSchema, questionnaireSchema, screeningHitSchema } from './records';
import { sortSnapshot } from './snapshot';
import type { ProjectSnapshot } from './snapshot';

export const projectSnapshotSchema = z.object({
  project: projectSchema,
  parties: z.array(partySchema),
  links: z.array(linkSchema),
  evidence: z.array(evidenceSchema).default([]),
  questionnaires: z.array(questionnaireSchema).default([]),
  overrides: z.array(indicatorOverrideSchema).default([]),
  hits: z.array(screeningHitSchema).default([]),
  attestations: z.array(attestationSchema).default([]),
});

export type SnapshotParse = { readonly ok: true; readonly snapshot: ProjectSnapshot } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Validates untrusted data as a project snapshot, also checking that every record belongs to the
 * project, ids are unique per collection, and every link, record and evidence subject points at a
 * party (or link) of the project. Returns the snapshot in canonical order, or up to `maxProblems` problems.
 */
export function parseProjectSnapshot(data: unknown, maxProblems = 10): SnapshotParse {
  const result = projectSnapshotSchema.safeParse(data);
  if (!result.success) {
    return { ok: false, problems: result.error.issues.slice(0, maxProblems).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
  }
  const s = result.data;
  const partyIds = new Set(s.parties.map((p) => p.id));
  const problems: string[] = [];
  const check = (cond: boolean, message: string) => {
    if (!cond && problems.length < maxProblems) problems.push(message);
  };
  const linkIds = new Set(s.links.map((l) => l.id));
  // Every record must belong to this project: a record naming another would be written into it.
  for (const key of ['parties', 'links', 'evidence', 'questionnaires', 'overrides', 'hits', 'attestations'] as const) {
    const rows: readonly { id: string; projectId: string }[] = s[key];
    rows.forEach((r, i) => check(r.projectId === s.project.id, `${key}.${i}: belongs to another project (${r.projectId})`));
    if (new Set(rows.map((r) => r.id)).size !== rows.length) check(false, `${key}: duplicate ids`);
  }
  s.links.forEach((l, i) => {
    check(partyIds.has(l.from), `links.${i}.from: no party ${l.from}`);
    check(partyIds.has(l.to), `links.${i}.to: no party ${l.to}`);
  });
  for (const key of ['questionnaires', 'overrides', 'hits', 'attestations'] as const) {
    s[key].forEach((r, i) => check(partyIds.has(r.partyId), `${key}.${i}.partyId: no party ${r.partyId}`));
  }
  s.evidence.forEach((e, i) => {
    const { type, id } = e.subject;
    const known = type === 'project' ? id === s.project.id : type === 'party' ? partyIds.has(id) : linkIds.has(id);
    check(known, `evidence.${i}.subject: no ${type} ${id} in this project`);
  });
  return problems.length ? { ok: false, problems } : { ok: true, snapshot: sortSnapshot(s) };
}

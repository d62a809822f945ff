// Builders for risk-engine test snapshots: short, readable chains with valid domain objects.
import { linkSchema, partySchema, projectSchema, questionnaireSchema, indicatorOverrideSchema, screeningHitSchema, evidenceSchema } from '../../../src/core/model';
import type { Link, Party, ProjectSnapshot, Questionnaire, WorkforceFacts } from '../../../src/core/model';
import type { z } from 'zod';

const T = '2026-01-01T00:00:00.000Z';
export const PROJECT_ID = 'prj_test';

export function project(fields: Partial<z.input<typeof projectSchema>> = {}) {
  return projectSchema.parse({ id: PROJECT_ID, name: 'Test stadium', createdAt: T, updatedAt: T, ...fields });
}

export function org(id: string, fields: Partial<z.input<typeof partySchema>> = {}): Party {
  return partySchema.parse({ id, projectId: PROJECT_ID, kind: 'organization', name: `Org ${id}`, createdAt: T, updatedAt: T, ...fields });
}

export function crew(id: string, workforce: Partial<WorkforceFacts>, fields: Partial<z.input<typeof partySchema>> = {}): Party {
  return partySchema.parse({ id, projectId: PROJECT_ID, kind: 'workforce', name: `Crew ${id}`, createdAt: T, updatedAt: T, workforce, ...fields });
}

export function link(id: string, relation: Link['relation'], from: string, to: string, fields: Partial<z.input<typeof linkSchema>> = {}): Link {
  return linkSchema.parse({ id, projectId: PROJECT_ID, relation, from, to, createdAt: T, updatedAt: T, ...fields });
}

export function answers(id: string, partyId: string, list: Record<string, 'yes' | 'no' | 'unknown' | ['yes' | 'no', 'confirmed' | 'reported' | 'suspected']>, updatedAt = T): Questionnaire {
  return questionnaireSchema.parse({
    id, projectId: PROJECT_ID, partyId, createdAt: T, updatedAt,
    answers: Object.entries(list).map(([questionId, a]) => (Array.isArray(a) ? { questionId, answer: a[0], confidence: a[1] } : { questionId, answer: a })),
  });
}

export function override(id: string, partyId: string, indicatorId: string, action: 'add' | 'remove', confidence: 'confirmed' | 'reported' | 'suspected' = 'reported') {
  return indicatorOverrideSchema.parse({ id, projectId: PROJECT_ID, partyId, indicatorId, action, confidence, reason: `test ${action}`, createdAt: T, updatedAt: T });
}

export function hit(id: string, partyId: string, status: 'open' | 'confirmed' | 'dismissed') {
  return screeningHitSchema.parse({
    id, projectId: PROJECT_ID, partyId, queryName: 'Korea Namgang Trading', listId: 'lst_ofac', listSource: 'OFAC SDN', entryRef: '28225',
    entryName: 'KOREA NAMGANG TRADING CORPORATION', matchedName: 'KOREA NAMGANG TRADING CORPORATION', score: 0.97, explanation: null, entryHash: 'x', status, createdAt: T, updatedAt: T,
  });
}

export function evidence(id: string, subjectId: string) {
  return evidenceSchema.parse({ id, projectId: PROJECT_ID, subject: { type: 'party', id: subjectId }, fileName: 'payroll.pdf', size: 10, sha256: '0'.repeat(64), createdAt: T, updatedAt: T });
}

export function snapshot(parts: Partial<ProjectSnapshot> & { parties: Party[] }): ProjectSnapshot {
  return { project: project(), links: [], evidence: [], questionnaires: [], overrides: [], hits: [], attestations: [], ...parts };
}

/** Every question of the catalog answered with its clean value, for a fully documented clean party. */
export function cleanAnswers(id: string, partyId: string, questions: readonly { id: string; question: { red: 'yes' | 'no' } }[]): Questionnaire {
  return answers(id, partyId, Object.fromEntries(questions.map((q) => [q.id, q.question.red === 'yes' ? 'no' : 'yes'])));
}

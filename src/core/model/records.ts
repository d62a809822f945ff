/**
 * Records that hang off parties: questionnaire answers, indicator overrides, screening hits,
 * sanctions-list metadata, attestations and the audit log. Each capability gives them meaning
 * (risk, screening, reports); here they are only shapes, validated at every boundary.
 */
import { z } from 'zod';
import { TRISTATE } from './enums';

const meta = {
  id: z.string().min(1).max(100),
  createdAt: z.string().min(1),
  updatedAt: z.string().min(1),
};

export const CONFIDENCES = ['confirmed', 'reported', 'suspected'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const questionnaireAnswerSchema = z.object({
  questionId: z.string().min(1).max(100),
  answer: z.enum(TRISTATE),
  confidence: z.enum(CONFIDENCES).default('reported'),
  evidenceIds: z.array(z.string()).default([]),
  note: z.string().max(20_000).default(''),
});
export type QuestionnaireAnswer = z.infer<typeof questionnaireAnswerSchema>;

export const questionnaireSchema = z.object({
  ...meta,
  projectId: z.string().min(1),
  partyId: z.string().min(1),
  /** Who gave the answers: the auditor in the app, or a supplier's returned attestation form. */
  source: z.enum(['auditor', 'attestation']).default('auditor'),
  answers: z.array(questionnaireAnswerSchema).default([]),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;

export const indicatorOverrideSchema = z.object({
  ...meta,
  projectId: z.string().min(1),
  partyId: z.string().min(1),
  indicatorId: z.string().min(1).max(100),
  /** 'add' asserts the indicator; 'remove' rules out a derived one. */
  action: z.enum(['add', 'remove']),
  confidence: z.enum(CONFIDENCES).default('reported'),
  reason: z.string().trim().min(1, 'a reason is required').max(20_000),
  author: z.string().max(300).default(''),
});
export type IndicatorOverride = z.infer<typeof indicatorOverrideSchema>;

export const HIT_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
export type HitStatus = (typeof HIT_STATUSES)[number];

export const screeningHitSchema = z.object({
  ...meta,
  projectId: z.string().min(1),
  partyId: z.string().min(1),
  /** The party name or alias (or owner name) that was screened. */
  queryName: z.string().max(1000),
  /** Which list: the id of a stored list (bundled snapshot or an import). */
  listId: z.string().min(1),
  listSource: z.string().min(1),
  /** UN reference number (KPe.050) or OFAC ent_num (20578) or a custom list's row id. */
  entryRef: z.string().min(1),
  entryName: z.string(),
  matchedName: z.string(),
  score: z.number().min(0).max(1),
  /** The matcher's part-by-part explanation, kept as data so it can be shown and printed. */
  explanation: z.unknown(),
  /** Fingerprint of the list entry when the hit was made: a changed entry reopens a dismissed hit. */
  entryHash: z.string(),
  status: z.enum(HIT_STATUSES).default('open'),
  reason: z.string().max(20_000).default(''),
  reviewer: z.string().max(300).default(''),
  reviewedAt: z.string().default(''),
});
export type ScreeningHit = z.infer<typeof screeningHitSchema>;

export const ATTESTATION_STATUSES = ['not_requested', 'awaiting', 'received', 'contradicted'] as const;
export type AttestationStatus = (typeof ATTESTATION_STATUSES)[number];

export const attestationSchema = z.object({
  ...meta,
  projectId: z.string().min(1),
  partyId: z.string().min(1),
  status: z.enum(ATTESTATION_STATUSES).default('not_requested'),
  requestedAt: z.string().default(''),
  receivedAt: z.string().default(''),
  signatoryName: z.string().max(300).default(''),
  signatoryTitle: z.string().max(300).default(''),
  signedDate: z.string().default(''),
  /** The answers read from the returned form, as question id → value. */
  answers: z.record(z.string(), z.string()).default({}),
  /** Missing or contradictory answers found when the form was read back. */
  issues: z.array(z.string()).default([]),
});
export type Attestation = z.infer<typeof attestationSchema>;

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = z.object({
  /** Position in the log, from 1; the log is append-only. */
  seq: z.number().int().positive(),
  at: z.string().min(1),
  actor: z.string().max(300),
  projectId: z.string(),
  entity: z.string().min(1),
  entityId: z.string().min(1),
  action: z.enum(AUDIT_ACTIONS),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** Hash of the previous entry ('' for the first), making the log tamper-evident. */
  prevHash: z.string(),
  /**
   * The entry's place in its project's own chain (from 1) and the hash of the project's entry
   * before it: the chain a bundle carries and a report prints. Absent on entries written before
   * projects had their own chains.
   */
  projectSeq: z.number().int().positive().optional(),
  projectPrevHash: z.string().optional(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

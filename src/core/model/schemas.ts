/**
 * The domain model as zod schemas: every object that crosses a boundary (IPC, files, database rows,
 * workbook rows, bundles) is validated against these. Types are inferred from the schemas so the
 * validation and the compile-time shape can never drift apart.
 */
import { z } from 'zod';
import { CHANNELS, HOUSING, PARTY_KINDS, PASSPORT_HOLDERS, RELATIONS, TRISTATE, WAGE_PAYMENTS } from './enums';

/** Limits that keep hostile input from exhausting memory or the UI; documented in the README. */
export const LIMITS = {
  name: 300,
  shortText: 500,
  longText: 20_000,
  aliases: 50,
} as const;

const trimmed = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real date');
const optionalDate = z.union([isoDate, z.literal('')]).default('');
const timestamp = z.string().min(1);
/** ISO 3166-1 alpha-2 code in upper case, or empty when unknown. */
export const countryCode = z.union([z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 two-letter code'), z.literal('')]);

const entityMeta = {
  id: z.string().min(1).max(100),
  createdAt: timestamp,
  updatedAt: timestamp,
};

export const projectSchema = z.object({
  ...entityMeta,
  name: trimmed(LIMITS.name).min(1, 'is required'),
  site: trimmed(LIMITS.shortText).default(''),
  hostCountry: countryCode.default(''),
  client: trimmed(LIMITS.name).default(''),
  startDate: optionalDate,
  endDate: optionalDate,
  description: trimmed(LIMITS.longText).default(''),
});
export type Project = z.infer<typeof projectSchema>;

export const workforceFactsSchema = z.object({
  nationality: countryCode.default(''),
  headcount: z.number().int().nonnegative().max(1_000_000).nullable().default(null),
  wagePayment: z.enum(WAGE_PAYMENTS).default('unknown'),
  passportsHeldBy: z.enum(PASSPORT_HOLDERS).default('unknown'),
  individualContracts: z.enum(TRISTATE).default('unknown'),
  housing: z.enum(HOUSING).default('unknown'),
  visaType: trimmed(LIMITS.shortText).default(''),
  arrivalDate: optionalDate,
  notes: trimmed(LIMITS.longText).default(''),
});
export type WorkforceFacts = z.infer<typeof workforceFactsSchema>;

export const partySchema = z.object({
  ...entityMeta,
  projectId: z.string().min(1),
  /** The party's reference code (a workbook ID such as "SUB-004"); unique within a project when set. */
  ref: trimmed(100).default(''),
  kind: z.enum(PARTY_KINDS),
  name: trimmed(LIMITS.name).min(1, 'is required'),
  aliases: z.array(trimmed(LIMITS.name).min(1)).max(LIMITS.aliases).default([]),
  country: countryCode.default(''),
  sector: trimmed(LIMITS.shortText).default(''),
  registrationNumber: trimmed(LIMITS.shortText).default(''),
  address: trimmed(LIMITS.shortText).default(''),
  notes: trimmed(LIMITS.longText).default(''),
  /** True for the project's client: the root of the chain. */
  isClient: z.boolean().default(false),
  /** A person who is a worker: their identity is redacted in NGO reports. */
  isWorker: z.boolean().default(false),
  /** Present only on workforce parties. */
  workforce: workforceFactsSchema.nullable().default(null),
  /** A worker's identifying fields, encrypted (src/core/crypto); absent or '' when they are in clear. */
  sealed: z.string().max(400_000).optional(),
});
export type Party = z.infer<typeof partySchema>;

/** The fields of a link a person edits; the stored link adds its id, project and timestamps. */
const linkFields = {
  relation: z.enum(RELATIONS),
  from: z.string().min(1, 'is required'),
  to: z.string().min(1, 'is required'),
  value: z.number().finite().nonnegative().nullable().default(null),
  currency: z.union([z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'), z.literal('')]).default(''),
  sharePct: z.number().min(0).max(100).nullable().default(null),
  channel: z.enum(CHANNELS).nullable().default(null),
  startDate: optionalDate,
  endDate: optionalDate,
  notes: trimmed(LIMITS.longText).default(''),
};
const isNotSelfLink = (l: { from: string; to: string }) => l.from !== l.to;
const selfLinkError = { message: 'a link cannot point from a party to itself', path: ['to'] };

export const linkSchema = z.object({ ...entityMeta, projectId: z.string().min(1), ...linkFields }).refine(isNotSelfLink, selfLinkError);
export type Link = z.infer<typeof linkSchema>;

export const evidenceSubjectSchema = z.object({
  type: z.enum(['project', 'party', 'link']),
  id: z.string().min(1),
});

export const evidenceSchema = z.object({
  ...entityMeta,
  projectId: z.string().min(1),
  subject: evidenceSubjectSchema,
  title: trimmed(LIMITS.shortText).default(''),
  fileName: trimmed(LIMITS.shortText).min(1),
  mediaType: trimmed(200).default('application/octet-stream'),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  capturedAt: optionalDate,
  description: trimmed(LIMITS.longText).default(''),
  sensitive: z.boolean().default(false),
  /** Sensitive evidence's title, description, file name and type, encrypted; absent or '' when in clear. */
  sealed: z.string().max(400_000).optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** Inputs for creating or editing: everything but the id and timestamps (and the project, set by the caller). */
export const projectInputSchema = projectSchema.omit({ id: true, createdAt: true, updatedAt: true });
export type ProjectInput = z.input<typeof projectInputSchema>;
export const partyInputSchema = partySchema.omit({ id: true, createdAt: true, updatedAt: true, projectId: true });
export type PartyInput = z.input<typeof partyInputSchema>;
export const linkInputSchema = z.object(linkFields).refine(isNotSelfLink, selfLinkError);
export type LinkInput = z.input<typeof linkInputSchema>;

/** One validation problem, phrased for a person: "name: is required". */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** Turns a zod error into field errors a form or an importer can show. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

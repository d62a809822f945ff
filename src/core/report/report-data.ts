/**
 * The machine-readable data a report is built from, as it is embedded in the PDF: the (redacted,
 * when asked) report input in canonical JSON, and its SHA-256, which the cover prints. Parsing it
 * back is a boundary: a PDF from anywhere may carry anything, so it is validated, never trusted.
 */
import { z } from 'zod';
import {
  attestationSchema, canonicalJson, CONFIDENCES, evidenceSchema, indicatorOverrideSchema, linkSchema,
  partySchema, projectSchema, questionnaireSchema, screeningHitSchema, sha256Hex, sortSnapshot,
} from '../model';
import { APP_VERSION } from '../version';
import { REPORT_SECTIONS, RISK_LEVELS } from './report-input';
import type { ReportInput } from './report-input';

export const REPORT_DATA_FORMAT = 'subtier-report-data';
export const REPORT_DATA_VERSION = 1;
export const REPORT_DATA_FILE = 'subtier-report-data.json';

export interface ReportData {
  readonly format: typeof REPORT_DATA_FORMAT;
  readonly version: typeof REPORT_DATA_VERSION;
  /** The Subtier version that built the report; rebuilding with another version may lay out differently. */
  readonly appVersion: string;
  readonly input: ReportInput;
}

export interface SerializedReportData {
  readonly data: ReportData;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** Serialises report data canonically, so equal data always gives equal bytes and hash. */
export function serializeReportData(input: ReportInput, appVersion: string = APP_VERSION): SerializedReportData {
  const data: ReportData = { format: REPORT_DATA_FORMAT, version: REPORT_DATA_VERSION, appVersion, input };
  const text = canonicalJson(data);
  return { data, bytes: new TextEncoder().encode(text), sha256: sha256Hex(text) };
}

const level = z.enum(RISK_LEVELS);
const levelScore = z.object({ score: z.number(), level });
const inputSchema = z.object({
  snapshot: z.object({
    project: projectSchema,
    parties: z.array(partySchema),
    links: z.array(linkSchema),
    evidence: z.array(evidenceSchema),
    questionnaires: z.array(questionnaireSchema),
    overrides: z.array(indicatorOverrideSchema),
    hits: z.array(screeningHitSchema),
    attestations: z.array(attestationSchema),
  }),
  risk: z.object({
    modelVersion: z.string(),
    weightsHash: z.string(),
    project: z.object({ rating: level, score: z.number(), completeness: z.number() }),
    parties: z.array(z.object({
      partyId: z.string(),
      inherent: levelScore,
      exposure: levelScore,
      completeness: z.number(),
      insufficient: z.boolean(),
      indicators: z.array(z.object({
        id: z.string(), title: z.string(), confidence: z.enum(CONFIDENCES), contribution: z.number(), detail: z.string(),
        evidenceIds: z.array(z.string()), sources: z.array(z.string()), overrideReason: z.string().optional(),
      })),
      notes: z.array(z.string()),
      missingFacts: z.array(z.string()),
      paths: z.array(z.array(z.string())),
    })),
    catalog: z.array(z.object({ id: z.string(), title: z.string(), severity: z.string(), weight: z.number(), sources: z.array(z.string()) })),
    cycles: z.array(z.array(z.string())),
  }),
  lists: z.array(z.object({
    id: z.string(), name: z.string(), source: z.string(), publishedAt: z.string(),
    files: z.array(z.object({ name: z.string(), sha256: z.string() })), entries: z.number(),
  })),
  screeningPolicy: z.object({ threshold: z.number(), reviewFloor: z.number() }).optional(),
  audit: z.object({
    verification: z.object({ ok: z.boolean(), checked: z.number(), firstBroken: z.object({ seq: z.number(), reason: z.string() }).optional() }),
    entries: z.array(z.object({ seq: z.number(), at: z.string(), actor: z.string(), entity: z.string(), entityId: z.string(), action: z.string(), hash: z.string() })),
  }).nullable(),
  options: z.object({
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    redact: z.boolean(),
    sections: z.array(z.enum(REPORT_SECTIONS)),
    author: z.string(),
    organisation: z.string(),
  }),
});

const dataSchema = z.object({
  format: z.literal(REPORT_DATA_FORMAT),
  version: z.literal(REPORT_DATA_VERSION),
  appVersion: z.string(),
  input: inputSchema,
});

export type ParsedReportData = { readonly value: ReportData; readonly errors: readonly [] } | { readonly value: null; readonly errors: readonly string[] };

/** Parses embedded report data; never throws. */
export function parseReportData(bytes: Uint8Array): ParsedReportData {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return { value: null, errors: [`the embedded data is not valid JSON: ${(error as Error).message}`] };
  }
  const result = dataSchema.safeParse(json);
  if (!result.success) {
    return { value: null, errors: result.error.issues.slice(0, 8).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
  }
  const data = result.data as unknown as ReportData;
  return { value: { ...data, input: { ...data.input, snapshot: sortSnapshot(data.input.snapshot) } }, errors: [] };
}

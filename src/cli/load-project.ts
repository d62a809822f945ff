/**
 * Loads the PROJECT argument of CLI commands into a ProjectSnapshot. Accepts a project snapshot as
 * JSON (the demo project's format). Workbooks in the import template and .subtier bundles are added by
 * the spreadsheet and bundle capability. Errors name the file and what is wrong with it.
 */
import { z } from 'zod';
import {
  attestationSchema, evidenceSchema, indicatorOverrideSchema, linkSchema, partySchema, projectSchema,
  questionnaireSchema, screeningHitSchema, sortSnapshot,
} from '../core/model';
import type { ProjectSnapshot } from '../core/model';
import type { CliIo } from './io';

const snapshotSchema = z.object({
  project: projectSchema,
  parties: z.array(partySchema),
  links: z.array(linkSchema),
  evidence: z.array(evidenceSchema).default([]),
  questionnaires: z.array(questionnaireSchema).default([]),
  overrides: z.array(indicatorOverrideSchema).default([]),
  hits: z.array(screeningHitSchema).default([]),
  attestations: z.array(attestationSchema).default([]),
});

/** Parses a project snapshot from JSON text; throws an Error naming `file` and the first problems. */
export function parseSnapshotJson(text: string, file: string): ProjectSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const result = snapshotSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${file}: not a Subtier project: ${problems.join('; ')}`);
  }
  return sortSnapshot(result.data);
}

export async function loadProject(path: string, io: CliIo): Promise<ProjectSnapshot> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    throw new Error(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  }
  if (path.toLowerCase().endsWith('.json')) return parseSnapshotJson(new TextDecoder().decode(bytes), path);
  throw new Error(`${path}: unsupported project file; give a project .json`);
}

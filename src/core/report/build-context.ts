/**
 * What every part of the report model is built from: the input with the chain graph, tiers and
 * risk results looked up once. Kept apart from the model builder so that the section builders it
 * calls (findings, records) do not import it back.
 */
import type { buildGraph } from '../chain/graph';
import type { PartyRisk, ReportInput } from './report-input';

export interface BuildContext {
  readonly input: ReportInput;
  readonly graph: ReturnType<typeof buildGraph>;
  readonly tiers: ReadonlyMap<string, number>;
  readonly riskById: ReadonlyMap<string, PartyRisk>;
  readonly nameOf: (id: string) => string;
}

/** "[S1] title; [S20] title" → "S1, S20": tables cite by id, the scope section lists the titles. */
export function sourceIds(sources: readonly string[]): string {
  return sources.map((s) => /^\[([^\]]+)\]/.exec(s)?.[1] ?? s).join(', ');
}

/**
 * Supplier attestations: a form is requested from a party (it is then awaiting its answer), and a
 * returned form is read back, compared with the project's records, and stored with the answers it
 * gives as the party's attestation questionnaire, both in one transaction.
 */
import { randomId, systemClock } from '../model';
import type { Attestation, Clock, IdGenerator, Questionnaire } from '../model';
import { applyAttestation, assessAttestation, attestationRequested, readAttestationForm } from '../report';
import type { AttestationIssue } from '../report';
import { listRecords, saveRecord, saveRecords } from './project-records';
import type { Repository } from './repository';

type Deps = { readonly clock?: Clock; readonly ids?: IdGenerator };
const depsOf = (deps: Deps) => ({ clock: deps.clock ?? systemClock, ids: deps.ids ?? randomId });

/** A project's attestations, in id order. */
export function listAttestations(repo: Repository, projectId: string): Promise<Attestation[]> {
  return listRecords(repo, 'attestations', projectId);
}

/** The party's latest attestation, or null when none was ever requested. */
export async function latestAttestation(repo: Repository, projectId: string, partyId: string): Promise<Attestation | null> {
  const own = (await listAttestations(repo, projectId)).filter((a) => a.partyId === partyId);
  return own.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))[0] ?? null;
}

/** Marks the party as awaiting the attestation form issued on `issued` (YYYY-MM-DD). */
export async function recordAttestationRequest(repo: Repository, projectId: string, partyId: string, issued: string, deps: Deps = {}): Promise<Attestation> {
  const snapshot = await repo.loadSnapshot(projectId);
  return saveRecord(repo, 'attestations', attestationRequested(snapshot, partyId, issued, depsOf(deps)));
}

export interface ReturnedAttestation {
  readonly attestation: Attestation;
  readonly questionnaire: Questionnaire;
  readonly issues: readonly AttestationIssue[];
}

/**
 * Reads a returned form for `partyId` and stores what it says. Throws with a message naming the
 * file when it cannot be read or belongs to another party; nothing is stored then.
 */
export async function recordReturnedAttestation(repo: Repository, projectId: string, partyId: string, form: { readonly name: string; readonly bytes: Uint8Array }, deps: Deps = {}): Promise<ReturnedAttestation> {
  const read = await readAttestationForm(form.bytes);
  if (!read.value) throw new Error(`${form.name}: ${read.errors.join('; ')}`);
  if (read.value.partyId !== partyId) throw new Error(`${form.name} is the attestation of another party (${read.value.partyId}); open it from that party.`);
  const snapshot = await repo.loadSnapshot(projectId);
  const issues = assessAttestation(read.value, snapshot);
  const records = applyAttestation(snapshot, read.value, issues, depsOf(deps));
  await saveRecords(repo, projectId, [{ table: 'attestations', record: records.attestation }, { table: 'questionnaires', record: records.questionnaire }]);
  return { ...records, issues };
}

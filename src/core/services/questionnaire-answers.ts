/**
 * The auditor's questionnaire for a party: one record per party, created on the first save and
 * replaced by later saves. Unanswered questions stay unknown (a gap), never "no".
 */
import { randomId, systemClock } from '../model';
import type { Clock, IdGenerator, Questionnaire, QuestionnaireAnswer } from '../model';
import { listRecords, saveRecord } from './project-records';
import type { Repository } from './repository';

/** A project's questionnaires (the auditor's and those read from attestation forms), in id order. */
export function listQuestionnaires(repo: Repository, projectId: string): Promise<Questionnaire[]> {
  return listRecords(repo, 'questionnaires', projectId);
}

/** Saves the auditor's answers for a party, replacing the earlier ones; returns the stored record. */
export async function saveQuestionnaireAnswers(
  repo: Repository,
  target: { readonly projectId: string; readonly partyId: string },
  answers: readonly QuestionnaireAnswer[],
  deps: { readonly clock?: Clock; readonly ids?: IdGenerator } = {},
): Promise<Questionnaire> {
  const now = (deps.clock ?? systemClock)();
  const existing = (await listQuestionnaires(repo, target.projectId)).find((q) => q.partyId === target.partyId && q.source === 'auditor');
  return saveRecord(repo, 'questionnaires', {
    id: existing?.id ?? (deps.ids ?? randomId)('qst'),
    projectId: target.projectId,
    partyId: target.partyId,
    source: 'auditor',
    answers,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  });
}

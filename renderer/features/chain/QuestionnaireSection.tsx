/**
 * The party's questionnaire in the side panel: the answers recorded for it (by the auditor or read
 * from a returned attestation), each with its question and whether it is a red flag. Answering is
 * done in the risk screen's questionnaire form; unanswered questions are gaps, never "no".
 */
import { useServices } from '../../app/services-context';
import { useLive } from '../../app/use-live';
import { labelOf } from '../../../src/core/model';
import type { Party, Questionnaire } from '../../../src/core/model';
import { factById } from '../../../src/core/risk/facts';
import { Badge } from '../../components/ui';

export function QuestionnaireSection({ party }: { party: Party }) {
  const { repo } = useServices();
  const forms = useLive(async () => (await repo.listRecords<Questionnaire>('questionnaires', party.projectId)).filter((q) => q.partyId === party.id), [party.projectId, party.id]);
  const answers = (forms ?? []).flatMap((q) => q.answers.map((a) => ({ ...a, source: q.source })));
  return (
    <section className="section" aria-label="Questionnaire">
      <h3>Questionnaire</h3>
      {answers.length === 0 ? (
        <p className="muted small"><span className="gap">No answers recorded</span>: every question about this party is still open.</p>
      ) : (
        <ul className="answer-list">
          {answers.map((a) => {
            const q = factById(a.questionId)?.question;
            const red = q ? a.answer === q.red : false;
            return (
              <li key={`${a.source}-${a.questionId}`}>
                <span>{q?.text ?? factById(a.questionId)?.label ?? a.questionId}</span>{' '}
                {a.answer === 'unknown' ? <Badge tone="unknown">unknown</Badge> : <Badge tone={red ? 'high' : 'low'}>{labelOf(a.answer)}</Badge>}
                <span className="muted small"> · {a.confidence}{a.source === 'attestation' ? ' · from attestation' : ''}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

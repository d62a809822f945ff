/**
 * The due-diligence questionnaire for one party: each question that applies to it, answered yes,
 * no or unknown, with a confidence, the evidence files it rests on and a note. Unanswered stays
 * unknown (a gap), never "no". Saved as the party's auditor questionnaire; scores update at once.
 */
import { useState } from 'react';
import { useServices } from '../../app/services-context';
import type { Confidence, ProjectSnapshot, QuestionnaireAnswer, Tristate } from '../../../src/core/model';
import { saveQuestionnaireAnswers } from '../../../src/core/services';
import { questionsForParty } from '../../../src/core/risk';
import { Button, Notice } from '../../components/ui';

type Draft = Record<string, { answer: Tristate; confidence: Confidence; evidenceIds: string[]; note: string }>;

function initialDraft(snapshot: ProjectSnapshot, partyId: string): { draft: Draft } {
  const own = snapshot.questionnaires.find((q) => q.partyId === partyId && q.source === 'auditor');
  const draft: Draft = {};
  for (const a of own?.answers ?? []) {
    draft[a.questionId] = { answer: a.answer, confidence: a.confidence, evidenceIds: [...a.evidenceIds], note: a.note };
  }
  return { draft };
}

export function QuestionnaireForm({ snapshot, partyId }: { snapshot: ProjectSnapshot; partyId: string }) {
  const { repo } = useServices();
  const questions = questionsForParty(snapshot, partyId);
  const evidence = snapshot.evidence.filter((e) => e.subject.type === 'party' && e.subject.id === partyId);
  const [state, setState] = useState(() => initialDraft(snapshot, partyId));
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const set = (qid: string, patch: Partial<Draft[string]>) => {
    setMessage(null);
    setState((s) => ({ ...s, draft: { ...s.draft, [qid]: { answer: 'unknown', confidence: 'reported', evidenceIds: [], note: '', ...s.draft[qid], ...patch } } }));
  };
  const answered = questions.filter((q) => (state.draft[q.id]?.answer ?? 'unknown') !== 'unknown').length;

  const save = async () => {
    const answers: QuestionnaireAnswer[] = questions.filter((q) => state.draft[q.id]).map((q) => ({ questionId: q.id, ...state.draft[q.id]! }));
    try {
      await saveQuestionnaireAnswers(repo, { projectId: snapshot.project.id, partyId }, answers);
      setMessage({ kind: 'success', text: `Saved ${answered} answer${answered === 1 ? '' : 's'}; the scores below are up to date.` });
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    }
  };

  return (
    <form className="questionnaire" aria-label="Questionnaire" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <div className="section-head">
        <h3>Questionnaire</h3>
        <span className="muted small">{answered} of {questions.length} answered</span>
      </div>
      <ol className="question-list">
        {questions.map((q) => {
          const d = state.draft[q.id] ?? { answer: 'unknown' as Tristate, confidence: 'reported' as Confidence, evidenceIds: [], note: '' };
          const red = d.answer !== 'unknown' && d.answer === q.question.red;
          return (
            <li key={q.id} className={`question${red ? ' question-red' : ''}`} data-question={q.id}>
              <fieldset>
                <legend>{q.question.text}{q.question.help ? <span className="muted small"> {q.question.help}</span> : null}</legend>
                <div className="answer-row">
                  {(['yes', 'no', 'unknown'] as const).map((v) => (
                    <label key={v} className={`answer-choice${d.answer === v ? ' chosen' : ''}`}>
                      <input type="radio" name={`${q.id}-answer`} value={v} checked={d.answer === v} onChange={() => set(q.id, { answer: v })} />
                      {v === 'yes' ? 'Yes' : v === 'no' ? 'No' : 'Unknown'}
                    </label>
                  ))}
                  <label className="answer-confidence">Confidence{' '}
                    <select aria-label={`Confidence: ${q.label}`} value={d.confidence} disabled={d.answer === 'unknown'} onChange={(e) => set(q.id, { confidence: e.target.value as Confidence })}>
                      <option value="confirmed">confirmed</option>
                      <option value="reported">reported</option>
                      <option value="suspected">suspected</option>
                    </select>
                  </label>
                  {red ? <span className="badge badge-high">red flag</span> : null}
                </div>
                {d.answer !== 'unknown' ? (
                  <div className="answer-detail">
                    {evidence.length ? (
                      <div className="evidence-pick" role="group" aria-label={`Evidence: ${q.label}`}>
                        {evidence.map((ev) => (
                          <label key={ev.id} className="small">
                            <input type="checkbox" checked={d.evidenceIds.includes(ev.id)} onChange={(e) => set(q.id, { evidenceIds: e.target.checked ? [...d.evidenceIds, ev.id] : d.evidenceIds.filter((x) => x !== ev.id) })} />
                            {' '}{ev.title || ev.fileName}
                          </label>
                        ))}
                      </div>
                    ) : <span className="muted small">No evidence attached to this party yet.</span>}
                    <input className="answer-note" aria-label={`Note: ${q.label}`} placeholder="Note (source, who said it, when)" value={d.note} onChange={(e) => set(q.id, { note: e.target.value })} />
                  </div>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="form-row">
        <Button variant="primary" type="submit">Save answers</Button>
      </div>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </form>
  );
}

/**
 * The screening policy in Settings: where a match starts and where the review band starts, for
 * this installation. Every screening run, the risk screen, the register and the reports use it and
 * state it; `subtier` takes the same numbers as --threshold and --review-threshold.
 */
import { useState } from 'react';
import { useServices } from '../../app/services-context';
import { useLive } from '../../app/use-live';
import { DEFAULT_SCREENING_POLICY, describePolicy, isDefaultPolicy, policyProblems } from '../../../src/core/screening';
import type { ScreeningPolicy } from '../../../src/core/screening';
import { loadScreeningPolicy, resetScreeningPolicy, saveScreeningPolicy } from '../../../src/core/services';
import { Button, Notice, TextField } from '../../components/ui';

export function PolicyEditor() {
  const { repo } = useServices();
  const stored = useLive(() => loadScreeningPolicy(repo), []);
  if (stored === undefined) return <section className="section card pad"><h3>Screening policy</h3><p className="muted">Loading…</p></section>;
  return <PolicyForm key={`${stored.policy.threshold}|${stored.policy.reviewFloor}`} initial={stored.policy} storedErrors={stored.errors} />;
}

function PolicyForm({ initial, storedErrors }: { initial: ScreeningPolicy; storedErrors: readonly string[] }) {
  const { repo } = useServices();
  const [threshold, setThreshold] = useState(String(initial.threshold));
  const [reviewFloor, setReviewFloor] = useState(String(initial.reviewFloor));
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const draft = { threshold: Number(threshold), reviewFloor: Number(reviewFloor) };
  const problems = threshold.trim() && reviewFloor.trim() ? policyProblems(draft) : ['give both thresholds'];
  const save = async () => {
    try {
      const saved = await saveScreeningPolicy(repo, draft);
      setMessage({ kind: 'success', text: `Saved. ${describePolicy(saved)} Run screening again to apply it to stored hits.` });
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  };
  const reset = async () => {
    const policy = await resetScreeningPolicy(repo);
    setThreshold(String(policy.threshold));
    setReviewFloor(String(policy.reviewFloor));
    setMessage({ kind: 'success', text: 'Reset to the shipped policy.' });
  };
  return (
    <section className="section card pad" aria-label="Screening policy">
      <h3>Screening policy</h3>
      <p className="muted small">
        A name scoring at or above the match threshold is reported as a match; from the review threshold up to it, as a possible match
        for a person to review; below, not at all. Screening, the risk screen, the register and reports all use these bands and state
        them. {isDefaultPolicy(initial) ? 'These are the shipped values.' : `The shipped values are ${DEFAULT_SCREENING_POLICY.threshold} and ${DEFAULT_SCREENING_POLICY.reviewFloor}.`}
      </p>
      {storedErrors.length ? <Notice kind="warning">The stored policy is invalid ({storedErrors.join('; ')}); the shipped policy is used.</Notice> : null}
      <div className="form-row">
        <TextField label="Match threshold" type="number" min={0.01} max={1} step={0.01} value={threshold} onChange={(e) => { setMessage(null); setThreshold(e.target.value); }} />
        <TextField label="Review threshold" type="number" min={0.01} max={1} step={0.01} value={reviewFloor} onChange={(e) => { setMessage(null); setReviewFloor(e.target.value); }} />
      </div>
      {problems.length ? <Notice kind="warning">{problems.join('; ')}</Notice> : null}
      <div className="form-row">
        <Button variant="primary" disabled={problems.length > 0} onClick={() => void save()}>Save policy</Button>
        <Button onClick={() => void reset()}>Reset to the shipped policy</Button>
      </div>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </section>
  );
}

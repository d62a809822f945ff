/**
 * Risk weights in Settings: every indicator's weight, the confidence factors, the share kept for
 * unknown facts, attenuation per relation and the level thresholds. Stamped with the model version
 * and the SHA-256 of the weights (what reports print); validated before saving; reset to the shipped weights.
 */
import { useState } from 'react';
import { useServices } from '../../app/services-context';
import { useLive } from '../../app/use-live';
import { createRiskModel, DEFAULT_WEIGHTS, EXPOSURE_RELATIONS, INDICATORS, riskWeightsSchema } from '../../../src/core/risk';
import type { RiskWeights } from '../../../src/core/risk';
import { labelOf } from '../../../src/core/model';
import { loadRiskModel, resetRiskWeights, saveRiskWeights } from '../../../src/core/services';
import { Button, Notice } from '../../components/ui';
import './risk.css';

export function WeightsEditor() {
  const { repo } = useServices();
  const stored = useLive(() => loadRiskModel(repo), []);
  if (stored === undefined) return <section className="section card pad"><h3>Risk weights</h3><p className="muted">Loading…</p></section>;
  return <WeightsForm key={stored.model.weightsHash} initial={stored.model.weights} />;
}

function NumberInput({ label, value, onChange, max = 100, step = 1 }: { label: string; value: number; onChange: (v: number) => void; max?: number; step?: number }) {
  return (
    <label>{label}
      <input type="number" min={0} max={max} step={step} value={value} onChange={(e) => onChange(Number(e.target.value))} />
    </label>
  );
}

function WeightsForm({ initial }: { initial: RiskWeights }) {
  const { repo } = useServices();
  const [w, setW] = useState<RiskWeights>(initial);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const check = riskWeightsSchema.safeParse(w);
  const model = createRiskModel(check.success ? check.data : DEFAULT_WEIGHTS);
  const edit = (patch: Partial<RiskWeights>) => { setMessage(null); setW((cur) => ({ ...cur, ...patch })); };
  const save = async () => {
    const saved = await saveRiskWeights(repo, w);
    if (!saved.model) {
      setMessage({ kind: 'error', text: saved.errors.join('; ') });
      return;
    }
    setMessage({ kind: 'success', text: `Saved. Scores now use weights ${saved.model.weightsHash.slice(0, 12)}….` });
  };
  const reset = async () => {
    await resetRiskWeights(repo);
    setW(DEFAULT_WEIGHTS);
    setMessage({ kind: 'success', text: 'Reset to the shipped weights.' });
  };
  return (
    <section className="section card pad" aria-label="Risk weights">
      <h3>Risk weights</h3>
      <p className="muted small">Model {model.version} · weights SHA-256 <code>{model.weightsHash}</code>{model.weightsHash === createRiskModel().weightsHash ? ' (shipped)' : ' (edited)'}. Every score and report carries this stamp.</p>
      <h4>Indicators (0-100: the score an indicator alone gives when confirmed)</h4>
      <div className="weights-grid">
        {INDICATORS.map((d) => <NumberInput key={d.id} label={`${d.code} ${d.title}`} value={w.indicators[d.id] ?? d.weight} onChange={(v) => edit({ indicators: { ...w.indicators, [d.id]: v } })} />)}
      </div>
      <h4>Confidence factors, unknown facts and levels</h4>
      <div className="weights-grid">
        {(['confirmed', 'reported', 'suspected'] as const).map((c) => <NumberInput key={c} label={`Confidence: ${c}`} max={1} step={0.05} value={w.confidence[c]} onChange={(v) => edit({ confidence: { ...w.confidence, [c]: v } })} />)}
        <NumberInput label="Share kept for unknown facts" max={1} step={0.005} value={w.unknownFactor} onChange={(v) => edit({ unknownFactor: v })} />
        {(['medium', 'high', 'critical'] as const).map((t) => <NumberInput key={t} label={`Threshold: ${t}`} value={w.thresholds[t]} onChange={(v) => edit({ thresholds: { ...w.thresholds, [t]: v } })} />)}
        <NumberInput label="Hard-rule floor" value={w.hardRuleFloor} onChange={(v) => edit({ hardRuleFloor: v })} />
        <NumberInput label="Insufficient below (completeness)" max={1} step={0.05} value={w.insufficientBelow} onChange={(v) => edit({ insufficientBelow: v })} />
      </div>
      <h4>Attenuation per step of the chain</h4>
      <div className="weights-grid">
        {EXPOSURE_RELATIONS.map((r) => <NumberInput key={r} label={labelOf(r)} max={1} step={0.05} value={w.attenuation[r]} onChange={(v) => edit({ attenuation: { ...w.attenuation, [r]: v } })} />)}
      </div>
      {!check.success ? <Notice kind="warning">{check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}</Notice> : null}
      <div className="form-row">
        <Button variant="primary" onClick={() => void save()}>Save weights</Button>
        <Button onClick={() => void reset()}>Reset to shipped weights</Button>
      </div>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </section>
  );
}

/**
 * The link form: who subcontracts, supplies labour to, employs, pays, owns, recruits or banks with
 * whom, with value, currency, share and, for payments, the channel the money takes.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { CHANNELS, RELATIONS, labelOf } from '../../../src/core/model';
import type { FieldError, Link, LinkInput, Party } from '../../../src/core/model';
import { Button, SelectField, TextAreaField, TextField } from '../../components/ui';

const RELATION_HELP: Record<string, string> = {
  subcontracts: 'From awards work to To',
  supplies_labor: 'From supplies workers to To',
  employs: 'From employs To (a crew or person)',
  pays: 'From pays money to To',
  owns: 'From owns (a share of) To',
  recruits: 'From recruits To',
  banks_with: 'From holds an account at To',
};

export function LinkForm({ parties, initial, onSubmit, onCancel, submitLabel }: {
  parties: readonly Party[];
  initial?: Partial<Link>;
  onSubmit: (input: LinkInput) => Promise<FieldError[] | void>;
  onCancel?: () => void;
  submitLabel: string;
}) {
  const [form, setForm] = useState({
    relation: initial?.relation ?? 'subcontracts', from: initial?.from ?? '', to: initial?.to ?? '',
    value: initial?.value?.toString() ?? '', currency: initial?.currency ?? '', sharePct: initial?.sharePct?.toString() ?? '',
    channel: initial?.channel ?? '', startDate: initial?.startDate ?? '', endDate: initial?.endDate ?? '', notes: initial?.notes ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const partyOptions = [{ value: '', label: '— choose a party —' }, ...parties.map((p) => ({ value: p.id, label: p.ref ? `${p.name} (${p.ref})` : p.name }))];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    const num = (key: 'value' | 'sharePct') => {
      const raw = form[key].trim().replace(/,/g, '');
      if (raw === '') return null;
      const n = Number(raw);
      if (!Number.isFinite(n)) local[key] = 'must be a number';
      return n;
    };
    const input: LinkInput = {
      relation: form.relation as Link['relation'], from: form.from, to: form.to, value: num('value'), currency: form.currency.trim().toUpperCase(),
      sharePct: num('sharePct'), channel: form.channel ? (form.channel as Link['channel']) : null,
      startDate: form.startDate, endDate: form.endDate, notes: form.notes,
    };
    if (Object.keys(local).length) {
      setErrors(local);
      return;
    }
    const problems = await onSubmit(input);
    setErrors(Object.fromEntries((problems ?? []).map((p) => [p.path, p.message])));
  };

  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label="Link">
      <SelectField label="From" value={form.from} error={errors.from} options={partyOptions} onChange={(e) => set('from')(e.target.value)} />
      <SelectField label="Relation" value={form.relation} hint={RELATION_HELP[form.relation]} options={RELATIONS.map((r) => ({ value: r, label: labelOf(r) }))} onChange={(e) => set('relation')(e.target.value)} />
      <SelectField label="To" value={form.to} error={errors.to} options={partyOptions} onChange={(e) => set('to')(e.target.value)} />
      <TextField label="Value" inputMode="decimal" value={form.value} error={errors.value} onChange={(e) => set('value')(e.target.value)} />
      <TextField label="Currency" value={form.currency} error={errors.currency} onChange={(e) => set('currency')(e.target.value)} hint="ISO code, e.g. USD, QAR" maxLength={3} />
      <TextField label="Share %" inputMode="decimal" value={form.sharePct} error={errors.sharePct} onChange={(e) => set('sharePct')(e.target.value)} hint="For ownership" />
      <SelectField label="Payment channel" value={form.channel} error={errors.channel} options={[{ value: '', label: '—' }, ...CHANNELS.map((c) => ({ value: c, label: labelOf(c) }))]} onChange={(e) => set('channel')(e.target.value)} />
      <TextField label="Start" type="date" value={form.startDate} error={errors.startDate} onChange={(e) => set('startDate')(e.target.value)} />
      <TextField label="End" type="date" value={form.endDate} error={errors.endDate} onChange={(e) => set('endDate')(e.target.value)} />
      <TextAreaField label="Notes" value={form.notes} error={errors.notes} onChange={(e) => set('notes')(e.target.value)} />
      <div className="form-actions">
        {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
        <Button variant="primary" type="submit">{submitLabel}</Button>
      </div>
    </form>
  );
}

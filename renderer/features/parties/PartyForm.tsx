/**
 * The party form: identity, aliases in any script, country and sector, and, for a workforce (crew),
 * the workforce facts the risk engine reads: nationality, headcount, how wages are paid, who holds
 * the passports, contracts, housing, visa and arrival.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { HOUSING, PARTY_KINDS, PASSPORT_HOLDERS, TRISTATE, WAGE_PAYMENTS, labelOf } from '../../../src/core/model';
import type { FieldError, Party, PartyInput, WorkforceFacts } from '../../../src/core/model';
import { Button, CheckboxField, SelectField, TextAreaField, TextField } from '../../components/ui';
import { CountrySelect } from '../../components/CountrySelect';

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: labelOf(v) }));

const EMPTY_WORKFORCE: WorkforceFacts = {
  nationality: '', headcount: null, wagePayment: 'unknown', passportsHeldBy: 'unknown', individualContracts: 'unknown',
  housing: 'unknown', visaType: '', arrivalDate: '', notes: '',
};

export function PartyForm({ initial, onSubmit, onCancel, submitLabel }: {
  initial?: Partial<Party>;
  onSubmit: (input: PartyInput) => Promise<FieldError[] | void>;
  onCancel?: () => void;
  submitLabel: string;
}) {
  const [form, setForm] = useState({
    kind: initial?.kind ?? 'organization', name: initial?.name ?? '', ref: initial?.ref ?? '',
    aliases: (initial?.aliases ?? []).join('\n'), country: initial?.country ?? '', sector: initial?.sector ?? '',
    registrationNumber: initial?.registrationNumber ?? '', address: initial?.address ?? '', notes: initial?.notes ?? '',
    isClient: initial?.isClient ?? false, isWorker: initial?.isWorker ?? false,
  });
  const [workforce, setWorkforce] = useState<WorkforceFacts>(initial?.workforce ?? EMPTY_WORKFORCE);
  const [headcount, setHeadcount] = useState(initial?.workforce?.headcount?.toString() ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setW = <K extends keyof WorkforceFacts>(key: K, value: WorkforceFacts[K]) => setWorkforce((w) => ({ ...w, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    const count = headcount.trim() === '' ? null : Number(headcount);
    if (count !== null && (!Number.isInteger(count) || count < 0)) local['workforce.headcount'] = 'must be a whole number';
    if (Object.keys(local).length) {
      setErrors(local);
      return;
    }
    const input: PartyInput = {
      ...form,
      kind: form.kind as Party['kind'],
      aliases: form.aliases.split(/\n|;/).map((a) => a.trim()).filter(Boolean),
      workforce: form.kind === 'workforce' ? { ...workforce, headcount: count } : null,
    };
    const problems = await onSubmit(input);
    setErrors(Object.fromEntries((problems ?? []).map((p) => [p.path, p.message])));
  };

  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label="Party">
      <SelectField label="Kind" value={form.kind} options={options(PARTY_KINDS)} onChange={(e) => set('kind', e.target.value as Party['kind'])} />
      <TextField label="Name" required value={form.name} error={errors.name} onChange={(e) => set('name', e.target.value)} autoFocus dir="auto" />
      <TextField label="Reference code" value={form.ref} error={errors.ref} onChange={(e) => set('ref', e.target.value)} hint="Your own ID, e.g. SUB-004 (as in an import workbook)" />
      <CountrySelect label="Country" value={form.country} error={errors.country} onChange={(v) => set('country', v)} />
      <TextField label="Sector" value={form.sector} error={errors.sector} onChange={(e) => set('sector', e.target.value)} hint="e.g. construction, facade, labour supply" />
      <TextField label="Registration number" value={form.registrationNumber} error={errors.registrationNumber} onChange={(e) => set('registrationNumber', e.target.value)} />
      <TextAreaField label="Aliases and other spellings" value={form.aliases} error={errors.aliases} onChange={(e) => set('aliases', e.target.value)} hint="One per line, in any script (Hangul, Cyrillic, Arabic, Latin)" dir="auto" />
      <TextField label="Address" value={form.address} error={errors.address} onChange={(e) => set('address', e.target.value)} wide dir="auto" />
      <TextAreaField label="Notes" value={form.notes} error={errors.notes} onChange={(e) => set('notes', e.target.value)} dir="auto" />
      <CheckboxField label="This party is the project's client (top of the chain)" checked={form.isClient} onChange={(e) => set('isClient', e.target.checked)} />
      {form.kind === 'person' ? (
        <CheckboxField label="This person is a worker (pseudonymised in redacted reports)" checked={form.isWorker} onChange={(e) => set('isWorker', e.target.checked)} />
      ) : null}
      {form.kind === 'workforce' ? (
        <fieldset className="form-grid subgrid">
          <legend>Workforce facts</legend>
          <CountrySelect label="Nationality" value={workforce.nationality} error={errors['workforce.nationality']} onChange={(v) => setW('nationality', v)} />
          <TextField label="Headcount" inputMode="numeric" value={headcount} error={errors['workforce.headcount']} onChange={(e) => setHeadcount(e.target.value)} />
          <SelectField label="Wage payment" value={workforce.wagePayment} options={options(WAGE_PAYMENTS)} onChange={(e) => setW('wagePayment', e.target.value as WorkforceFacts['wagePayment'])} />
          <SelectField label="Passports held by" value={workforce.passportsHeldBy} options={options(PASSPORT_HOLDERS)} onChange={(e) => setW('passportsHeldBy', e.target.value as WorkforceFacts['passportsHeldBy'])} />
          <SelectField label="Individual contracts" value={workforce.individualContracts} options={options(TRISTATE)} onChange={(e) => setW('individualContracts', e.target.value as WorkforceFacts['individualContracts'])} />
          <SelectField label="Housing" value={workforce.housing} options={options(HOUSING)} onChange={(e) => setW('housing', e.target.value as WorkforceFacts['housing'])} />
          <TextField label="Visa type" value={workforce.visaType} error={errors['workforce.visaType']} onChange={(e) => setW('visaType', e.target.value)} hint="e.g. work, student, tourist" />
          <TextField label="Arrived" type="date" value={workforce.arrivalDate} error={errors['workforce.arrivalDate']} onChange={(e) => setW('arrivalDate', e.target.value)} />
          <TextAreaField label="Workforce notes" value={workforce.notes} onChange={(e) => setW('notes', e.target.value)} />
        </fieldset>
      ) : null}
      <div className="form-actions">
        {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
        <Button variant="primary" type="submit">{submitLabel}</Button>
      </div>
    </form>
  );
}

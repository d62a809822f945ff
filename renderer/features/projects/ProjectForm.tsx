// The project form: name, site, host country, client, dates and description, with field messages.
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { FieldError, Project, ProjectInput } from '../../../src/core/model';
import { Button, TextAreaField, TextField } from '../../components/ui';
import { CountrySelect } from '../../components/CountrySelect';

export function ProjectForm({ initial, onSubmit, onCancel, submitLabel }: {
  initial?: Project;
  onSubmit: (input: ProjectInput) => Promise<FieldError[] | void>;
  onCancel?: () => void;
  submitLabel: string;
}) {
  const [form, setForm] = useState({
    name: initial?.name ?? '', site: initial?.site ?? '', hostCountry: initial?.hostCountry ?? '', client: initial?.client ?? '',
    startDate: initial?.startDate ?? '', endDate: initial?.endDate ?? '', description: initial?.description ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = await onSubmit(form);
    setErrors(Object.fromEntries((problems ?? []).map((p) => [p.path || 'name', p.message])));
  };
  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <TextField label="Project name" required value={form.name} error={errors.name} onChange={(e) => set('name')(e.target.value)} autoFocus />
      <TextField label="Client" value={form.client} error={errors.client} onChange={(e) => set('client')(e.target.value)} />
      <TextField label="Site" value={form.site} error={errors.site} onChange={(e) => set('site')(e.target.value)} hint="City and venue, e.g. Al Wakra, East Stand" />
      <CountrySelect label="Host country" value={form.hostCountry} error={errors.hostCountry} onChange={set('hostCountry')} />
      <TextField label="Start date" type="date" value={form.startDate} error={errors.startDate} onChange={(e) => set('startDate')(e.target.value)} />
      <TextField label="End date" type="date" value={form.endDate} error={errors.endDate} onChange={(e) => set('endDate')(e.target.value)} />
      <TextAreaField label="Description" value={form.description} error={errors.description} onChange={(e) => set('description')(e.target.value)} />
      <div className="form-actions">
        {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
        <Button variant="primary" type="submit">{submitLabel}</Button>
      </div>
    </form>
  );
}

// A country picker over the ISO 3166 list; stores the two-letter code, shows the English name.
import { COUNTRY_OPTIONS, countryName } from '../../src/core/model/countries';
import { SelectField } from './ui';

const OPTIONS = [{ value: '', label: '— unknown —' }, ...COUNTRY_OPTIONS.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))];

export function CountrySelect({ label, value, error, onChange }: { label: string; value: string; error?: string | undefined; onChange: (code: string) => void }) {
  return <SelectField label={label} value={value} error={error} options={OPTIONS} onChange={(e) => onChange(e.target.value)} />;
}

/** "Qatar (QA)" style label for a stored code; '' when unknown. */
export function countryLabel(code: string): string {
  return code ? countryName(code) : '';
}

// A crew's workforce facts as a definition list; an unknown fact is shown as a gap to close, never as blank.
import { labelOf } from '../../src/core/model';
import type { WorkforceFacts } from '../../src/core/model';
import { countryLabel } from './CountrySelect';

const gap = <span className="gap">unknown</span>;
const fact = (value: string) => (value === 'unknown' ? gap : labelOf(value));

export function WorkforceFactsList({ facts }: { facts: WorkforceFacts }) {
  return (
    <dl className="facts">
      <dt>Nationality</dt><dd>{facts.nationality ? countryLabel(facts.nationality) : gap}</dd>
      <dt>Headcount</dt><dd>{facts.headcount ?? gap}</dd>
      <dt>Wages paid</dt><dd>{fact(facts.wagePayment)}</dd>
      <dt>Passports held by</dt><dd>{fact(facts.passportsHeldBy)}</dd>
      <dt>Individual contracts</dt><dd>{fact(facts.individualContracts)}</dd>
      <dt>Housing</dt><dd>{fact(facts.housing)}</dd>
      <dt>Visa type</dt><dd>{facts.visaType || gap}</dd>
      <dt>Arrived</dt><dd>{facts.arrivalDate || gap}</dd>
    </dl>
  );
}

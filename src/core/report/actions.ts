/**
 * Recommended actions for a high or critical party, decided from the facts an auditor can check:
 * designation matches, DPRK nationals in the workforce at or below the party, how wages are paid,
 * who holds passports, the attestation's status and how complete the data is. Each action carries
 * the reasons that call for it, so the report says why, not only what.
 */
import { countryName } from '../model/countries';
import type { AttestationStatus, Party } from '../model';
import { ACTION_TITLES } from './report-model';
import type { ActionId, RecommendedAction } from './report-model';
import type { RiskLevel } from './report-input';

export interface ActionFacts {
  readonly level: RiskLevel;
  readonly insufficient: boolean;
  readonly completeness: number;
  readonly confirmedHits: readonly string[];
  readonly openHits: number;
  /** Workforce parties at or below the party, with their facts. */
  readonly workforces: readonly Party[];
  readonly attestation: AttestationStatus;
  /** Whether the party is itself a workforce or a direct employer of the risky crews. */
  readonly isEmployer: boolean;
  /** Organisations attest for themselves; a crew's attestation comes from its employer; persons do not attest. */
  readonly kind: 'organization' | 'person' | 'workforce' | 'bank';
}

const ORDER: readonly ActionId[] = ['terminate', 'suspend_payments', 'escalate', 'verify_payroll', 'require_attestation'];
const BAD_WAGES = new Set(['team_leader', 'third_party', 'employer_held']);
const BAD_PASSPORTS = new Set(['employer', 'agency', 'minder', 'embassy']);

/** Returns the actions for one party, most severe first, each with its reasons. */
export function recommendActions(f: ActionFacts): RecommendedAction[] {
  const reasons = new Map<ActionId, string[]>();
  const add = (action: ActionId, reason: string) => reasons.set(action, [...(reasons.get(action) ?? []), reason]);

  if (f.confirmedHits.length) {
    const who = f.confirmedHits.join('; ');
    add('escalate', `confirmed designation match (${who}): refer to sanctions compliance and counsel; blocking and reporting duties may apply`);
    add('suspend_payments', 'payments to or through a designated person may be prohibited');
    if (f.level === 'critical') add('terminate', 'a confirmed designation match leaves no lawful basis to continue the relationship without a licence');
  }
  const dprk = f.workforces.filter((w) => w.workforce?.nationality === 'KP');
  if (dprk.length) {
    const crews = dprk.map((w) => w.name).join(', ');
    add('escalate', `DPRK nationals recorded in ${crews}`);
    add('suspend_payments', 'wages of DPRK workers are typically confiscated for the DPRK state (UNSCR 2397, para. 8; 22 U.S.C. 9214(g)(1)(C))');
    if (f.isEmployer) add('terminate', 'DPRK nationals may not earn income abroad after 22 December 2019 (UNSCR 2397, para. 8)');
  }
  const wages = f.workforces.filter((w) => w.workforce && BAD_WAGES.has(w.workforce.wagePayment));
  if (wages.length) add('verify_payroll', `wages not paid into workers' own accounts for ${wages.map((w) => w.name).join(', ')}: obtain bank records per worker`);
  const unknownWages = f.workforces.filter((w) => w.workforce?.wagePayment === 'unknown');
  if (unknownWages.length) add('verify_payroll', `how wages are paid is unknown for ${unknownWages.length} crew${unknownWages.length === 1 ? '' : 's'}`);
  const passports = f.workforces.filter((w) => w.workforce && BAD_PASSPORTS.has(w.workforce.passportsHeldBy));
  if (passports.length) add('escalate', `passports held by others for ${passports.map((w) => w.name).join(', ')} (ILO forced-labour indicator)`);
  const unknownNationality = f.workforces.filter((w) => !w.workforce?.nationality);
  if (unknownNationality.length) add(f.kind === 'person' ? 'escalate' : 'require_attestation', `nationality of ${unknownNationality.length} crew${unknownNationality.length === 1 ? '' : 's'} not recorded`);

  const attests = f.kind === 'organization' || f.kind === 'workforce';
  const from = f.kind === 'workforce' ? ' from the crew\'s employer' : '';
  if (f.attestation === 'contradicted') add('escalate', 'the supplier attestation contradicts the project records');
  else if (attests && f.attestation !== 'received') add('require_attestation', f.attestation === 'awaiting' ? 'an attestation was requested and has not come back' : `no supplier attestation on file${from}`);
  if (f.insufficient) add(attests ? 'require_attestation' : 'escalate', `only ${Math.round(f.completeness * 100)}% of the facts that matter are known`);
  if (f.openHits) add('escalate', `${f.openHits} screening hit${f.openHits === 1 ? '' : 's'} not yet reviewed`);
  if (!reasons.has('verify_payroll') && f.workforces.length) add('verify_payroll', 'confirm wage payments into individual accounts before further payment');
  if (reasons.size === 0) {
    if (attests) add('require_attestation', 'the risk level calls for the supplier\'s written assurances');
    else add('escalate', 'the risk level calls for a review of this party\'s role in the chain');
  }

  return ORDER.filter((a) => reasons.has(a)).map((action) => ({ action, title: ACTION_TITLES[action], reason: capitalise(reasons.get(action)!.join('; ')) }));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1) + (s.endsWith('.') ? '' : '.');
}

/** "North Korea (KP)" style country label, or an em dash when unknown. */
export function countryLabel(code: string): string {
  if (!code) return '—';
  const name = countryName(code);
  return name && name !== code ? name : code;
}

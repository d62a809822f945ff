/**
 * The closed vocabularies of Subtier's domain: party kinds, link relations, payment channels and
 * workforce facts. They are shared by forms, importers, the risk engine and the report, so each
 * value here is part of the file formats (workbooks, bundles) and must never be renamed lightly.
 */
export const PARTY_KINDS = ['organization', 'person', 'workforce', 'bank'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/**
 * Relations always point from the party that awards, supplies, employs, pays, owns, recruits or holds
 * the account ("from") to the one that receives ("to").
 */
export const RELATIONS = ['subcontracts', 'supplies_labor', 'employs', 'pays', 'owns', 'recruits', 'banks_with'] as const;
export type Relation = (typeof RELATIONS)[number];

/** Relations that build the contract tiers (work flows down the chain). */
export const TIER_RELATIONS: ReadonlySet<Relation> = new Set(['subcontracts', 'supplies_labor', 'employs', 'recruits']);
/** Relations that move money or control rather than work. */
export const MONEY_RELATIONS: ReadonlySet<Relation> = new Set(['pays', 'banks_with', 'owns']);

export const CHANNELS = ['bank_transfer', 'cash', 'team_leader', 'third_party_account', 'crypto', 'other', 'unknown'] as const;
export type Channel = (typeof CHANNELS)[number];

export const WAGE_PAYMENTS = ['individual_account', 'cash_to_worker', 'team_leader', 'third_party', 'employer_held', 'unknown'] as const;
export type WagePayment = (typeof WAGE_PAYMENTS)[number];

export const PASSPORT_HOLDERS = ['worker', 'employer', 'agency', 'minder', 'embassy', 'unknown'] as const;
export type PassportHolder = (typeof PASSPORT_HOLDERS)[number];

export const TRISTATE = ['yes', 'no', 'unknown'] as const;
export type Tristate = (typeof TRISTATE)[number];

export const HOUSING = ['open', 'compound', 'unknown'] as const;
export type Housing = (typeof HOUSING)[number];

/** Human labels for the enums, used by forms, tables and reports alike. */
export const LABELS: Readonly<Record<string, string>> = {
  organization: 'Organization',
  person: 'Person',
  workforce: 'Workforce / crew',
  bank: 'Bank',
  subcontracts: 'subcontracts to',
  supplies_labor: 'supplies labour to',
  employs: 'employs',
  pays: 'pays',
  owns: 'owns',
  recruits: 'recruits',
  banks_with: 'banks with',
  bank_transfer: 'Bank transfer',
  cash: 'Cash',
  team_leader: 'Via team leader',
  third_party_account: 'Third-party account',
  crypto: 'Crypto-asset',
  other: 'Other',
  unknown: 'Unknown',
  individual_account: "Worker's own account",
  cash_to_worker: 'Cash to worker',
  third_party: 'Third party',
  employer_held: 'Held by employer',
  worker: 'Worker',
  employer: 'Employer',
  agency: 'Agency',
  minder: 'Minder / team leader',
  embassy: 'Embassy',
  yes: 'Yes',
  no: 'No',
  open: 'Open housing',
  compound: 'Compound / guarded',
};

/** Returns the display label of an enum value, falling back to the raw value. */
export function labelOf(value: string): string {
  return LABELS[value] ?? value;
}

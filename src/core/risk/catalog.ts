/**
 * The indicator catalog as data: the red flags the risk model can find on a party, each with a
 * stable id, what establishes it, a severity, a default weight and the sources behind it. The rows
 * follow the crosswalk in domain.md Annex A (A1-A15) plus the ILO forced-labour indicators that the
 * crosswalk does not already cover (ILO 2012, mapped to DPRK practice by NKDB/Gyupchanova [S118]).
 * Ids are part of stored data (overrides, reports): never rename one, add a new id instead.
 */
import { cite } from './sources';
import type { SourceRef } from './sources';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Which hard rule an indicator triggers when present (see inherent.ts). */
export type HardRule = 'confirmed' | 'reported';

export interface IndicatorDef {
  readonly id: string;
  /** The crosswalk row (A1..A15) or ILO indicator number (ILO-1..ILO-11). */
  readonly code: string;
  readonly title: string;
  readonly description: string;
  /** What establishes it: the data, answers or findings the engine reads. */
  readonly establishedBy: string;
  readonly severity: Severity;
  /** Default weight, 0-100: the score this indicator alone gives when confirmed. */
  readonly weight: number;
  readonly sources: readonly SourceRef[];
  /** ILO forced-labour indicators (numbers 1-11 of ILO 2012) this row also evidences. */
  readonly ilo: readonly number[];
  /** Critical whatever the score, once present with at least this confidence. */
  readonly hardRule?: HardRule;
  /** Legal provision the indicator engages, for the report's findings. */
  readonly legal?: string;
}

const row = (d: Omit<IndicatorDef, 'ilo'> & { ilo?: readonly number[] }): IndicatorDef => ({ ilo: [], ...d });

export const INDICATORS: readonly IndicatorDef[] = [
  row({
    id: 'designation-match', code: 'A1', title: 'Sanctions designation match',
    description: 'The party, its owner or an officer matches an entry of the OFAC SDN list (DPRK2/3/4, DPRK-NKSPEA) or the UN 1718 list, including aliases and romanisation variants.',
    establishedBy: 'A screening hit on the party (confirmed by a reviewer, or still open), or a hit on a party that owns it.',
    severity: 'critical', weight: 99, hardRule: 'confirmed', sources: cite('S60', 'S28', 'S43'),
    legal: '22 U.S.C. 9214; E.O. 13722; UNSCR 1718 regime',
  }),
  row({
    id: 'dprk-nationals', code: 'A2', title: 'DPRK nationals in the workforce',
    description: 'North Korean nationals work for the party or in a crew it employs. Goods and work made wholly or in part by their labour are presumed forced labour anywhere in the world.',
    establishedBy: 'Workforce nationality KP; a person party of DPRK nationality marked as a worker; a "yes" to the questionnaire.',
    severity: 'critical', weight: 95, hardRule: 'reported', sources: cite('S44', 'S45', 'S1'),
    legal: 'CAATSA 321(b), 22 U.S.C. 9241a; 22 U.S.C. 9214(g)(1)(C)', ilo: [],
  }),
  row({
    id: 'wages-not-to-workers', code: 'A3', title: 'Wages not paid to the workers themselves',
    description: 'Wages go to a DPRK company, the government, a "team leader" or a lump-sum account instead of individual accounts in the workers\' names; per-team invoices.',
    establishedBy: 'Workforce wage payment via team leader, third party or held by the employer; payments to a crew via a team leader; a "no" to "wages into workers\' own accounts".',
    severity: 'high', weight: 55, sources: cite('S5', 'S44', 'S110', 'S112'), ilo: [8],
    legal: '22 U.S.C. 9241b(c) (assurance condition: wages paid directly to the labourers)',
  }),
  row({
    id: 'no-individual-contracts', code: 'A4', title: 'No individual employment contracts',
    description: 'Workers have no individual contract; labour is supplied under a contract with a DPRK trading company or an intermediary that does not name the final recipient of the fee.',
    establishedBy: 'Workforce "individual contracts: no"; a "no" to the questionnaire.',
    severity: 'medium', weight: 35, sources: cite('S14', 'S112', 'S113'), ilo: [2],
  }),
  row({
    id: 'passports-held', code: 'A5', title: 'Passports held by others',
    description: 'Workers\' passports are held by the employer, a minder, the agency or the embassy.',
    establishedBy: 'Workforce passports held by employer, agency, minder or embassy; a "no" to "workers keep their own passports".',
    severity: 'high', weight: 55, sources: cite('S112', 'S114', 'S105', 'S130'), ilo: [7],
  }),
  row({
    id: 'minders-compound', code: 'A6', title: 'Minders and guarded compounds',
    description: 'DPRK "safety oversight" or minder personnel on site; workers housed in compounds and moved only in groups.',
    establishedBy: 'Workforce housing "compound / guarded"; a "yes" to the minders question.',
    severity: 'high', weight: 50, sources: cite('S20', 'S111', 'S80'), ilo: [3, 4],
    legal: 'UNSCR 2397 (2017), para. 8 (safety oversight attachés to be repatriated)',
  }),
  row({
    id: 'dprk-labour-agent', code: 'A7', title: 'DPRK company as labour agent or counterparty',
    description: 'The labour provider\'s home-country agent, or a counterparty, is a DPRK "trading", "external construction" or "overseas project" company (e.g. Korea Namgang Trading, Cholsan, GENCO, Rungrado, Mansudae Overseas Projects).',
    establishedBy: 'An organization registered in the DPRK (country KP); a DPRK-style labour-export company name; a "yes" to the questionnaire.',
    severity: 'critical', weight: 80, sources: cite('S60', 'S66', 'S67'),
    legal: '22 U.S.C. 9214(g)(1)(C); UNSCR 2375 (2017), para. 18 (joint ventures)',
  }),
  row({
    id: 'permits-or-visas-for-others', code: 'A8', title: 'Permits obtained for others; student or tourist visas',
    description: 'A host-country firm applies for work permits or visas on behalf of North Koreans, or workers on student, tourist or trainee visas do site work.',
    establishedBy: 'Workforce visa type student, tourist, trainee or study; a "yes" to the questionnaire.',
    severity: 'high', weight: 45, sources: cite('S67', 'S88', 'S90'),
    legal: 'UNSCR 2375 (2017), para. 17 (no work authorizations for DPRK nationals)',
  }),
  row({
    id: 'upfront-multiyear-low-price', code: 'A9', title: 'Multi-year contract, large upfront payment or low labour price',
    description: 'A labour-supply contract runs several years and requires a large upfront payment, or prices labour well below the market.',
    establishedBy: 'A "yes" to the questionnaire.',
    severity: 'medium', weight: 30, sources: cite('S4', 'S3'), ilo: [9],
  }),
  row({
    id: 'abusive-conditions', code: 'A10', title: 'Abusive working and living conditions',
    description: 'Unsafe or container housing; 12-20 hour shifts; one or two rest days a month.',
    establishedBy: 'A "yes" to the questionnaire on hours, rest days and housing.',
    severity: 'medium', weight: 30, sources: cite('S1', 'S101', 'S80', 'S130'), ilo: [10, 11],
  }),
  row({
    id: 'undisclosed-subcontracting', code: 'A11', title: 'Undisclosed subcontracting',
    description: 'Work is subcontracted or consigned to parties not disclosed to the customer; joint-venture partners on the advisory\'s Annex 2.',
    establishedBy: 'A "no" to "all subcontractors and labour providers disclosed"; a labour tier that goes dark is an unknown, not a pass.',
    severity: 'medium', weight: 35, sources: cite('S3', 'S12', 'S132'),
  }),
  row({
    id: 'opaque-payment-channel', code: 'A12', title: 'Payments via cash, third-country or borrowed-name accounts',
    description: 'Payments routed to third-country (e.g. PRC) accounts, borrowed-name or third-party accounts, cash withdrawals or couriers, or crypto-assets.',
    establishedBy: 'A payment link with channel cash, third-party account or crypto; a bank account in a third country; a "yes" to the questionnaire.',
    severity: 'high', weight: 45, sources: cite('S117', 'S116', 'S31'),
    legal: '22 U.S.C. 9214(a)(6) (bulk cash smuggling)',
  }),
  row({
    id: 'high-evidence-location', code: 'A13', title: 'High-evidence host country and sector',
    description: 'The site is in a country with documented DPRK labour (domain.md 4.6) and the party works in a sector where DPRK workers were found (4.7), especially construction in Russia, China, the Gulf and Africa.',
    establishedBy: 'The project\'s host country (or the party\'s country) in the country evidence table; the party\'s sector in the sector table.',
    severity: 'low', weight: 20, sources: cite('S83', 'S81', 'S28', 'S4'),
  }),
  row({
    id: 'it-worker-red-flags', code: 'A14', title: 'IT-worker red flags',
    description: 'For IT or remote work: inconsistent identities, requests to ship equipment to another address, PRC-linked payment services, payment in virtual currency.',
    establishedBy: 'A "yes" to the IT questionnaire item; crypto payments to an IT-sector party.',
    severity: 'high', weight: 45, sources: cite('S31', 'S68'),
  }),
  row({
    id: 'dprk-income-after-2019', code: 'A15', title: 'DPRK nationals earning income after 22 Dec 2019',
    description: 'DPRK nationals earn income in the host state after the repatriation deadline of UNSCR 2397, a breach by that state.',
    establishedBy: 'DPRK nationals in the workforce with an arrival date, project period or assessment date after 2019-12-22.',
    severity: 'critical', weight: 95, hardRule: 'reported', sources: cite('S20', 'S87'),
    legal: 'UNSCR 2397 (2017), para. 8 (deadline 22 Dec 2019)',
  }),
  row({
    id: 'ilo-abuse-of-vulnerability', code: 'ILO-1', title: 'Abuse of vulnerability',
    description: 'Workers cannot refuse: no local language or legal status, families at home held as implicit guarantee.',
    establishedBy: 'A "yes" to the questionnaire.', severity: 'low', weight: 20, sources: cite('S130', 'S115', 'S118'), ilo: [1],
  }),
  row({
    id: 'ilo-deception', code: 'ILO-2', title: 'Deception',
    description: 'Workers were deceived about pay, employer, the nature of the work or conditions.',
    establishedBy: 'A "yes" to the questionnaire.', severity: 'low', weight: 25, sources: cite('S130', 'S118'), ilo: [2],
  }),
  row({
    id: 'ilo-restriction-of-movement', code: 'ILO-3', title: 'Restriction of movement',
    description: 'Workers cannot leave the site or their housing freely; movement only in groups.',
    establishedBy: 'A "no" to "workers can leave freely".', severity: 'medium', weight: 40, sources: cite('S130', 'S80', 'S111'), ilo: [3],
  }),
  row({
    id: 'ilo-isolation', code: 'ILO-4', title: 'Isolation',
    description: 'Workers are kept from contact with family and outsiders: no phones, no visits.',
    establishedBy: 'A "yes" to the questionnaire.', severity: 'medium', weight: 35, sources: cite('S130', 'S80', 'S118'), ilo: [4],
  }),
  row({
    id: 'ilo-violence', code: 'ILO-5', title: 'Physical and sexual violence',
    description: 'Reports of physical or sexual violence against workers.',
    establishedBy: 'A "yes" to the questionnaire.', severity: 'medium', weight: 40, sources: cite('S130'), ilo: [5],
  }),
  row({
    id: 'ilo-intimidation', code: 'ILO-6', title: 'Intimidation and threats',
    description: 'Threats against workers or their families, penalties, forced repatriation for poor performance or for not remitting quotas.',
    establishedBy: 'A "yes" to the questionnaire.', severity: 'medium', weight: 40, sources: cite('S130', 'S119', 'S80'), ilo: [6],
  }),
  row({
    id: 'ilo-withholding-of-wages', code: 'ILO-8', title: 'Withholding of wages',
    description: 'Wages are withheld until the end of the contract or return home, or 70-90% is deducted as "fees" and "loyalty funds".',
    establishedBy: 'A "yes" to the questionnaire.', severity: 'high', weight: 45, sources: cite('S130', 'S110', 'S86'), ilo: [8],
  }),
  row({
    id: 'ilo-debt-bondage', code: 'ILO-9', title: 'Debt bondage',
    description: 'Workers paid recruitment fees or bribes, or carry debts, to obtain the posting.',
    establishedBy: 'A "yes" to the questionnaire.', severity: 'medium', weight: 35, sources: cite('S130', 'S115', 'S118'), ilo: [9],
  }),
];

const BY_ID: ReadonlyMap<string, IndicatorDef> = new Map(INDICATORS.map((d) => [d.id, d]));

/** The catalog row of an indicator id, or undefined for an id the catalog does not know. */
export function indicatorById(id: string): IndicatorDef | undefined {
  return BY_ID.get(id);
}

/**
 * The public sources the risk model cites, keyed by the [S..] ids of the project's domain reference
 * (domain.md, "Sources"). Every indicator, country row and sector row names its basis here, so an
 * explanation can always say where a rule comes from and a reader can look it up.
 */

export interface SourceRef {
  /** The key used in domain.md, e.g. "S60". */
  readonly id: string;
  readonly title: string;
}

const SOURCE_TITLES = {
  S1: 'U.S. Dept of State, "North Korea Sanctions and Enforcement Actions Advisory: Risks for Businesses with Supply Chain Links to North Korea" (23 Jul 2018, with Treasury/OFAC and DHS)',
  S3: 'MR Watchlist, "State Department North Korea Supply Chain Advisory: Sections I and II" (verbatim text, 24 Jul 2018)',
  S4: 'Joiner Trade Law, "U.S. Government Issues Advisory of Risks for Businesses with Supply Chain Links to North Korea" (20 Aug 2018)',
  S5: 'just-style, "US warns of North Korea apparel supply chain risk" (2018)',
  S12: 'OpenSanctions, "US Advisory on North Korean Joint Ventures" (us_nk_jointventures)',
  S14: 'RusReality, summary of the 2018 advisory (26 Jul 2018)',
  S20: 'UNSCR 2397 (22 Dec 2017), para. 8: repatriation of DPRK nationals earning income abroad',
  S22: 'UN Security Council resolution 2375 (11 Sep 2017), summary (work authorizations, para. 17)',
  S28: 'UN Security Council Consolidated List (1718 regime), XML snapshot of 27 Feb 2026',
  S31: 'U.S. State, Treasury and FBI, "Guidance on the DPRK Information Technology Workers" (16 May 2022)',
  S43: '22 U.S.C. 9214 (NKSPEA designations, incl. (g)(1)(C) export or employment of DPRK workers)',
  S44: '22 U.S.C. 9241, 9241a, 9241b (CAATSA 321(b) import presumption; employer sanctions and assurance conditions)',
  S45: 'U.S. DHS, "CAATSA Title III Section 321(b) FAQs" (30 Mar 2018; updated 11 Feb 2021)',
  S60: 'OFAC SDN list CSV, as vendored in public test data (programs DPRK2, DPRK3, DPRK4, DPRK-NKSPEA)',
  S66: 'U.S. Treasury, "Treasury Sanctions Entities for Facilitating the Exportation of Workers from North Korea" (14 Jan 2020)',
  S67: 'U.S. Treasury, "Treasury Sanctions Entities Involved in Exporting Workers from North Korea" (19 Nov 2020)',
  S68: 'U.S. Treasury press release jy2790 (16 Jan 2025), DPRK IT-worker network',
  S69: 'Korea Sobaeksu Trading Company designation (24 Jul 2025), KBS World',
  S70: 'Chinyong Information Technology Cooperation Company designation (23 May 2023)',
  S73: 'Crowell & Moring, "North Korean Labor Remains Problematic for Global Supply Chains" (Jan 2018)',
  S74: 'RFA Korean, Algeria implementation report (30 Jul 2020)',
  S75: 'Hankook Ilbo (22 Nov 2017), Mansudae workers in Angola',
  S80: 'Newsweek on the report of UN Special Rapporteur Darusman (Oct 2015)',
  S81: 'HRNK / Scarlatoiu testimony citing the Asan Institute (2015)',
  S83: 'Japan Times (23 Jan 2020), DPRK workers in China after the UN deadline',
  S86: 'Chosun Ilbo, "N.Korean Regime Fleeces Overseas Workers" (27 Sep 2012)',
  S87: 'Yonhap via UrduPoint (12 Dec 2019), repatriation reporting; NKDB issue brief (24 Dec 2019)',
  S88: 'RFA, UN Panel of Experts report on DPRK workers abroad (21 Mar 2024)',
  S89: 'Korean-language summary of the 2022 UN Panel of Experts report',
  S90: 'Pyongyang Papers, overseas workers (student and tourist visas)',
  S100: 'Josimar, "The Slaves of St Petersburg" (2017)',
  S101: 'Off The Ball, "Reports emerge of slave labour used for 2018 World Cup stadium" (2017)',
  S104: 'The Guardian (7 Nov 2014), "Qatar\'s ambitious future driven on by North Korean \'forced labour\'"',
  S105: 'Byggnadsarbetaren, "Dödsfall och slavliknande arbete vid VM-bygge"',
  S106: 'Bertil Lintner, "North Korea\'s living exports", Asia Times (25 Jul 2007)',
  S110: 'Daily NK, "North Korean overseas laborers give 70% of wages to state"',
  S111: 'AP (5 Oct 2017), North Korean seafood workers in Hunchun, China',
  S112: 'Rosa Luxemburg Stiftung, Atlas of Enslavement, "North Korea: State-sponsored trafficking"',
  S113: 'Breuker & van Gardingen (eds.), "Slaves to the System: North Korean Forced Labour in the EU, the Polish Case" (Leiden Asia Centre)',
  S114: 'RFA via American Military News (17 Apr 2022), passports of workers sent abroad',
  S115: 'HRNK / Scarlatoiu, Washington Times (30 Mar 2016)',
  S116: 'NK News, Vladivostok bulk-cash cases (Oct and Nov 2018)',
  S117: 'RFA via American Military News (5 Oct 2019), remittance agent in Dandong using borrowed-name accounts',
  S118: 'Gyupchanova (NKDB), "Labor and Human Rights Conditions of North Korean Workers Dispatched Overseas", Cornell Int\'l L.J. 51',
  S119: 'Daily NK, overseas work candidates warned about remittance quotas',
  S130: 'ILO, "ILO Indicators of Forced Labour" (Special Action Programme to Combat Forced Labour, 2012)',
  S132: 'Verité / U.S. State Dept, Responsible Sourcing Tool, Construction Sector Toolset',
  S140: 'News.MN (13 Feb 2018), Mongolia work permits for DPRK nationals',
  S142: 'NK News (Mar 2018), Singapore revokes all DPRK work permits',
  S143: 'KBS World, Nepal repatriates 33 DPRK workers (2019)',
  S144: 'Wikipedia, "North Korean migrant workers" (weak, unverified)',
  S146: 'UL, U.S. legislation and North Korean labour risks in modern slavery compliance',
  S147: 'NK News (Jun 2016), DPRK fishing crews via Uruguay',
  S149: 'Seoul Economic Daily (2016), requests to Singapore, Kuwait, Angola, Malta',
  S7: 'Hankyung (24 Jul 2018)',
  S61: 'Free Korea, "Treasury fires a broadside at Kim Jong-un\'s slave labor racket" (6 Dec 2016)',
  S63: 'NK News (May 2017), Senegal investigates a North Korean company',
} as const;

export type SourceId = keyof typeof SOURCE_TITLES;

/** Resolves [S..] ids to citations; an unknown id is a programming error caught by the catalog tests. */
export function cite(...ids: readonly SourceId[]): readonly SourceRef[] {
  return ids.map((id) => ({ id, title: SOURCE_TITLES[id] }));
}

/** Every source the model can cite, for the report's methodology section. */
export function allSources(): readonly SourceRef[] {
  return (Object.keys(SOURCE_TITLES) as SourceId[]).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))).map((id) => ({ id, title: SOURCE_TITLES[id] }));
}

/**
 * The legal authorities a DPRK-labour due-diligence report rests on, with the citation strings of
 * the project's domain reference (section 2.5) and a one-sentence reading of each. Data, not prose in
 * the renderer, so the report model carries it and tests can check it.
 */
export interface LegalAuthority {
  readonly citation: string;
  readonly title: string;
  readonly summary: string;
}

export const LEGAL_BASIS: readonly LegalAuthority[] = [
  {
    citation: 'UNSCR 2375 (2017), para. 17',
    title: 'UN ban on work authorizations for DPRK nationals',
    summary: 'Member States shall not provide work authorizations for DPRK nationals in their jurisdictions unless the 1718 Committee approves in advance, case by case; contracts finalised before 11 September 2017 are excepted.',
  },
  {
    citation: 'UNSCR 2375 (2017), para. 18',
    title: 'UN ban on joint ventures with DPRK entities',
    summary: 'States shall prohibit opening, maintaining and operating joint ventures or cooperative entities with DPRK entities or individuals, and close existing ones.',
  },
  {
    citation: 'UNSCR 2397 (2017), para. 8',
    title: 'UN repatriation of DPRK workers (deadline 22 Dec 2019)',
    summary: 'Member States shall repatriate all DPRK nationals earning income in their jurisdiction, and the DPRK safety oversight attachés monitoring them, no later than 22 December 2019.',
  },
  {
    citation: 'E.O. 13722 (2016), sec. 2(a)',
    title: 'U.S. blocking of the Government of North Korea; labour-export criterion',
    summary: 'Blocks the Government of North Korea and the Workers\' Party of Korea and authorises designating persons who engaged in, facilitated or were responsible for the exportation of workers from North Korea.',
  },
  {
    citation: 'E.O. 13810 (2017)',
    title: 'U.S. sectoral criteria and foreign financial institutions',
    summary: 'Authorises blocking persons operating in North Korea\'s construction, IT, textiles and other industries, and sanctions on foreign financial institutions that handle related transactions.',
  },
  {
    citation: '22 U.S.C. 9214(g)(1)(C) (NKSPEA, as amended)',
    title: 'Mandatory designation: export or employment of DPRK workers',
    summary: 'The President shall designate any person who knowingly, directly or indirectly, engages in, facilitates or is responsible for the exportation of workers from North Korea, or the employment of such workers, in a manner that generates significant revenue for the Government or the Workers\' Party.',
  },
  {
    citation: '22 U.S.C. 9214(b)(1)(L) (NKSPEA)',
    title: 'Discretionary designation for labour export',
    summary: 'The President may designate any person who knowingly engaged in, facilitated or was responsible for the exportation of workers from North Korea to generate significant revenue for the Government or the Workers\' Party.',
  },
  {
    citation: '22 U.S.C. 9241b',
    title: 'Sanctions on foreign persons employing North Korean labour',
    summary: 'Employers on the State Department list are designated unless reliable assurances show no transfer of value to the DPRK government, wages paid directly to the workers into local accounts, and working conditions consistent with international standards.',
  },
  {
    citation: 'CAATSA §321(b), 22 U.S.C. 9241a; 19 U.S.C. 1307',
    title: 'U.S. import presumption for goods made with North Korean labour',
    summary: 'Goods mined, produced or manufactured wholly or in part by the labour of North Korean nationals are presumed made with forced labour and denied entry to the United States unless shown otherwise by clear and convincing evidence.',
  },
  {
    citation: '31 C.F.R. part 510',
    title: 'North Korea Sanctions Regulations',
    summary: 'The Treasury regulations implementing the U.S. North Korea sanctions, including the secondary-sanctions provisions cited in labour-exporter designations.',
  },
];

export const LEGAL_DISCLAIMER =
  'This section summarises the authorities against which the findings were assessed. It is not legal advice; '
  + 'decisions on designation matches and on suspending or terminating a relationship should be taken with counsel.';

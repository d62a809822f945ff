/**
 * Country and sector evidence tables (domain.md 4.6 and 4.7): where DPRK overseas labour has been
 * documented and in which trades. They weight indicator A13. The country table is not the 2018
 * advisory's Annex 1 (only four of its 42 names could be confirmed); each row cites its own sources.
 */
import { cite } from './sources';
import type { SourceRef } from './sources';

/** How strong the documented presence is; the factor scales indicator A13. */
export const COUNTRY_TIERS = {
  /** The DPRK itself, and the two hosts with more DPRK workers than all others combined. */
  highest: 1,
  /** Thousands or hundreds reported, or a designated labour exporter located there. */
  elevated: 0.7,
  /** Reported presence, smaller or older. */
  reported: 0.45,
  /** Historical (2000s) or weakly sourced reports. */
  weak: 0.2,
} as const;
export type CountryTier = keyof typeof COUNTRY_TIERS;

export interface CountryEvidence {
  readonly code: string;
  readonly name: string;
  readonly tier: CountryTier;
  readonly evidence: string;
  readonly sources: readonly SourceRef[];
}

const c = (code: string, name: string, tier: CountryTier, evidence: string, sources: readonly SourceRef[]): CountryEvidence => ({ code, name, tier, evidence, sources });

export const COUNTRY_EVIDENCE: readonly CountryEvidence[] = [
  c('KP', 'North Korea', 'highest', 'Work performed in the DPRK itself', cite('S1', 'S3')),
  c('CN', 'China', 'highest', 'Largest host, about 50,000 (U.S. est.); seafood, garments, restaurants, IT', cite('S83', 'S111', 'S31')),
  c('RU', 'Russia', 'highest', 'About 30,000 (U.S. est.); construction, logging; Zenit Arena; Mokran and Cholsan; student visas', cite('S83', 'S100', 'S67', 'S90')),
  c('KW', 'Kuwait', 'elevated', '5,000 (2015 est.); External Construction Bureau and Ch\'olhyo\'n locations; 904 repatriated', cite('S81', 'S60', 'S87')),
  c('QA', 'Qatar', 'elevated', '1,800 (2015) to 3,000 (2014); External Construction Bureau location; about 2,500 repatriated', cite('S81', 'S104', 'S60', 'S87')),
  c('AE', 'United Arab Emirates', 'elevated', '2,000 (2015); External Construction Bureau location; UN Panel 2022 mention', cite('S81', 'S60', 'S89')),
  c('OM', 'Oman', 'elevated', '300 (2015); External Construction Bureau location', cite('S81', 'S60')),
  c('MN', 'Mongolia', 'elevated', '1,300 (2015); 1,221 work permits in 2017', cite('S81', 'S140')),
  c('PL', 'Poland', 'elevated', '400-500; shipyards, agriculture, containers; Rungrado and Armex', cite('S81', 'S73', 'S113')),
  c('AO', 'Angola', 'elevated', '1,000 (2015); 154 Mansudae workers left in Nov 2017', cite('S81', 'S75')),
  c('DZ', 'Algeria', 'elevated', '200 (2015); Ch\'olhyo\'n location; Mansudae branch; UN Panel 2022 construction contract', cite('S81', 'S60', 'S74', 'S89')),
  c('NA', 'Namibia', 'elevated', 'Mansudae Overseas Projects subsidiaries in Windhoek (designated)', cite('S60')),
  c('LA', 'Laos', 'elevated', 'IT workers of Chonsurim, Osong and Chinyong (designated)', cite('S68', 'S70', 'S89')),
  ...['MY:Malaysia', 'LY:Libya', 'MM:Myanmar', 'NG:Nigeria', 'GQ:Equatorial Guinea', 'ET:Ethiopia'].map((s) => {
    const [code, name] = s.split(':') as [string, string];
    return c(code, name, 'reported', 'On the 2015 host list (Nigeria also Korea Namgang Trading, 2018)', cite('S81', 'S66'));
  }),
  ...['BW:Botswana', 'BJ:Benin', 'KH:Cambodia', 'TD:Chad', 'CD:DR Congo', 'MG:Madagascar', 'MZ:Mozambique', 'SY:Syria', 'TG:Togo', 'ZW:Zimbabwe'].map((s) => {
    const [code, name] = s.split(':') as [string, string];
    return c(code, name, 'reported', 'Mansudae Overseas Projects business per the UN list narrative', cite('S28', 'S89'));
  }),
  c('EG', 'Egypt', 'reported', 'Mansudae business per the 2016 Treasury text', cite('S61')),
  c('SN', 'Senegal', 'reported', 'Mansudae business; investigated by Senegal (2017)', cite('S61', 'S63')),
  c('SG', 'Singapore', 'reported', 'Named among the advisory\'s 42; revoked all DPRK work permits (2018)', cite('S7', 'S142')),
  c('VN', 'Vietnam', 'reported', 'Sobaeksu IT workers; Koryo restaurant in Hanoi', cite('S69', 'S89')),
  c('CG', 'Congo', 'reported', 'UN Panel 2022 mention; no 2397 report filed (Dec 2019)', cite('S89', 'S87')),
  c('CI', 'Côte d\'Ivoire', 'reported', 'UN Panel 2022 mention', cite('S89')),
  c('CM', 'Cameroon', 'reported', 'Host that had not filed a 2397 para. 8 report (Dec 2019)', cite('S87')),
  c('TZ', 'Tanzania', 'reported', 'Host that had not filed a 2397 para. 8 report (Dec 2019)', cite('S87')),
  c('NP', 'Nepal', 'reported', '33 repatriated in Oct 2019', cite('S143')),
  c('UY', 'Uruguay', 'reported', 'DPRK fishing crews via Uruguay (2016)', cite('S147')),
  c('MT', 'Malta', 'reported', 'Cited by media and U.S. officials', cite('S146', 'S149')),
  c('MX', 'Mexico', 'reported', 'Cited by media and U.S. officials', cite('S146')),
  c('CZ', 'Czech Republic', 'weak', 'Historical reports (2000s)', cite('S106')),
  c('BG', 'Bulgaria', 'weak', 'Historical reports (2000s)', cite('S106')),
  c('SA', 'Saudi Arabia', 'weak', 'Historical reports (2000s)', cite('S106')),
  c('BY', 'Belarus', 'weak', 'Reported in encyclopedia summaries only (unverified)', cite('S144')),
];

const COUNTRY_BY_CODE: ReadonlyMap<string, CountryEvidence> = new Map(COUNTRY_EVIDENCE.map((r) => [r.code, r]));

/** The evidence row of an ISO country code, or undefined when nothing is documented. */
export function countryEvidence(code: string): CountryEvidence | undefined {
  return COUNTRY_BY_CODE.get(code);
}

export interface SectorEvidence {
  readonly id: string;
  readonly label: string;
  /** Lower-case words that identify the sector in a party's free-text sector field. */
  readonly keywords: readonly string[];
  readonly sources: readonly SourceRef[];
}

export const SECTOR_EVIDENCE: readonly SectorEvidence[] = [
  { id: 'construction', label: 'Construction (incl. monuments and statues)', keywords: ['construction', 'building', 'builder', 'civil', 'concrete', 'formwork', 'rebar', 'steel', 'scaffold', 'facade', 'façade', 'masonry', 'finishing', 'earthwork', 'excavation', 'roofing', 'plaster', 'tiling', 'monument', 'statue', 'sculpture', 'stadium', 'mep', 'welding', 'labour supply', 'labor supply', 'manpower'], sources: cite('S4', 'S28', 'S100', 'S104') },
  { id: 'logging', label: 'Logging and timber', keywords: ['logging', 'timber', 'forestry', 'lumber', 'sawmill'], sources: cite('S4', 'S83') },
  { id: 'mining', label: 'Mining', keywords: ['mining', 'mine', 'quarry'], sources: cite('S80') },
  { id: 'agriculture', label: 'Agriculture', keywords: ['agricultur', 'farm', 'greenhouse', 'harvest'], sources: cite('S113') },
  { id: 'textiles', label: 'Textiles, garments and apparel', keywords: ['textile', 'garment', 'apparel', 'sewing', 'embroider', 'clothing', 'uniform'], sources: cite('S4', 'S3') },
  { id: 'footwear', label: 'Footwear', keywords: ['footwear', 'shoe'], sources: cite('S4') },
  { id: 'seafood', label: 'Seafood processing and fishing crews', keywords: ['seafood', 'fish', 'crab', 'salmon'], sources: cite('S4', 'S111', 'S147') },
  { id: 'shipbuilding', label: 'Shipbuilding and shipyards', keywords: ['shipbuild', 'shipyard', 'ship repair', 'container manufactur'], sources: cite('S4', 'S113') },
  { id: 'hospitality', label: 'Hospitality, restaurants and catering', keywords: ['hospitality', 'restaurant', 'catering', 'hotel', 'canteen'], sources: cite('S4', 'S89') },
  { id: 'medical', label: 'Medical and pharmaceutical', keywords: ['medical', 'pharma', 'clinic', 'hospital'], sources: cite('S4') },
  { id: 'it', label: 'IT services and software', keywords: ['software', 'it services', 'information technology', 'app development', 'web development', 'programming', 'developer', 'freelanc'], sources: cite('S31', 'S68') },
];

const sectorCache = new Map<string, SectorEvidence | undefined>();

/** The sector row matching a party's free-text sector, or undefined (memoised: the same few sectors recur). */
export function sectorEvidence(sector: string): SectorEvidence | undefined {
  if (sectorCache.has(sector)) return sectorCache.get(sector);
  const found = matchSector(sector);
  if (sectorCache.size > 10_000) sectorCache.clear();
  sectorCache.set(sector, found);
  return found;
}

function matchSector(sector: string): SectorEvidence | undefined {
  const text = sector.toLowerCase();
  if (!text.trim()) return undefined;
  if (/\bit\b/.test(text)) return SECTOR_EVIDENCE.find((s) => s.id === 'it');
  return SECTOR_EVIDENCE.find((s) => s.keywords.some((k) => text.includes(k)));
}

/** True for sectors where the party supplies or manages labour on site (worker questions apply). */
export function isLabourSector(sector: string): boolean {
  const match = sectorEvidence(sector);
  return match !== undefined && match.id !== 'it';
}

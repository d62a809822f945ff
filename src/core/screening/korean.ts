/**
 * Folding of Korean romanization variants. The same Korean name reaches us as McCune-Reischauer
 * (Chosŏn, Ch'ŏl), Revised Romanization (Joseon, Cheol), the DPRK's own spellings (Phyongyang),
 * Russian-derived ones (Chkholsan, Tsoi) and ad-hoc ones (Chosun, Rhee, Park). Two keys per word:
 * `foldKorean` merges spellings of the same sounds; `phoneticKey` also merges the vowels and the
 * final n/ng that writers confuse most. Family names have their own table of customary spellings.
 */

/** Customary spellings of Korean family names, mapped to one canonical spelling. */
const SURNAME_GROUPS: readonly (readonly string[])[] = [
  ['ri', 'rhee', 'lee', 'yi', 'li', 'rhie', 'ree', 'i'],
  ['pak', 'park', 'bak', 'pack', 'bahk'],
  ['choe', 'choi', 'chwe', 'choy', 'tsoi', 'tsoy', 'chhoe'],
  ['jong', 'jeong', 'chong', 'chung', 'cheong', 'jung', 'joung'],
  ['o', 'oh'],
  ['han', 'hahn'],
  ['yu', 'ryu', 'yoo', 'you', 'ryoo', 'lyu', 'you'],
  ['rim', 'lim', 'im', 'yim'],
  ['kim', 'gim'],
  ['so', 'seo', 'suh', 'soh', 'sŏ'],
  ['sin', 'shin'],
  ['jo', 'cho', 'joh'],
  ['jang', 'chang'],
  ['yun', 'yoon'],
  ['hyon', 'hyun', 'hyeon'],
  ['ryom', 'yom', 'yeom', 'lyom'],
  ['ro', 'roh', 'no', 'noh'],
  ['ko', 'koh', 'go'],
  ['kang', 'gang'],
  ['paek', 'baek', 'paik', 'baik', 'pek'],
  ['jon', 'jeon', 'chon', 'chun'],
  ['mun', 'moon'],
  ['an', 'ahn'],
  ['kwon', 'gwon'],
  ['ju', 'joo', 'chu'],
  ['ryang', 'yang'],
  ['ryo', 'yo', 'yeo', 'ryeo'],
];

const SURNAME_CANON: ReadonlyMap<string, string> = new Map(SURNAME_GROUPS.flatMap((group) => group.map((s) => [s, group[0]!] as const)));

/** The canonical spelling of a Korean family name, or undefined when the word is not one. */
export function canonicalSurname(word: string): string | undefined {
  return SURNAME_CANON.get(word);
}

// Ordered rewrites; upper-case letters are placeholders so later rules cannot touch their output.
const CONSONANT_RULES: readonly (readonly [RegExp, string])[] = [
  [/tsch|tch|chh|ch|dzh|dz|ts|zh|j/g, 'C'],
  [/ng/g, 'N'],
  [/sh/g, 's'], [/kh/g, 'k'], [/ph/g, 'p'], [/th/g, 't'], [/gh/g, 'k'],
  [/g/g, 'k'], [/d/g, 't'], [/b/g, 'p'], [/r/g, 'l'], [/q/g, 'k'], [/z/g, 's'],
];
const VOWEL_RULES: readonly (readonly [RegExp, string])[] = [
  [/yeo/g, 'yo'], [/eo/g, 'o'], [/eu/g, 'u'], [/oo/g, 'u'], [/ee/g, 'i'], [/ou/g, 'u'],
  [/wae|we|oi|oy/g, 'oe'], [/ai|ay/g, 'ae'], [/yi/g, 'i'],
];

/**
 * Folds one lower-case Latin word so that romanizations of the same Korean syllables coincide:
 * Chosŏn / Joseon / Choson → "coson", Kwangson / Gwangseon → "kwaNson" (printed lower-case).
 * Non-Korean words fold too; the matcher scores a folded-only agreement below an exact one.
 */
export function foldKorean(word: string): string {
  // Words without vowels are acronyms or codes (KPTC, KKBC): spelled letters, not syllables.
  if (!/[aeiouy]/.test(word)) return word;
  const surname = SURNAME_CANON.get(word);
  let w = surname ?? word;
  for (const [re, to] of CONSONANT_RULES) w = w.replace(re, to);
  for (const [re, to] of VOWEL_RULES) w = w.replace(re, to);
  // Initial ㄹ is written R in the North and dropped before i/y in the South (Ri / I, Ryu / Yu).
  if (w.length > 2 && w[0] === 'l' && (w[1] === 'i' || w[1] === 'y')) w = w.slice(1);
  w = w.replace(/(.)\1+/g, '$1');
  return w.replace(/C/g, 'c').replace(/N/g, 'ng');
}

/**
 * A coarser key over the folded word: o/u and e/ae merge (Chosun for Chosŏn, Sung for Sŏng),
 * y-glides after a consonant drop. Used to retrieve candidates and to score "sounds the same".
 */
export function phoneticKey(folded: string): string {
  return folded
    .replace(/ae/g, 'e')
    .replace(/u/g, 'o')
    .replace(/([kptcslmnh])y/g, '$1')
    .replace(/h$/, '')
    .replace(/(.)\1+/g, '$1');
}

/**
 * The phonetic key with a final ng written n: Russian practice writes both 용 and 연 as Ён, so a name
 * read from Cyrillic cannot tell them apart. Only compared when one side was read from Cyrillic.
 */
export function looseKey(key: string): string {
  return key.replace(/ng/g, 'n');
}

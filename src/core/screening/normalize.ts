/**
 * Text normalization for names: Unicode NFKC, lower case, legal forms in other scripts rewritten,
 * Cyrillic and Hangul read into Latin, diacritics and punctuation removed, dotted initials joined
 * (L.L.C. → llc). The output is a list of plain words per Latin reading of the name.
 */
import { NATIVE_LEGAL_FORMS } from './vocabulary';
import { transliterationVariants } from './transliterate';

const HAN_RUN = /(\p{Script=Han}+)/gu;
const APOSTROPHES = /['’‘`´ʼʻ"“”«»„]/gu;
const DOTTED_INITIALS = /(?<![\p{L}\p{N}])((?:\p{L}\.){2,})/gu;

/** Lower-cases and NFKC-normalizes, and rewrites non-Latin legal forms (ООО, 有限公司, 주식회사). */
export function prepareText(name: string): string {
  let s = name.normalize('NFKC').toLowerCase();
  for (const [re, to] of NATIVE_LEGAL_FORMS) s = s.replace(re, to);
  return s;
}

/** Splits an already-Latin lower-case text into words: marks, apostrophes and punctuation removed. */
export function splitWords(latin: string): string[] {
  const s = latin
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .replace(/ß/g, 'ss').replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/đ/g, 'd').replace(/ł/g, 'l').replace(/ı/g, 'i')
    .replace(/(\p{L})['’]s(?![\p{L}])/gu, '$1')
    .replace(APOSTROPHES, '')
    .replace(DOTTED_INITIALS, (m) => `${m.replace(/\./g, '')} `)
    .replace(HAN_RUN, ' $1 ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return s ? s.split(' ') : [];
}

/** The words of each Latin reading of a name, with how the reading was obtained. */
export function nameReadings(name: string): { words: string[]; via: string }[] {
  const prepared = prepareText(name);
  const seen = new Set<string>();
  const out: { words: string[]; via: string }[] = [];
  for (const variant of transliterationVariants(prepared)) {
    const words = splitWords(variant.text);
    const key = words.join(' ');
    if (words.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push({ words, via: variant.via });
  }
  return out;
}

/**
 * Normalizes one word the way names are normalized, for highlighting the matched parts of a name
 * in the interface: "Ch'ŏl" → "chol". Words in other scripts are returned lower-cased.
 */
export function normalizeWord(word: string): string {
  return splitWords(word.normalize('NFKC').toLowerCase()).join('');
}

/**
 * Turns a name into tagged parts the matcher can weigh: each word with its Korean-folded and
 * phonetic keys and a kind (content, generic, qualifier, legal form, stop word, number, initial),
 * the legal forms found (shown in canonical form), and the acronyms a multi-word name can go by.
 */
import { canonicalSurname, foldKorean, looseKey, phoneticKey } from './korean';
import { nameReadings } from './normalize';
import { COMMON_SURNAMES, GENERIC_WORDS, KOREAN_SYNONYMS, LEGAL_FORMS, QUALIFIER_WORDS, STOP_WORDS } from './vocabulary';

export type TokenKind = 'content' | 'generic' | 'qualifier' | 'legal' | 'stop' | 'numeric' | 'initial';

export interface NameToken {
  /** The normalized word as written ("chosun"). */
  readonly text: string;
  /** The word compared: a Korean word's English equivalent ("korea"), else the text. */
  readonly canon: string;
  readonly fold: string;
  readonly key: string;
  /** The phonetic key with final ng as n, for names read from Cyrillic. */
  readonly loose: string;
  readonly kind: TokenKind;
  /** A family name that many people share (Kim, Ri, Pak...). */
  readonly surname: boolean;
  /** The word comes from a Cyrillic reading, where final -ng and -n cannot be told apart. */
  readonly cyrillic: boolean;
}

export interface AnalyzedName {
  readonly name: string;
  /** How the Latin reading was obtained ('' for a Latin name). */
  readonly via: string;
  readonly tokens: readonly NameToken[];
  /** Canonical legal forms found (LLC, Co. Ltd, Group of Companies). */
  readonly legalForms: readonly string[];
  /** Initials of multi-word organisation names (Mansudae Overseas Project → mop). */
  readonly acronyms: readonly string[];
}

/** Legal-form phrases by their first word, longest first, so each word checks only its own phrases. */
const PHRASES = new Map<string, { words: string[]; canon: string }[]>();
for (const [phrase, canon] of LEGAL_FORMS) {
  const words = phrase.split(' ');
  const list = PHRASES.get(words[0]!) ?? [];
  list.push({ words, canon });
  list.sort((a, b) => b.words.length - a.words.length);
  PHRASES.set(words[0]!, list);
}
/** Short legal forms that may open a name (Russian practice: ООО Мокран). Others must follow the name. */
const LEADING_FORMS = new Set(['ooo', 'oao', 'zao', 'pao', 'ao', 'too', 'tov', 'jsc', 'ojsc', 'cjsc', 'pjsc', 'llc']);

function findLegalForms(words: readonly string[]): { legal: boolean[]; forms: string[] } {
  const legal = words.map(() => false);
  const forms: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const phrase of PHRASES.get(words[i]!) ?? []) {
      const n = phrase.words.length;
      if (i + n > words.length || !phrase.words.every((w, k) => words[i + k] === w)) continue;
      if (i === 0 && n === 1 && !LEADING_FORMS.has(phrase.words[0]!)) continue;
      for (let k = 0; k < n; k++) legal[i + k] = true;
      forms.push(phrase.canon);
      i += n - 1;
      break;
    }
  }
  // A name made only of legal-form words is a name: keep its words.
  if (legal.every(Boolean)) return { legal: legal.map(() => false), forms: [] };
  return { legal, forms };
}

function kindOf(word: string, canon: string, isLegal: boolean): TokenKind {
  if (isLegal) return 'legal';
  if (STOP_WORDS.has(word)) return 'stop';
  if (/^\d+$/.test(word)) return 'numeric';
  if (word.length === 1 && /\p{L}/u.test(word)) return 'initial';
  if (QUALIFIER_WORDS.has(canon)) return 'qualifier';
  if (GENERIC_WORDS.has(canon)) return 'generic';
  return 'content';
}

// Words repeat across names (Korea, Trading, Kim): their keys are computed once. Bounded so a long
// session screening many different names cannot grow it without limit.
const keyCache = new Map<string, { fold: string; key: string; loose: string; surname: boolean }>();
const KEY_CACHE_LIMIT = 200_000;

function keysOf(text: string, canon: string) {
  let keys = keyCache.get(text);
  if (!keys) {
    const latin = /^[a-z]+$/.test(canon);
    const fold = latin ? foldKorean(canon) : canon;
    const key = latin ? phoneticKey(fold) : fold;
    keys = { fold, key, loose: latin ? looseKey(key) : key, surname: COMMON_SURNAMES.has(text) || COMMON_SURNAMES.has(canonicalSurname(text) ?? '') };
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(text, keys);
  }
  return keys;
}

function makeToken(text: string, kind: TokenKind, cyrillic: boolean): NameToken {
  const canon = KOREAN_SYNONYMS[text] ?? text;
  return { text, canon, ...keysOf(text, canon), kind, cyrillic };
}

function acronymsOf(tokens: readonly NameToken[]): string[] {
  const core = tokens.filter((t) => t.kind !== 'legal' && t.kind !== 'stop' && t.kind !== 'numeric');
  const all = tokens.filter((t) => t.kind !== 'stop' && t.kind !== 'numeric');
  const out = new Set<string>();
  for (const set of [core, all]) {
    if (set.length < 3 || set.length > 8) continue;
    if (!/^[a-z]+$/.test(set.map((t) => t.text[0]).join(''))) continue;
    out.add(set.map((t) => t.text[0]).join(''));
  }
  return [...out];
}

/**
 * Analyzes a name into one tagged reading per transliteration (one for a Latin name).
 * `isPerson` suppresses acronyms, which only organisations go by.
 */
export function analyzeName(name: string, isPerson: boolean): AnalyzedName[] {
  return nameReadings(name).map(({ words, via }) => {
    const { legal, forms } = findLegalForms(words);
    const cyrillic = via.startsWith('Cyrillic');
    const tokens = words.map((w, i) => {
      const canon = KOREAN_SYNONYMS[w] ?? w;
      return makeToken(w, kindOf(w, canon, legal[i]!), cyrillic);
    });
    return { name, via, tokens, legalForms: forms, acronyms: isPerson ? [] : acronymsOf(tokens) };
  });
}

/** Tokens that take part in matching: everything but legal forms and stop words (all, if none is left). */
export function matchTokens(name: AnalyzedName): readonly NameToken[] {
  const core = name.tokens.filter((t) => t.kind !== 'legal' && t.kind !== 'stop');
  return core.length > 0 ? core : name.tokens;
}

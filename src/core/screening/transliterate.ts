/**
 * Cyrillic and Hangul to Latin, so that a name written in a Russian contract or a Korean document can
 * be compared with the romanized names on the lists. Cyrillic gets two readings: the usual Russian one
 * (Ким Кан Джин → kim kan dzhin) and one that reverses the Russian practice for Korean names
 * (Kontsevich: Чхве Рён Хэ → chwae ryon hae, Ы → u, Х → h) and its older form (Ким Ир Сен → kim il song),
 * because all of these reach us.
 * Hangul is romanized syllable by syllable in the Revised Romanization; folding does the rest.
 */

const RUSSIAN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'w', ј: 'j', ћ: 'c', ђ: 'dj',
  љ: 'lj', њ: 'nj', џ: 'dz', ѕ: 'dz',
};

/** Digraphs first, then single letters: the Russian spelling of Korean names (Kontsevich and older practice). */
const KOREAN_DIGRAPHS: readonly (readonly [string, string])[] = [
  ['чж', 'j'], ['чх', 'ch'], ['кх', 'k'], ['тх', 't'], ['пх', 'p'], ['дж', 'j'], ['ый', 'ui'], ['вэ', 'wae'],
  ['ве', 'we'], ['ва', 'wa'], ['во', 'wo'], ['ви', 'wi'], ['ль', 'l'], ['нъ', 'ng'],
];
const KOREAN_SINGLE: Readonly<Record<string, string>> = { ...RUSSIAN, х: 'h', ы: 'u', э: 'ae', ё: 'yo', ж: 'j', ц: 'ts', ч: 'ch' };

const CYRILLIC = /[\u0400-\u04FF]/;
/** Words of Korean company names: Korea (Chosŏn), bank, general company, company, trading, construction, shipping. */
const HANGUL_WORDS = /(조선|은행|총회사|회사|무역|건설|해운|총국)/g;

/**
 * The older Russian spelling of Korean names, still used for the best-known ones (Ким Ир Сен,
 * Ким Чен Ын): a consonant + "ен" at the end of a syllable stands for -ŏng, a final "р" for -l.
 */
function traditionalKorean(text: string): string {
  return text
    .replace(/([бвгджзклмнпрстфхцчшщ])ен(?![а-яё])/g, '$1онъ')
    .replace(/р(?![а-яё])/g, 'ль');
}
const HANGUL = /[\uAC00-\uD7A3]/;

function mapCyrillic(text: string, single: Readonly<Record<string, string>>, digraphs: readonly (readonly [string, string])[]): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const pair = text.slice(i, i + 2);
    const di = digraphs.find(([from]) => from === pair);
    if (di) {
      out += di[1];
      i++;
      continue;
    }
    const ch = text[i]!;
    out += single[ch] ?? ch;
  }
  return out;
}

const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const MEDIALS = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'p', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

/** Romanizes one Hangul syllable (U+AC00..U+D7A3) in the Revised Romanization. */
export function romanizeSyllable(ch: string): string {
  const code = ch.charCodeAt(0) - 0xac00;
  if (code < 0 || code > 11171) return ch;
  const initial = Math.floor(code / 588);
  const medial = Math.floor((code % 588) / 28);
  const final = code % 28;
  return INITIALS[initial]! + MEDIALS[medial]! + FINALS[final]!;
}

/**
 * Romanizes Hangul words. With `splitSyllables`, a word of 2 to 4 syllables is read as a person's
 * name written together and each syllable becomes a word (김정은 → gim jeong eun), as the lists write
 * Korean names; otherwise syllables are joined (gimjeongeun).
 */
export function romanizeHangul(text: string, splitSyllables: boolean): string {
  // Company names run their words together (조선대성은행): set the common words apart first.
  const spaced = text.replace(/[\uAC00-\uD7A3]{4,}/g, (word) => word.replace(HANGUL_WORDS, ' $1 '));
  // Only a lone word is read as a name written together; in longer text each word keeps its syllables.
  const split = splitSyllables && spaced.trim() === text.trim() && (text.match(/[\uAC00-\uD7A3]+/g) ?? []).length === 1;
  return spaced.replace(/[\uAC00-\uD7A3]+/g, (word) => {
    const syllables = [...word].map(romanizeSyllable);
    if (split && syllables.length >= 2 && syllables.length <= 4) return syllables.join(' ');
    return syllables.join('');
  });
}

/** True when the text has Cyrillic or Hangul letters that need a Latin reading. */
export function needsTransliteration(text: string): boolean {
  return CYRILLIC.test(text) || HANGUL.test(text);
}

/**
 * The Latin readings of a (lower-cased) name: the text itself when it has no Cyrillic or Hangul, else
 * one to six readings, each tagged with how it was obtained for the explanation.
 */
export function transliterationVariants(lower: string): { text: string; via: string }[] {
  if (!needsTransliteration(lower)) return [{ text: lower, via: '' }];
  const out: { text: string; via: string }[] = [];
  const hasCyrillic = CYRILLIC.test(lower);
  const hasHangul = HANGUL.test(lower);
  const bases = hasCyrillic
    ? [
        { text: mapCyrillic(lower, RUSSIAN, []), via: 'Cyrillic (Russian reading)' },
        { text: mapCyrillic(lower, KOREAN_SINGLE, KOREAN_DIGRAPHS), via: 'Cyrillic (Korean name reading)' },
        { text: mapCyrillic(traditionalKorean(lower), KOREAN_SINGLE, KOREAN_DIGRAPHS), via: 'Cyrillic (traditional Korean name reading)' },
      ]
    : [{ text: lower, via: '' }];
  for (const base of bases) {
    if (hasHangul) {
      const via = base.via ? `${base.via}, Hangul` : 'Hangul (Revised Romanization)';
      out.push({ text: romanizeHangul(base.text, false), via });
      out.push({ text: romanizeHangul(base.text, true), via: `${via}, syllable by syllable` });
    } else {
      out.push(base);
    }
  }
  const seen = new Set<string>();
  return out.filter((v) => (seen.has(v.text) ? false : (seen.add(v.text), true)));
}

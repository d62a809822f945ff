// Search folding for names in any script: NFKC, lower case, no diacritics, collapsed spaces.
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

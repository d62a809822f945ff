/**
 * Shows a name with the words the matcher paired marked, so a reviewer sees at a glance which parts
 * of the party's name and of the listed name agreed.
 */
import { normalizeWord } from '../../../src/core/screening';

/** The normalized words of the matched parts on one side ("jong un" → jong, un). */
export function matchedWords(parts: readonly { query: string; listed: string }[], side: 'query' | 'listed'): Set<string> {
  return new Set(parts.flatMap((p) => p[side].split(' ')).filter(Boolean));
}

export function Highlighted({ text, words }: { text: string; words: ReadonlySet<string> }) {
  const pieces = text.split(/([^\p{L}\p{N}'’]+)/u);
  // A listed part written together ("hojin") still marks the pieces of "Ho-jin".
  const joined = [...words].filter((w) => w.length > 3);
  return (
    <>
      {pieces.map((piece, i) => {
        const norm = normalizeWord(piece);
        const hit = norm !== '' && (words.has(norm) || (norm.length >= 2 && joined.some((w) => w.startsWith(norm) || w.endsWith(norm))));
        return hit ? <mark key={i}>{piece}</mark> : <span key={i}>{piece}</span>;
      })}
    </>
  );
}

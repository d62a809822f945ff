// Inputs fuzzing found that hung or crawled, kept as regression tests: a workbook whose deflate
// stream is damaged (SheetJS's inflater looped forever on it), and a CSV list file with a huge field
// followed by many stray quotes (each quote re-trimmed the field: quadratic time). A relapse shows
// as a test that never ends (the test timeout); how long each takes is in `npm run bench -- guards`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../../src/core/io';
import { parseCsv } from '../../../src/core/io/csv';
import { REPO_ROOT } from '../../support/shared';

describe('inputs fuzzing found', () => {
  it('refuses a workbook with a damaged deflate stream at once, with a message', () => {
    const bytes = new Uint8Array(readFileSync(`${REPO_ROOT}/tests/fixtures/fuzz/damaged-deflate.xlsx`));
    const result = readSpreadsheet(bytes, 'damaged.xlsx');
    expect(result.value).toBeNull();
    expect(result.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^the workbook is damaged and cannot be read: the part xl\/sharedStrings.xml is damaged \(invalid distance\)/)]);
  });

  it('parses a huge field followed by thousands of stray quotes, listing at most 1,000 problems', () => {
    const text = `1,"KIM, Jong Un",individual\r\n2,${'A'.repeat(400_000)}${'"'.repeat(50_000)},entity\r\n`;
    const parsed = parseCsv(text);
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.problems).toHaveLength(1001);
    expect(parsed.problems.at(-1)!.message).toBe('49000 more problems of this kind not listed (only the first 1000 are)');
  });
});

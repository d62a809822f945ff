// Reading reports each step before it runs, so the import worker can show where it has got to.
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTemplateFiles } from '../../../src/core/io';
import type { ReadProgress } from '../../../src/core/io';

describe('readTemplateFiles progress', () => {
  it('names each file, then the sheet check, counting steps as it goes', () => {
    const steps: ReadProgress[] = [];
    const parsed = readTemplateFiles([
      { name: 'Parties.csv', bytes: strToU8('ID,Name,Kind\nP-1,Party 1,organization\nP-2,Party 2,organization') },
      { name: 'Links.csv', bytes: strToU8('From,To,Relation\nP-1,P-2,subcontracts') },
    ], (p) => steps.push(p));
    expect(parsed.value.parties).toHaveLength(2);
    expect(steps).toEqual([
      { done: 0, total: 3, step: 'Reading Parties.csv' },
      { done: 1, total: 3, step: 'Reading Links.csv' },
      { done: 2, total: 3, step: 'Checking the sheets' },
    ]);
  });

  it('stops after the files when none can be read', () => {
    const steps: string[] = [];
    const parsed = readTemplateFiles([{ name: 'empty.xlsx', bytes: new Uint8Array() }], (p) => steps.push(p.step));
    expect(parsed.errors.map((e) => e.message)).toEqual(['the file is empty']);
    expect(steps).toEqual(['Reading empty.xlsx']);
  });
});

// The risk engine's results are byte-identical to those of the engine before its speed work: each
// scenario's canonical JSON (see equivalence-cases.ts) must hash to the digest captured then. A
// changed digest means a result changed; if that change is intended (a new model version), capture
// the digests again and say why in the commit. No timings are asserted here: see tests/bench/.
import { describe, expect, it } from 'vitest';
import { equivalenceCases } from './equivalence-cases';

/** SHA-256 of canonicalJson(results), captured from the engine at commit 5a4efea. */
const EXPECTED = new Map<string, string>([
  ['random 60 parties, 180 links, seed 3', '0005e301ff744502ef5731694a76147b15a03cbfcd27ad1c15b87eaf70a2a22f'],
  ['random 60 parties, 180 links, seed 17', '45d89e71a0cf3644323d5dfba70b83e6c79582409f5444d41f9bb21ecd0ce2bf'],
  ['random 60 parties, 180 links, seed 101', 'c12a570353902f90d70b1adba1b75af2bc8711212dba92360e4c69a87c1b94d0'],
  ['random 60 parties, 180 links, seed 2024', '43d59d2e6b1d139ee6b5fa635f456b0db73c61121824eacb10d04ad7ad11f6e3'],
  ['random 60/180 seed 3, shuffled, 5 paths, as of 2026-06-30', 'ae4f55f22f557b7a0593a173fd3f9c415fccc1efcc12a4e55f34c380871df2c7'],
  ['random 60/180 seed 17, other weights', '8029184a30c9249b55c091f9fde03720cd23f787db8978a6831216d763d24b4a'],
  ['hub with 150 direct subcontractors and payments, 5 paths', '6ebd08c8dcf6bdba0691a0d1fbdb707d523482c4e50a286b93f3a7fc01015bfa'],
  ['tiered 300 parties, 700 links, seed 7', '08c610409539eca625b5c0640a85d4e9e3c2bde1ca78ca501b0906f19e5c2a74'],
  ['random 400 parties, 1,200 links, seed 11, 30 session edits', 'be479f7073164f00daa735c4afdc73bdda9701160a3dcc335d31db61a0ad0369'],
  ['tiered 2,000 parties, 4,500 links, seed 5, 18 session edits, as of 2026-06-30', '1e6a41349fa7b3a18e2a2be4607414eecb808a8dec1785d638dd6b74ca7f0177'],
  ['bench: tiered 10,000 parties, 20,000 links, seed 42', '3afbfeb334a677a2553c4cb665a9f22650f6a3340683e143db4639eb9a8e30ab'],
  ['bench: random 10,000 parties, 20,000 links, seed 42', '312945c179d19f35f8f5592765cf75c2307a9f1e47e9152515d8a030b573c46c'],
  ['bench: tiered 10,000/20,000, 4 session edits', 'eabeb36b575cda885e859bf5c4d8d2aa5a670396f06e2005c0238078ab5b1eab'],
]);

describe('risk results are unchanged by performance work', () => {
  const cases = equivalenceCases();

  it('covers every captured scenario', () => {
    expect(cases.map((c) => c.name).sort()).toEqual([...EXPECTED.keys()].sort());
  });

  for (const c of cases) {
    it(c.name, () => {
      expect(c.digest()).toBe(EXPECTED.get(c.name));
    });
  }
});

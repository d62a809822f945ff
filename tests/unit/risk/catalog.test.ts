// The catalog as data: complete against the Annex A crosswalk, ILO indicators present, every fact
// and question pointing at a real indicator, every citation one of domain.md's [S..] sources with
// the right title, and the weights hash stable, sensitive and validated.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import {
  allSources, COUNTRY_EVIDENCE, createRiskModel, DEFAULT_WEIGHTS, FACTS, INDICATORS, parseRiskWeights, QUESTIONS, SECTOR_EVIDENCE, sectorEvidence,
} from '../../../src/core/risk';
import { describeWithShared, SHARED_ROOT } from '../../support/shared';
import { describe } from 'vitest';

describe('indicator catalog', () => {
  it('covers the fifteen Annex A crosswalk rows and the ILO indicators, with unique stable ids', () => {
    const codes = INDICATORS.map((d) => d.code);
    for (let i = 1; i <= 15; i++) expect(codes).toContain(`A${i}`);
    const ilo = new Set(INDICATORS.flatMap((d) => [...d.ilo, ...(d.code.startsWith('ILO-') ? [Number(d.code.slice(4))] : [])]));
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) expect(ilo, `ILO indicator ${n}`).toContain(n);
    expect(new Set(INDICATORS.map((d) => d.id)).size).toBe(INDICATORS.length);
    for (const d of INDICATORS) {
      expect(d.id).toMatch(/^[a-z0-9-]+$/);
      expect(d.weight).toBeGreaterThan(0);
      expect(d.weight).toBeLessThanOrEqual(100);
      expect(d.sources.length).toBeGreaterThan(0);
      expect(d.title && d.description && d.establishedBy).toBeTruthy();
    }
  });

  it('has facts and questions that each settle a real indicator, with unique ids', () => {
    const ids = new Set(INDICATORS.map((d) => d.id));
    for (const f of FACTS) if (f.indicator) expect(ids, f.id).toContain(f.indicator);
    expect(new Set(FACTS.map((f) => f.id)).size).toBe(FACTS.length);
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(15);
    for (const q of QUESTIONS) expect(q.question.text).toMatch(/\?$/);
  });

  it('matches free-text sectors to the sector table', () => {
    expect(sectorEvidence('Structural steel erection')?.id).toBe('construction');
    expect(sectorEvidence('IT services')?.id).toBe('it');
    expect(sectorEvidence('Seafood processing')?.id).toBe('seafood');
    expect(sectorEvidence('Legal advice')).toBeUndefined();
    expect(SECTOR_EVIDENCE.length).toBe(11);
  });
});

describe('weights', () => {
  it('validates the shipped weights and stamps them with a stable hash', () => {
    const a = createRiskModel();
    expect(parseRiskWeights(DEFAULT_WEIGHTS).errors).toEqual([]);
    expect(a.weightsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(createRiskModel(structuredClone(DEFAULT_WEIGHTS)).weightsHash).toBe(a.weightsHash);
    const changed = createRiskModel({ ...DEFAULT_WEIGHTS, indicators: { ...DEFAULT_WEIGHTS.indicators, 'passports-held': 60 } });
    expect(changed.weightsHash).not.toBe(a.weightsHash);
  });

  it('rejects weights that would break the model, and falls back to the default', () => {
    const bad = parseRiskWeights({ ...DEFAULT_WEIGHTS, unknownFactor: 0.5, thresholds: { medium: 50, high: 40, critical: 75 }, indicators: { nope: 10 } });
    expect(bad.value.weightsHash).toBe(createRiskModel().weightsHash);
    expect(bad.errors.join('\n')).toMatch(/unknownFactor/);
    expect(bad.errors.join('\n')).toMatch(/thresholds: must rise/);
    expect(bad.errors.join('\n')).toMatch(/indicators.nope: is not an indicator/);
    expect(parseRiskWeights('garbage').errors.length).toBeGreaterThan(0);
  });
});

describeWithShared('citations against the domain reference', () => {
  const domain = readFileSync(`${SHARED_ROOT}/reference/domain.md`, 'utf8');
  it('cites only [S..] ids listed in domain.md, under their listed titles', () => {
    const cited = new Set([...INDICATORS.flatMap((d) => d.sources), ...COUNTRY_EVIDENCE.flatMap((c) => c.sources), ...SECTOR_EVIDENCE.flatMap((s) => s.sources)].map((s) => s.id));
    for (const s of allSources()) {
      const line = domain.split('\n').find((l) => l.startsWith(`- [${s.id}] `));
      expect(line, `${s.id} in domain.md's source list`).toBeDefined();
      // The title's first distinctive word (a name or a number of 4+ digits) appears in the reference's line,
      // so an id pointing at the wrong source is caught.
      const first = s.title.replace(/["“”(),:;.]/g, ' ').split(/\s+/).find((w) => w.length > 5 || /^\d{4,}/.test(w))!;
      expect(line!.toLowerCase(), `${s.id}: ${s.title}`).toContain(first.toLowerCase());
    }
    for (const id of cited) expect(allSources().map((s) => s.id)).toContain(id);
  });

  it('has a country row for every country of domain.md 4.6 that has an ISO code here', () => {
    const section = domain.slice(domain.indexOf('### 4.6'), domain.indexOf('### 4.7'));
    for (const c of COUNTRY_EVIDENCE.filter((r) => r.code !== 'KP')) expect(section, c.name).toContain(c.name.replace('Czech Republic', 'Czech').replace('DR Congo', 'DRC').replace('United Arab Emirates', 'UAE'));
  });
});

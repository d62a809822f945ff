// The use cases components call instead of writing tables: hit decisions, questionnaire answers,
// indicator overrides, attestations, and the screening policy and risk weights in settings. Each
// goes through the real repository (in-memory backend): validated, audited, all or nothing.
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { sequentialIds, steppingClock } from '../../../src/core/model';
import type { ScreeningHit } from '../../../src/core/model';
import { DEFAULT_WEIGHTS } from '../../../src/core/risk';
import { ATTESTATION_FIELDS as FIELDS, buildAttestationForm } from '../../../src/core/report';
import { DEFAULT_SCREENING_POLICY } from '../../../src/core/screening';
import {
  SCREENING_POLICY_SETTING, ValidationError, addIndicatorOverride, decideHit, decideHits, latestAttestation, listHits, listOverrides,
  listQuestionnaires, loadRiskModel, loadScreeningPolicy, recordAttestationRequest, recordReturnedAttestation, resetRiskWeights,
  resetScreeningPolicy, saveQuestionnaireAnswers, saveRiskWeights, saveScreeningPolicy, saveScreeningRun,
} from '../../../src/core/services';
import { Repository } from '../../../src/core/services/repository';
import { createMemoryBackend } from '../../../src/store';
import { loadFonts } from '../report/fixture';

async function setup() {
  const repo = new Repository(createMemoryBackend(), { ids: sequentialIds(), clock: steppingClock(), actor: () => 'tester' });
  const project = await repo.createProject({ name: 'Stadium' });
  const agency = await repo.createParty(project.id, { kind: 'organization', name: 'Gulf Manpower Agency' });
  return { repo, projectId: project.id, agency };
}

const hit = (id: string, projectId: string, partyId: string): ScreeningHit => ({
  id, projectId, partyId, queryName: 'Gulf Manpower Agency', listId: 'lst_un', listSource: 'UN', entryRef: `KPe.${id}`, entryName: 'X', matchedName: 'X',
  score: 0.9, explanation: { band: 'match' }, entryHash: 'h', status: 'open', reason: '', reviewer: '', reviewedAt: '',
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
});

async function withHits(n: number) {
  const s = await setup();
  const hits = Array.from({ length: n }, (_, i) => hit(`hit_${i + 1}`, s.projectId, s.agency.id));
  await saveScreeningRun(s.repo, s.projectId, { upserts: hits, removals: [], counts: { queries: 1, created: n, updated: 0, reopened: 0, kept: 0, removed: 0 } });
  return { ...s, hits };
}

describe('hit decisions', () => {
  it('refuse a dismissal without a reason and store nothing', async () => {
    const { repo, projectId } = await withHits(1);
    await expect(decideHit(repo, 'hit_1', { status: 'dismissed', reason: '  ', reviewer: 'M. Kim' })).rejects.toThrow(ValidationError);
    expect((await listHits(repo, projectId))[0]).toMatchObject({ status: 'open', reviewer: '' });
  });

  it('record a decision with the reviewer, time and reason, audited', async () => {
    const { repo, projectId } = await withHits(1);
    const decided = await decideHit(repo, 'hit_1', { status: 'dismissed', reason: ' other registration number ', reviewer: 'M. Kim' }, () => '2026-02-01T10:00:00.000Z');
    expect(decided).toMatchObject({ status: 'dismissed', reason: 'other registration number', reviewer: 'M. Kim', reviewedAt: '2026-02-01T10:00:00.000Z' });
    const log = await repo.auditLog(projectId);
    expect(log.at(-1)).toMatchObject({ entity: 'hits', entityId: 'hit_1', action: 'update' });
  });

  it('decide several hits in one transaction: all, or none when one is missing', async () => {
    const { repo, projectId } = await withHits(3);
    let notices = 0;
    repo.subscribe(() => notices++);
    await decideHits(repo, ['hit_1', 'hit_2', 'hit_3'], { status: 'confirmed', reason: '', reviewer: 'M. Kim' });
    expect(notices).toBe(1);
    expect((await listHits(repo, projectId)).map((h) => h.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    await expect(decideHits(repo, ['hit_1', 'hit_9'], { status: 'dismissed', reason: 'no', reviewer: 'M. Kim' })).rejects.toThrow(/hit_9 does not exist/);
    expect((await listHits(repo, projectId))[0]!.status).toBe('confirmed');
  });

  it('a screening run saved after a decision does not overwrite the decision', async () => {
    const { repo, projectId, hits } = await withHits(2);
    await decideHit(repo, 'hit_1', { status: 'confirmed', reason: '', reviewer: 'M. Kim' });
    // The run started from the hits as they were before the decision.
    const refreshed = hits.map((h) => ({ ...h, score: 0.95, updatedAt: '2026-03-01T00:00:00.000Z' }));
    await saveScreeningRun(repo, projectId, { upserts: refreshed, removals: [], counts: { queries: 1, created: 0, updated: 2, reopened: 0, kept: 0, removed: 0 } }, hits);
    const stored = await listHits(repo, projectId);
    expect(stored.map((h) => [h.id, h.status, h.score])).toEqual([['hit_1', 'confirmed', 0.9], ['hit_2', 'open', 0.95]]);
  });
});

describe('questionnaire answers and overrides', () => {
  it('keep one auditor questionnaire per party, replaced by each save', async () => {
    const { repo, projectId, agency } = await setup();
    const answer = (questionId: string, value: 'yes' | 'no') => ({ questionId, answer: value, confidence: 'reported' as const, evidenceIds: [], note: '' });
    const first = await saveQuestionnaireAnswers(repo, { projectId, partyId: agency.id }, [answer('q1', 'yes')]);
    const second = await saveQuestionnaireAnswers(repo, { projectId, partyId: agency.id }, [answer('q1', 'no'), answer('q2', 'yes')]);
    expect(second.id).toBe(first.id);
    expect(second.createdAt).toBe(first.createdAt);
    const all = await listQuestionnaires(repo, projectId);
    expect(all).toHaveLength(1);
    expect(all[0]!.answers.map((a) => `${a.questionId}=${a.answer}`)).toEqual(['q1=no', 'q2=yes']);
  });

  it('refuse an override without a reason, naming the field', async () => {
    const { repo, projectId, agency } = await setup();
    const input = { projectId, partyId: agency.id, indicatorId: 'A1', action: 'add' as const, confidence: 'reported' as const, reason: ' ', author: 'M. Kim' };
    const error = await addIndicatorOverride(repo, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([{ path: 'reason', message: 'a reason is required' }]);
    await addIndicatorOverride(repo, { ...input, reason: 'site visit' });
    expect(await listOverrides(repo, projectId)).toMatchObject([{ indicatorId: 'A1', reason: 'site visit', author: 'M. Kim' }]);
  });
});

describe('attestations', () => {
  it('mark a party awaiting, then store a returned form with its answers in one step', async () => {
    const { repo, projectId, agency } = await setup();
    expect(await latestAttestation(repo, projectId, agency.id)).toBeNull();
    await recordAttestationRequest(repo, projectId, agency.id, '2026-03-15');
    expect(await latestAttestation(repo, projectId, agency.id)).toMatchObject({ status: 'awaiting', requestedAt: '2026-03-15' });

    const project = (await repo.getProject(projectId))!;
    const form = await buildAttestationForm({ project, party: agency, organisation: 'Northgate', issued: '2026-03-15' }, loadFonts());
    const doc = await PDFDocument.load(form);
    const f = doc.getForm();
    f.getRadioGroup(FIELDS.dprkNationals).select('no');
    f.getTextField(FIELDS.signatoryName).setText('A. Lebedinsky');
    const returned = await recordReturnedAttestation(repo, projectId, agency.id, { name: 'returned.pdf', bytes: await doc.save() });
    expect(returned.issues.length).toBeGreaterThan(0);
    expect(await latestAttestation(repo, projectId, agency.id)).toMatchObject({ status: 'received', signatoryName: 'A. Lebedinsky' });
    expect((await listQuestionnaires(repo, projectId)).map((q) => q.source)).toEqual(['attestation']);
  });

  it('refuse the form of another party, storing nothing', async () => {
    const { repo, projectId, agency } = await setup();
    const other = await repo.createParty(projectId, { kind: 'organization', name: 'Other WLL' });
    const project = (await repo.getProject(projectId))!;
    const form = await buildAttestationForm({ project, party: other, organisation: '', issued: '2026-03-15' }, loadFonts());
    await expect(recordReturnedAttestation(repo, projectId, agency.id, { name: 'other.pdf', bytes: form })).rejects.toThrow(/other\.pdf is the attestation of another party/);
    await expect(recordReturnedAttestation(repo, projectId, agency.id, { name: 'junk.pdf', bytes: new Uint8Array([1, 2, 3]) })).rejects.toThrow(/^junk\.pdf: not a readable PDF/);
    expect(await latestAttestation(repo, projectId, agency.id)).toBeNull();
  });
});

describe('settings of the installation', () => {
  it('store a valid screening policy, refuse a crossed one, and fall back from a damaged one', async () => {
    const { repo } = await setup();
    expect(await loadScreeningPolicy(repo)).toEqual({ policy: DEFAULT_SCREENING_POLICY, errors: [] });
    await saveScreeningPolicy(repo, { threshold: 0.85, reviewFloor: 0.7 });
    expect((await loadScreeningPolicy(repo)).policy).toEqual({ threshold: 0.85, reviewFloor: 0.7 });
    await expect(saveScreeningPolicy(repo, { threshold: 0.6, reviewFloor: 0.7 })).rejects.toThrow(/review threshold \(0\.7\) must not be above the match threshold \(0\.6\)/);
    await expect(saveScreeningPolicy(repo, { threshold: 1.2, reviewFloor: 0.7 })).rejects.toThrow(/at most 1/);
    expect((await loadScreeningPolicy(repo)).policy).toEqual({ threshold: 0.85, reviewFloor: 0.7 });
    await repo.setSetting(SCREENING_POLICY_SETTING, { threshold: 'high' });
    const damaged = await loadScreeningPolicy(repo);
    expect(damaged.policy).toEqual(DEFAULT_SCREENING_POLICY);
    expect(damaged.errors.join(' ')).toMatch(/match threshold must be a number/);
    expect(await resetScreeningPolicy(repo)).toEqual(DEFAULT_SCREENING_POLICY);
    expect(await loadScreeningPolicy(repo)).toEqual({ policy: DEFAULT_SCREENING_POLICY, errors: [] });
  });

  it('store valid risk weights and refuse invalid ones', async () => {
    const { repo } = await setup();
    const shipped = (await loadRiskModel(repo)).model.weightsHash;
    const refused = await saveRiskWeights(repo, { ...DEFAULT_WEIGHTS, unknownFactor: 5 });
    expect(refused.model).toBeNull();
    expect(refused.errors.length).toBeGreaterThan(0);
    const saved = await saveRiskWeights(repo, { ...DEFAULT_WEIGHTS, hardRuleFloor: 85 });
    expect(saved.model!.weightsHash).not.toBe(shipped);
    expect((await loadRiskModel(repo)).model.weightsHash).toBe(saved.model!.weightsHash);
    await resetRiskWeights(repo);
    expect((await loadRiskModel(repo)).model.weightsHash).toBe(shipped);
  });
});

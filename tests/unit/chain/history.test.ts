// Undo and redo of chain edits through the real repository (in-memory backend): each edit and its
// inverse are validated and audited; deleting a party and undoing it brings back its links,
// questionnaire and evidence.
import { describe, expect, it } from 'vitest';
import { Repository } from '../../../src/core/services/repository';
import { createMemoryBackend } from '../../../src/store';
import { evidenceSchema, sequentialIds, sha256Hex, steppingClock } from '../../../src/core/model';
import { listQuestionnaires, saveQuestionnaireAnswers } from '../../../src/core/services';
import { HistoryError, emptyHistory, perform, redo, resolveId, undo } from '../../../src/core/services/chain-history';

async function setup() {
  const repo = new Repository(createMemoryBackend(), { ids: sequentialIds(), clock: steppingClock(), actor: () => 'tester' });
  const project = await repo.createProject({ name: 'Stadium' });
  const client = await repo.createParty(project.id, { kind: 'organization', name: 'Client', isClient: true });
  return { repo, projectId: project.id, client };
}

const names = async (repo: Repository, projectId: string) => (await repo.listParties(projectId)).map((p) => p.name).sort();

describe('edit history', () => {
  it('adds a subcontractor with its link in one step, and undoes and redoes it as one', async () => {
    const { repo, projectId, client } = await setup();
    let h = emptyHistory();
    ({ history: h } = await perform(h, repo, 'Add subcontractor GC', {
      op: 'batch', steps: [
        { op: 'create-party', projectId, input: { kind: 'organization', name: 'GC' } },
        { op: 'create-link', projectId, input: { relation: 'subcontracts', from: client.id, to: { step: 0 } } },
      ],
    }));
    expect(await names(repo, projectId)).toEqual(['Client', 'GC']);
    expect((await repo.listLinks(projectId)).map((l) => l.relation)).toEqual(['subcontracts']);

    ({ history: h } = await undo(h, repo));
    expect(await names(repo, projectId)).toEqual(['Client']);
    expect(await repo.listLinks(projectId)).toEqual([]);
    expect(h.undone.map((e) => e.label)).toEqual(['Add subcontractor GC']);

    ({ history: h } = await redo(h, repo));
    const links = await repo.listLinks(projectId);
    const gc = (await repo.listParties(projectId)).find((p) => p.name === 'GC')!;
    expect(links.map((l) => [l.from, l.to])).toEqual([[client.id, gc.id]]);
    expect(h.done).toHaveLength(1);
    expect(h.undone).toHaveLength(0);
  });

  it('undoes a rename to the exact previous value and redoes it', async () => {
    const { repo, client } = await setup();
    let h = emptyHistory();
    ({ history: h } = await perform(h, repo, 'Rename', { op: 'update-party', partyId: client.id, patch: { name: 'Client Authority', country: 'QA' } }));
    ({ history: h } = await undo(h, repo));
    expect((await repo.getParty(client.id))).toMatchObject({ name: 'Client', country: '' });
    await redo(h, repo);
    expect((await repo.getParty(client.id))).toMatchObject({ name: 'Client Authority', country: 'QA' });
  });

  it('brings back a deleted party with its links, questionnaire and evidence, under a new id that later edits follow', async () => {
    const { repo, projectId, client } = await setup();
    const agency = await repo.createParty(projectId, { kind: 'organization', name: 'Agency', aliases: ['에이전시'] });
    const crew = await repo.createParty(projectId, { kind: 'workforce', name: 'Crew' });
    await repo.createLink(projectId, { relation: 'subcontracts', from: client.id, to: agency.id });
    await repo.createLink(projectId, { relation: 'employs', from: agency.id, to: crew.id });
    await saveQuestionnaireAnswers(repo, { projectId, partyId: agency.id }, [{ questionId: 'q', answer: 'yes', confidence: 'reported', evidenceIds: [], note: '' }]);
    const bytes = new TextEncoder().encode('contract scan');
    await repo.addEvidence(evidenceSchema.parse({ id: 'evd_1', projectId, subject: { type: 'party', id: agency.id }, fileName: 'c.txt', size: bytes.length, sha256: sha256Hex(bytes), createdAt: 'x', updatedAt: 'x' }), bytes);

    let h = emptyHistory();
    ({ history: h } = await perform(h, repo, 'Delete Agency', { op: 'delete-party', partyId: agency.id }));
    expect(await names(repo, projectId)).toEqual(['Client', 'Crew']);
    expect(await repo.listLinks(projectId)).toEqual([]);

    ({ history: h } = await undo(h, repo));
    const restored = (await repo.listParties(projectId)).find((p) => p.name === 'Agency')!;
    expect(restored.aliases).toEqual(['에이전시']);
    expect(resolveId(h, agency.id)).toBe(restored.id);
    const links = await repo.listLinks(projectId);
    expect(links.map((l) => `${l.relation}:${l.from === restored.id ? 'A' : l.from}>${l.to === restored.id ? 'A' : l.to}`).sort())
      .toEqual([`employs:A>${crew.id}`, `subcontracts:${client.id}>A`]);
    const q = await listQuestionnaires(repo, projectId);
    expect(q.map((r) => r.partyId)).toEqual([restored.id]);
    const ev = await repo.listEvidence(projectId);
    expect(ev[0]!.subject).toEqual({ type: 'party', id: restored.id });
    expect(await repo.getEvidenceBytes('evd_1')).toEqual(bytes);

    // Redo deletes the restored party (found through its alias), and undo restores it again.
    ({ history: h } = await redo(h, repo));
    expect(await names(repo, projectId)).toEqual(['Client', 'Crew']);
    await undo(h, repo);
    expect(await names(repo, projectId)).toEqual(['Agency', 'Client', 'Crew']);
    expect((await repo.listLinks(projectId))).toHaveLength(2);
  });

  it('moves a deleted link\'s evidence to the project and back on undo', async () => {
    const { repo, projectId, client } = await setup();
    const gc = await repo.createParty(projectId, { kind: 'organization', name: 'GC' });
    const l = await repo.createLink(projectId, { relation: 'pays', from: client.id, to: gc.id, value: 1000, currency: 'USD' });
    const bytes = new Uint8Array([1, 2, 3]);
    await repo.addEvidence(evidenceSchema.parse({ id: 'evd_2', projectId, subject: { type: 'link', id: l.id }, fileName: 'invoice.pdf', size: 3, sha256: sha256Hex(bytes), createdAt: 'x', updatedAt: 'x' }), bytes);
    let h = emptyHistory();
    ({ history: h } = await perform(h, repo, 'Delete payment', { op: 'delete-link', projectId, linkId: l.id }));
    expect((await repo.listEvidence(projectId))[0]!.subject).toEqual({ type: 'project', id: projectId });
    await undo(h, repo);
    const [restored] = await repo.listLinks(projectId);
    expect(restored).toMatchObject({ relation: 'pays', value: 1000, currency: 'USD' });
    expect((await repo.listEvidence(projectId))[0]!.subject).toEqual({ type: 'link', id: restored!.id });
  });

  it('rolls back a batch whose second step fails, and records nothing', async () => {
    const { repo, projectId } = await setup();
    const h = emptyHistory();
    await expect(perform(h, repo, 'Bad', {
      op: 'batch', steps: [
        { op: 'create-party', projectId, input: { kind: 'organization', name: 'Orphan' } },
        { op: 'create-link', projectId, input: { relation: 'subcontracts', from: 'pty_missing', to: { step: 0 } } },
      ],
    })).rejects.toThrow(/must be a party of this project/);
    expect(await names(repo, projectId)).toEqual(['Client']);
  });

  it('drops an entry that can no longer be undone, with a message naming it', async () => {
    const { repo, projectId } = await setup();
    let h = emptyHistory();
    ({ history: h } = await perform(h, repo, 'Add GC', { op: 'create-party', projectId, input: { kind: 'organization', name: 'GC' } }));
    // Someone deletes the party on another screen.
    const gc = (await repo.listParties(projectId)).find((p) => p.name === 'GC')!;
    await repo.deleteParty(gc.id, { links: 'delete' });
    const error = await undo(h, repo).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HistoryError);
    expect((error as HistoryError).message).toMatch(/“Add GC” can no longer be undone/);
    expect((error as HistoryError).history.done).toHaveLength(0);
  });

  it('writes an audit entry for every edit, undo and redo', async () => {
    const { repo, projectId } = await setup();
    const before = (await repo.auditLog(projectId)).length;
    let h = emptyHistory();
    ({ history: h } = await perform(h, repo, 'Add GC', { op: 'create-party', projectId, input: { kind: 'organization', name: 'GC' } }));
    ({ history: h } = await undo(h, repo));
    await redo(h, repo);
    const actions = (await repo.auditLog(projectId)).slice(before).map((e) => `${e.entity}:${e.action}`);
    expect(actions).toEqual(['party:create', 'party:delete', 'party:create']);
  });
});

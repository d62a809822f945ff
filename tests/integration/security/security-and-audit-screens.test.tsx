// @vitest-environment jsdom
// The Security and Audit log screens in the whole app frame, over the in-memory repository: setting a
// passphrase, locking, a wrong passphrase at unlock, workers shown by pseudonym while locked, and the
// audit log's chain check naming the first entry that was tampered with.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/app/App';
import { MIN_ITERATIONS, VaultSession } from '../../../src/core/crypto';
import { connectVault } from '../../../src/core/services';
import type { AuditEntry } from '../../../src/core/model';
import { Repository } from '../../../src/core/services/repository';
import { createMemoryBackend } from '../../../src/store';

const PASS = 'orange river mountain cloud';

async function services() {
  const vault = new VaultSession({ clock: () => new Date().toISOString(), iterations: MIN_ITERATIONS });
  const repo = new Repository(createMemoryBackend(), { protector: vault, actor: () => 'auditor' });
  await connectVault(repo, vault);
  return { repo, vault };
}

beforeEach(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) { this.setAttribute('open', ''); };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) { this.removeAttribute('open'); };
  localStorage.clear();
});
afterEach(cleanup);

describe('security screen', () => {
  it('sets a passphrase, encrypts a worker saved before it, locks and unlocks', async () => {
    const s = await services();
    const project = await s.repo.createProject({ name: 'Investigation' });
    const worker = await s.repo.createParty(project.id, { kind: 'person', name: 'Ri Song Chol', ref: 'W-9', isWorker: true });
    window.location.hash = `#/security?project=${project.id}`;
    render(<App services={s} />);
    expect(await screen.findByText(/No passphrase is set/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Not encrypted/ })).toBeTruthy();

    const setUp = screen.getByRole('region', { name: 'Set a passphrase' });
    fireEvent.change(within(setUp).getByLabelText('Passphrase'), { target: { value: PASS } });
    fireEvent.change(within(setUp).getByLabelText('Type it again'), { target: { value: `${PASS}!` } });
    fireEvent.click(within(setUp).getByRole('button', { name: 'Set passphrase and encrypt' }));
    expect(await within(setUp).findByText('The two passphrases differ.')).toBeTruthy();
    expect(s.vault.state).toBe('none');

    fireEvent.change(within(setUp).getByLabelText('Type it again'), { target: { value: PASS } });
    fireEvent.click(within(setUp).getByRole('button', { name: 'Set passphrase and encrypt' }));
    expect(await screen.findByText('Passphrase set. 1 worker(s) and 0 sensitive evidence file(s) already stored were encrypted.')).toBeTruthy();
    expect(s.vault.state).toBe('unlocked');
    const raw = await s.repo.backend.read((tx) => tx.get<{ name: string }>('parties', worker.id));
    expect(raw?.name).toBe('Protected worker W-9');

    fireEvent.click(await screen.findByRole('button', { name: /Unlocked · Lock/ }));
    await waitFor(() => expect(s.vault.state).toBe('locked'));
    fireEvent.click(await screen.findByRole('button', { name: /Locked · Unlock/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Unlock Subtier' });
    fireEvent.change(within(dialog).getByLabelText('Passphrase'), { target: { value: 'orange river mountain clouds' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Unlock' }));
    expect(await within(dialog).findByText('That passphrase is not the right one. Nothing was changed; try again.')).toBeTruthy();
    expect(s.vault.state).toBe('locked');
    fireEvent.change(within(dialog).getByLabelText('Passphrase'), { target: { value: PASS } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(s.vault.state).toBe('unlocked'));
    expect((await s.repo.getParty(worker.id))?.name).toBe('Ri Song Chol');
  });

  it('shows a worker by pseudonym while locked and by name once unlocked', async () => {
    const s = await services();
    await s.vault.setUp(PASS);
    const project = await s.repo.createProject({ name: 'Investigation' });
    await s.repo.createParty(project.id, { kind: 'person', name: 'Ri Song Chol', ref: 'W-9', isWorker: true });
    s.vault.lock();
    window.location.hash = `#/parties?project=${project.id}`;
    render(<App services={s} />);
    expect(await screen.findByText('Protected worker W-9')).toBeTruthy();
    expect(screen.queryByText('Ri Song Chol')).toBeNull();
    await s.vault.unlock(PASS);
    expect(await screen.findByText('Ri Song Chol')).toBeTruthy();
  });
});

describe('audit log screen', () => {
  it('verifies the chain, and after tampering names the first broken entry and shows it', async () => {
    const s = await services();
    const project = await s.repo.createProject({ name: 'Stadium' });
    const party = await s.repo.createParty(project.id, { kind: 'organization', name: 'Gulf Build LLC' });
    await s.repo.updateParty(party.id, { sector: 'steel erection' });
    window.location.hash = `#/audit?project=${project.id}`;
    const first = render(<App services={s} />);
    expect(await screen.findByText('Chain intact: all 3 entries verified.')).toBeTruthy();
    expect(screen.getAllByText(/Gulf Build LLC/).length).toBeGreaterThan(0);
    first.unmount();

    // Someone edits entry 2 directly in the database, bypassing the app.
    await s.repo.backend.write(async (tx) => {
      const entry = await tx.get<AuditEntry>('audit', 2);
      await tx.put('audit', { ...entry!, actor: 'someone else' });
    });
    render(<App services={s} />);
    const alert = await screen.findByText(/The chain is broken at entry #2: its content was changed after it was written/);
    expect(alert.textContent).toContain('The 1 entries before it verify');
    expect(screen.getByText('chain broken here').closest('tr')?.id).toBe('audit-2');
    // jsdom does not lay out pages: record the scroll request instead.
    const scrolled: string[] = [];
    Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
      scrolled.push(this.id);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Show entry #2' }));
    expect(await screen.findByText('Previous')).toBeTruthy();
    expect(screen.getByRole('row', { expanded: true }).id).toBe('audit-2');
    await waitFor(() => expect(scrolled).toEqual(['audit-2']));
  });
});

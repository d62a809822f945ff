// @vitest-environment jsdom
// The Backups screen over the in-memory repository: back up on demand, see the backup listed with
// its contents, restore it after a damaging edit (confirming first), and find the undo backup.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App';
import { Repository } from '../../../src/core/services/repository';
import { createMemoryBackend } from '../../../src/store';
import type { ProjectSnapshot } from '../../../src/core/model';
import demoJson from '../../../assets/samples/stadium-demo.json';

const demo = demoJson as unknown as ProjectSnapshot;

describe('backups screen', () => {
  beforeEach(() => {
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) { this.setAttribute('open', ''); };
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) { this.removeAttribute('open'); };
  });
  afterEach(cleanup);

  it('backs up on demand and restores after confirmation, leaving an undo backup', async () => {
    const repo = new Repository(createMemoryBackend());
    await repo.saveSnapshot(demo, new Map(), 'demo');
    const before = await repo.loadSnapshot('prj_demo');
    window.location.hash = '#/backups?project=prj_demo';
    render(<App services={{ repo }} />);
    expect(await screen.findByText('No backups yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back up this project now' }));
    expect(await screen.findByText(/Backed up Al Wakra Stadium East Stand \(demo\): 38 parties, 60 links, 0 evidence files\./)).toBeTruthy();
    const row = (await screen.findByText('Made by you')).closest('tr')!;
    expect(row.textContent).toContain('38 parties · 60 links · 0 evidence');

    await repo.deleteParty('pty_demo_014', { links: 'delete' });
    fireEvent.click(within(row).getByRole('button', { name: 'Restore…' }));
    const dialog = screen.getByRole('dialog', { name: 'Restore this backup?' });
    expect(dialog.textContent).toContain('backed up first, so you can undo this');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByText(/is back as it was on/)).toBeTruthy();
    await waitFor(async () => expect(await repo.loadSnapshot('prj_demo')).toEqual(before));
    expect(await screen.findByText('Before a restore')).toBeTruthy();
  });
});

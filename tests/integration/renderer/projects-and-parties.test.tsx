// @vitest-environment jsdom
// The projects and parties screens over the in-memory repository: forms validate, show field
// messages, and write through the audited repository.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App';
import { Repository } from '../../../src/core/services/repository';
import { createMemoryBackend } from '../../../src/store';
import { listBackups } from '../../../src/core/services/backups';

describe('projects and parties screens', () => {
  let repo: Repository;
  beforeEach(() => {
    repo = new Repository(createMemoryBackend());
    window.location.hash = '';
    // jsdom has no <dialog> modal support; emulate the open attribute.
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) { this.setAttribute('open', ''); };
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) { this.removeAttribute('open'); };
  });
  afterEach(cleanup);

  it('creates a project from the form and refuses an empty name with a message', async () => {
    render(<App services={{ repo }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Start an empty project' }));
    const dialog = screen.getByRole('dialog', { name: 'New project' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create project' }));
    expect(await within(dialog).findByText('is required')).toBeTruthy();
    expect(await repo.listProjects()).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText('Project name'), { target: { value: 'Stadium East Stand' } });
    fireEvent.change(within(dialog).getByLabelText('Host country'), { target: { value: 'QA' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create project' }));
    await waitFor(async () => expect((await repo.listProjects()).map((p) => p.name)).toEqual(['Stadium East Stand']));
    const [project] = await repo.listProjects();
    expect(project?.hostCountry).toBe('QA');
    await waitFor(() => expect(window.location.hash).toContain(`project=${project!.id}`));
  });

  it('keeps a backup of a project before deleting it', async () => {
    const project = await repo.createProject({ name: 'Tower crane lot' });
    await repo.createParty(project.id, { kind: 'organization', name: 'Lift Masters W.L.L.' });
    render(<App services={{ repo }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Tower crane lot' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Delete project' })).getByRole('button', { name: 'Delete for good' }));
    await waitFor(async () => expect(await repo.listProjects()).toEqual([]));
    const backups = await listBackups(repo, project.id);
    expect(backups).toMatchObject([{ reason: 'delete', projectName: 'Tower crane lot', counts: { parties: 1 } }]);
  });

  it('adds a crew with workforce facts and rejects a fractional headcount', async () => {
    const project = await repo.createProject({ name: 'P' });
    window.location.hash = `#/parties?project=${project.id}`;
    render(<App services={{ repo }} />);
    fireEvent.click((await screen.findAllByRole('button', { name: /Add (the first )?party/ }))[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Add party' });
    fireEvent.change(within(dialog).getByLabelText('Kind'), { target: { value: 'workforce' } });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Crew 7 (rebar)' } });
    fireEvent.change(within(dialog).getByLabelText('Nationality'), { target: { value: 'KP' } });
    fireEvent.change(within(dialog).getByLabelText('Headcount'), { target: { value: '12.5' } });
    fireEvent.change(within(dialog).getByLabelText('Passports held by'), { target: { value: 'minder' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add party' }));
    expect(await within(dialog).findByText('must be a whole number')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Headcount'), { target: { value: '40' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add party' }));
    await waitFor(async () => expect(await repo.listParties(project.id)).toHaveLength(1));
    const [crew] = await repo.listParties(project.id);
    expect(crew?.workforce).toMatchObject({ nationality: 'KP', headcount: 40, passportsHeldBy: 'minder' });
  });
});

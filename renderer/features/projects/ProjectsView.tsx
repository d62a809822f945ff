/**
 * Projects: the list of investigations on this computer. Create, open, rename and delete them; on
 * first start the screen offers the demo project so a newcomer sees a real chain at once.
 */
import { useState } from 'react';
import type { Project } from '../../../src/core/model';
import { ValidationError } from '../../../src/core/services/repository';
import type { RouteProps } from '../../app/route-props';
import { useServices } from '../../app/services-context';
import { useLive } from '../../app/use-live';
import { useNavigation } from '../../app/navigation';
import { Button, Dialog, EmptyState, Notice, PageHeader } from '../../components/ui';
import { countryLabel } from '../../components/CountrySelect';
import { ProjectForm } from './ProjectForm';
import { createBackup } from '../../../src/core/services/backups';
import { DEMO_PROJECT_ID, openDemoProject } from './demo';

export function ProjectsView(_props: RouteProps) {
  const { repo } = useServices();
  const [, navigate] = useNavigation();
  const projects = useLive(() => repo.listProjects(), []);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Project | null>(null);
  const [deleting, setDeleting] = useState<Project | null>(null);
  const [error, setError] = useState<string | null>(null);

  const open = (id: string) => navigate({ route: 'parties', projectId: id });
  const openDemo = async () => {
    try {
      open(await openDemoProject(repo));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const saveFields = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      return undefined;
    } catch (e) {
      if (e instanceof ValidationError) return e.errors;
      setError((e as Error).message);
      return [];
    }
  };
  const hasDemo = projects?.some((p) => p.id === DEMO_PROJECT_ID) ?? false;

  return (
    <div className="page">
      <PageHeader
        title="Projects"
        subtitle="Each project is one due-diligence investigation: a site, its contractor chain, its evidence and its report."
        actions={
          <>
            <Button onClick={openDemo}>{hasDemo ? 'Reset demo project' : 'Open demo project'}</Button>
            <Button variant="primary" onClick={() => setCreating(true)}>New project</Button>
          </>
        }
      />
      {error ? <Notice kind="error">{error}</Notice> : null}
      {projects === undefined ? null : projects.length === 0 ? (
        <EmptyState
          title="Welcome to Subtier"
          action={
            <>
              <Button variant="primary" onClick={openDemo}>Open the demo project</Button>
              <Button onClick={() => setCreating(true)}>Start an empty project</Button>
            </>
          }
        >
          <p>Subtier maps a project's contractor chain down to the crews on site, screens every name against UN and OFAC DPRK designations, scores the risk that payments reach North Korean labour schemes, and exports a verifiable due-diligence report.</p>
          <p>The demo project is a fictional stadium chain, from the client down to the crews on site, with clean parties and realistic red flags side by side. Nothing leaves this computer.</p>
        </EmptyState>
      ) : (
        <ul className="card-list">
          {projects.map((p) => (
            <li key={p.id} className="card project-card">
              <button type="button" className="card-main" onClick={() => open(p.id)} aria-label={`Open ${p.name}`}>
                <h3>{p.name}</h3>
                <p className="muted">{[p.site, countryLabel(p.hostCountry), p.client && `client: ${p.client}`].filter(Boolean).join(' · ') || 'No site details yet'}</p>
                <p className="muted small">Updated {p.updatedAt.slice(0, 10)}</p>
              </button>
              <div className="card-actions">
                <Button variant="ghost" onClick={() => setEditing(p)} aria-label={`Rename or edit ${p.name}`}>Edit</Button>
                <Button variant="ghost" onClick={() => setDeleting(p)} aria-label={`Delete ${p.name}`}>Delete</Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Dialog title="New project" open={creating} onClose={() => setCreating(false)}>
        <ProjectForm
          submitLabel="Create project"
          onCancel={() => setCreating(false)}
          onSubmit={(input) => saveFields(async () => {
            const p = await repo.createProject(input);
            setCreating(false);
            open(p.id);
          })}
        />
      </Dialog>
      <Dialog title="Edit project" open={editing !== null} onClose={() => setEditing(null)}>
        {editing ? (
          <ProjectForm
            initial={editing}
            submitLabel="Save"
            onCancel={() => setEditing(null)}
            onSubmit={(input) => saveFields(async () => {
              await repo.updateProject(editing.id, input);
              setEditing(null);
            })}
          />
        ) : null}
      </Dialog>
      <Dialog
        title="Delete project"
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        footer={
          <>
            <Button onClick={() => setDeleting(null)}>Cancel</Button>
            <Button variant="danger" onClick={async () => {
              // A backup first: if it cannot be made, the project is not deleted.
              await saveFields(async () => {
                await createBackup(repo, deleting!.id, 'delete', `before deleting ${deleting!.name}`);
                await repo.deleteProject(deleting!.id);
              });
              setDeleting(null);
            }}>Delete for good</Button>
          </>
        }
      >
        <p>Delete <strong>{deleting?.name}</strong> with all its parties, links, evidence and findings? A backup is kept on the Backups screen (for 30 days), so the deletion can be undone there; the audit log records it.</p>
      </Dialog>
    </div>
  );
}

/**
 * The Import & export screen: the import template to download, workbook (and CSV) import with a
 * preview of every problem by cell, the register workbook and the template-format export of the open
 * project, and project bundles to carry a whole project, evidence and audit log to another computer.
 */
import { useState } from 'react';
import { IMPORT_LIMITS, formatBytes } from '../../../src/core/io';
import { useNavigation } from '../../app/navigation';
import type { RouteProps } from '../../app/route-props';
import { useScreener, useServices } from '../../app/services-context';
import { useLive } from '../../app/use-live';
import { Button, CheckboxField, Notice, PageHeader } from '../../components/ui';
import { BundleImportDialog } from './BundleImportDialog';
import { WorkbookImportDialog } from './WorkbookImportDialog';
import { saveBundle, saveProjectAsTemplate, saveRegister, saveTemplate } from './export-files';
import './import-export.css';

export function ImportExportView({ projectId }: RouteProps) {
  const { repo } = useServices();
  const screener = useScreener();
  const [, navigate] = useNavigation();
  const project = useLive(() => (projectId ? repo.getProject(projectId) : Promise.resolve(undefined)), [projectId]);
  const [dialog, setDialog] = useState<'workbook' | 'bundle' | null>(null);
  const [note, setNote] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [redact, setRedact] = useState(false);

  const run = async (label: string, fn: () => Promise<string>) => {
    setBusy(label);
    setNote(null);
    try {
      setNote({ kind: 'success', text: await fn() });
    } catch (error) {
      setNote({ kind: 'error', text: (error as Error).message });
    } finally {
      setBusy(null);
    }
  };
  const imported = (id: string, message: string) => {
    setDialog(null);
    setNote({ kind: 'success', text: message });
    navigate({ route: 'import-export', projectId: id });
  };
  const now = () => new Date().toISOString();
  const needProject = !projectId || !project;

  return (
    <div className="page import-export">
      <PageHeader title="Import & export" subtitle={project ? <>Open project: <strong dir="auto">{project.name}</strong></> : 'No project open: imports create a new project; exports need one.'} />
      {note ? <Notice kind={note.kind}>{note.text}</Notice> : null}

      <section className="card io-section" aria-labelledby="io-spreadsheets">
        <h2 id="io-spreadsheets">Spreadsheets</h2>
        <p className="muted">Suppliers fill in the import template: an Instructions sheet, then Project, Parties, Links and Workforce, with drop-downs for fixed values. Problems are listed by cell before anything is stored. Files up to {formatBytes(IMPORT_LIMITS.maxFileBytes)} and {IMPORT_LIMITS.maxRowsPerSheet.toLocaleString('en')} rows per sheet; formulas are never calculated.</p>
        <div className="io-actions">
          <Button onClick={() => void run('template', saveTemplate)} disabled={busy !== null}>Download the import template</Button>
          <Button variant="primary" onClick={() => setDialog('workbook')}>Import a workbook…</Button>
        </div>
        <div className="io-actions">
          <Button onClick={() => void run('register', () => saveRegister(repo, projectId!, now(), redact, screener))} disabled={needProject || busy !== null}>{busy === 'register' ? 'Scoring and writing…' : 'Export the register workbook'}</Button>
          <Button onClick={() => void run('workbook', () => saveProjectAsTemplate(repo, projectId!, now()))} disabled={needProject || busy !== null}>Export the project as a template workbook</Button>
        </div>
        <CheckboxField label="In the register, list sensitive evidence by hash only" checked={redact} onChange={(e) => setRedact(e.target.checked)} />
        <p className="muted small">The register has parties with their risk scores, levels, completeness and screening hits, the links, workforce facts, findings and the evidence register. Text that a spreadsheet could run as a formula is prefixed with an apostrophe.</p>
      </section>

      <section className="card io-section" aria-labelledby="io-bundles">
        <h2 id="io-bundles">Project bundles</h2>
        <p className="muted">A bundle (.subtier) carries the whole project, its evidence files and its audit log, with a SHA-256 for every file. A bundle that was changed or cut off on the way is refused; importing the same bundle twice changes nothing.</p>
        <div className="io-actions">
          <Button onClick={() => void run('bundle', () => saveBundle(repo, projectId!, now()))} disabled={needProject || busy !== null}>{busy === 'bundle' ? 'Writing the bundle…' : 'Export the project bundle'}</Button>
          <Button variant="primary" onClick={() => setDialog('bundle')}>Import a bundle…</Button>
        </div>
      </section>

      <WorkbookImportDialog open={dialog === 'workbook'} onClose={() => setDialog(null)} projectId={projectId} projectName={project?.name ?? null} onImported={imported} />
      <BundleImportDialog open={dialog === 'bundle'} onClose={() => setDialog(null)} onImported={imported} />
    </div>
  );
}

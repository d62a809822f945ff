/**
 * Importing a filled-in template (or CSV files, one per sheet): pick the file, see every problem by
 * cell with counts per sheet before anything is written, choose a new project or a merge into the
 * open one, optionally import only the valid rows, then write it all in one step (with a backup of
 * the project first when merging). Reading and planning run in a Web Worker with a progress bar,
 * so a workbook at the row limit never freezes the window.
 */
import { useEffect, useRef, useState } from 'react';
import { sortProblems } from '../../../src/core/io';
import type { InputFile } from '../../../src/core/io';
import type { ProjectSnapshot } from '../../../src/core/model';
import { applyImportWithBackup } from '../../../src/core/services/backups';
import { openFile, readPickedFile } from '../../app/bridge';
import { useServices } from '../../app/services-context';
import { Button, CheckboxField, Dialog, Notice, TextField } from '../../components/ui';
import { ProblemList } from './ProblemList';
import type { PlanPreview, ReadSummary } from './import-worker-protocol';
import { planInWorker, readInWorker, takePlan } from './workbook-import-client';
import type { WorkerProgress } from './workbook-import-client';

interface Props {
  readonly open: boolean;
  readonly onClose: () => void;
  /** The open project, offered as the merge target. */
  readonly projectId: string | null;
  readonly projectName: string | null;
  readonly onImported: (projectId: string, message: string) => void;
}

/** Typing a project name re-plans the import; wait for a pause in typing first. */
const NAME_PAUSE_MS = 300;

function Progress({ progress }: { progress: WorkerProgress }) {
  return (
    <div className="progress" role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done} aria-valuetext={progress.step}>
      <div className="progress-bar" style={{ width: `${Math.round((100 * progress.done) / Math.max(1, progress.total))}%` }} />
      <span className="small">{progress.step}…</span>
    </div>
  );
}

function Counts({ plan }: { plan: PlanPreview }) {
  const rows = [['Parties', plan.counts.parties], ['Links', plan.counts.links], ['Workforce', plan.counts.workforce]] as const;
  return (
    <table className="table compact import-counts" aria-label="Rows per sheet">
      <thead><tr><th scope="col">Sheet</th><th scope="col">Rows</th><th scope="col">Valid</th><th scope="col">With errors</th></tr></thead>
      <tbody>
        {rows.map(([name, c]) => (
          <tr key={name}><td>{name}</td><td>{c.rows}</td><td>{c.valid}</td><td className={c.invalid ? 'text-error' : ''}>{c.invalid}</td></tr>
        ))}
        <tr><td>Project</td><td colSpan={3}>{plan.counts.projectFields} field{plan.counts.projectFields === 1 ? '' : 's'}</td></tr>
      </tbody>
    </table>
  );
}

function Summary({ plan }: { plan: PlanPreview }) {
  const { parties, links } = plan.summary;
  if (plan.mode === 'new') return <p>Creates the project with {parties.added} parties and {links.added} links.</p>;
  const { changed, changedCount } = plan.summary;
  return (
    <div>
      <p>Merge: {parties.added} parties added, {parties.changed} changed, {parties.unchanged} unchanged; {links.added} links added, {links.changed} changed. Empty cells never erase what is stored.</p>
      {changedCount ? (
        <details>
          <summary>What changes ({changedCount})</summary>
          <ul className="change-list">{changed.map((c, i) => <li key={i} dir="auto">{c.label}: {c.fields.join(', ')}</li>)}</ul>
        </details>
      ) : null}
    </div>
  );
}

export function WorkbookImportDialog({ open, onClose, projectId, projectName, onImported }: Props) {
  const { repo } = useServices();
  const [files, setFiles] = useState<InputFile[] | null>(null);
  const [target, setTarget] = useState<'new' | 'merge'>('new');
  const [name, setName] = useState('');
  const [planName, setPlanName] = useState('');
  const [onlyValid, setOnlyValid] = useState(false);
  const [existing, setExisting] = useState<ProjectSnapshot | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [read, setRead] = useState<{ readId: number; summary: ReadSummary } | null>(null);
  const [plan, setPlan] = useState<PlanPreview | null>(null);
  const [readProgress, setReadProgress] = useState<WorkerProgress | null>(null);
  const [planProgress, setPlanProgress] = useState<WorkerProgress | null>(null);
  const csvInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) {
      setFiles(null);
      setError(null);
      setOnlyValid(false);
      setTarget('new');
      setName('');
      setPlanName('');
    }
  }, [open]);

  useEffect(() => {
    const timer = setTimeout(() => setPlanName(name), NAME_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [name]);

  useEffect(() => {
    let current = true;
    if (target === 'merge' && projectId) void repo.loadSnapshot(projectId).then((s) => current && setExisting(s), (e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [target, projectId, repo]);

  // Read the chosen files in the worker; a newer choice makes the answer to an older one stale.
  useEffect(() => {
    setRead(null);
    setPlan(null);
    if (!files) return;
    let current = true;
    setReadProgress({ done: 0, total: files.length + 1, step: 'Reading' });
    void readInWorker(files, (p) => current && setReadProgress(p)).then(
      (r) => current && setRead(r),
      (e: Error) => current && setError(e.message),
    ).finally(() => current && setReadProgress(null));
    return () => {
      current = false;
    };
  }, [files]);

  // Plan the import in the worker whenever what it depends on changes; the last plan stays shown meanwhile.
  const fallbackName = planName.trim() || (files?.[0]?.name.replace(/\.[^.]+$/, '') ?? 'Imported project');
  const fatalRead = read ? read.summary.errors.some((e) => e.sheet === '') : false;
  useEffect(() => {
    if (!read || fatalRead) return;
    if (target === 'merge' && !existing) return;
    let current = true;
    setPlanProgress({ done: 0, total: 1, step: 'Checking the rows and planning the import' });
    void planInWorker(read.readId, target === 'merge' && existing ? { mode: 'merge', snapshot: existing } : { mode: 'new', projectName: fallbackName }, onlyValid, (p) => current && setPlanProgress(p)).then(
      (p) => current && setPlan(p),
      (e: Error) => current && setError(e.message),
    ).finally(() => current && setPlanProgress(null));
    return () => {
      current = false;
    };
  }, [read, fatalRead, target, existing, fallbackName, onlyValid]);
  // A plan made for the other target is not shown while the new one is being made.
  const shownPlan = plan && plan.mode === target ? plan : null;

  const chooseWorkbook = async () => {
    setError(null);
    const result = await openFile('workbook');
    if (!result.ok) return setError(result.error);
    if (result.value) setFiles([{ name: result.value.name, bytes: result.value.bytes }]);
  };
  const chooseCsv = async (list: FileList | null) => {
    setError(null);
    const picked: InputFile[] = [];
    for (const file of Array.from(list ?? [])) {
      const read = await readPickedFile(file, 'workbook');
      if (!read.ok) return setError(read.error);
      picked.push({ name: read.value.name, bytes: read.value.bytes });
    }
    if (picked.length) setFiles(picked);
  };

  const apply = async () => {
    if (!shownPlan || !files || planProgress) return;
    setBusy(true);
    setError(null);
    try {
      const plan = await takePlan(shownPlan);
      const fileName = files.map((f) => f.name).join(', ');
      const { projectId: id, backup } = await applyImportWithBackup(repo, plan, fileName);
      const { parties, links } = plan.summary;
      const what = plan.mode === 'new'
        ? `Imported ${parties.added} parties and ${links.added} links into the new project "${plan.result.project.name}".`
        : `Merged ${fileName}: ${parties.added} parties added, ${parties.changed} changed; ${links.added} links added, ${links.changed} changed.${backup ? ' A backup of the project as it was is on the Backups screen.' : ''}`;
      onImported(id, plan.errors.length ? `${what} ${plan.counts.parties.invalid + plan.counts.links.invalid + plan.counts.workforce.invalid} rows with errors were left out.` : what);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const parsed = read?.summary ?? null;
  const sheets = parsed?.sheets ?? {};
  const sheetOrder = [sheets.project, sheets.parties, sheets.links, sheets.workforce].filter((x): x is string => Boolean(x));
  const invalidRows = shownPlan ? shownPlan.counts.parties.invalid + shownPlan.counts.links.invalid + shownPlan.counts.workforce.invalid : 0;
  const fatal = fatalRead;
  return (
    <Dialog title="Import a workbook" open={open} onClose={onClose} wide footer={
      <>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="primary" disabled={!shownPlan?.canApply || busy || planProgress !== null} onClick={() => void apply()}>
          {busy ? 'Importing…' : shownPlan && shownPlan.errors.length && onlyValid ? 'Import the valid rows' : 'Import'}
        </Button>
      </>
    }>
      <div className="import-dialog">
        <div className="form-row">
          <Button variant={files ? 'secondary' : 'primary'} onClick={() => void chooseWorkbook()}>Choose a workbook…</Button>
          <Button variant="ghost" onClick={() => csvInput.current?.click()}>Choose CSV files…</Button>
          <input ref={csvInput} type="file" accept=".csv,.txt" multiple hidden aria-label="CSV files, one per sheet" onChange={(e) => void chooseCsv(e.target.files)} />
          {files ? <span className="muted small" data-testid="import-file">{files.map((f) => f.name).join(', ')}</span> : <span className="muted small">An .xlsx in the import template, or CSV files named after the sheets (Parties.csv, Links.csv, …).</span>}
        </div>
        {error ? <Notice kind="error">{error}</Notice> : null}
        {readProgress ? <Progress progress={readProgress} /> : null}
        {parsed && !fatal ? (
          <>
            <fieldset className="import-target">
              <legend>Import into</legend>
              <label><input type="radio" name="import-target" checked={target === 'new'} onChange={() => setTarget('new')} /> A new project</label>
              <label><input type="radio" name="import-target" checked={target === 'merge'} disabled={!projectId} onChange={() => setTarget('merge')} /> {projectName ? <>The open project, <strong>{projectName}</strong> (matched by ID, then by name)</> : 'The open project (open one first)'}</label>
              {target === 'new' ? <TextField label="Project name" value={name} placeholder={parsed.projectName ?? files?.[0]?.name.replace(/\.[^.]+$/, '')} onChange={(e) => setName(e.target.value)} hint="Used when the Project sheet gives no name" dir="auto" /> : null}
            </fieldset>
            {planProgress ? <Progress progress={planProgress} /> : null}
            {shownPlan ? (
              <>
                <Counts plan={shownPlan} />
                <Summary plan={shownPlan} />
                {shownPlan.errors.length ? (
                  <Notice kind="error">
                    {shownPlan.errors.length} error{shownPlan.errors.length === 1 ? '' : 's'} in {invalidRows} row{invalidRows === 1 ? '' : 's'}. Fix them in the workbook and choose it again, or import only the valid rows.
                  </Notice>
                ) : <Notice kind="success">No errors: ready to import.</Notice>}
                {shownPlan.errors.length ? <CheckboxField label={`Import only the valid rows (leave out the ${invalidRows} with errors)`} checked={onlyValid} onChange={(e) => setOnlyValid(e.target.checked)} /> : null}
                <ProblemList errors={sortProblems(shownPlan.errors, sheetOrder)} warnings={sortProblems(shownPlan.warnings, sheetOrder)} />
              </>
            ) : planProgress ? null : <p className="muted">Loading the open project…</p>}
          </>
        ) : parsed ? <ProblemList errors={parsed.errors} warnings={parsed.warnings} /> : null}
      </div>
    </Dialog>
  );
}

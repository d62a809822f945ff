/**
 * The Reports view: choose the sections, the as-of date, the signing auditor and redaction; build
 * the due-diligence PDF and preview it; save it through the desktop save dialog or as a download.
 * Below, any Subtier report can be opened and checked, and the project it was built from is shown
 * read-only from its embedded data.
 */
import { useEffect, useRef, useState } from 'react';
import type { RouteProps } from '../../app/route-props';
import { useScreener, useServices } from '../../app/services-context';
import { useLive } from '../../app/use-live';
import { saveFile } from '../../app/bridge';
import { Button, CheckboxField, Notice, PageHeader, TextField } from '../../components/ui';
import { REPORT_SECTIONS, SECTION_TITLES } from '../../../src/core/report';
import type { BuiltReport, ReportSectionId } from '../../../src/core/report';
import { buildProjectReport } from '../../../src/core/services';
import { readBundledLists } from '../screening/bundled-lists';
import { loadReportFonts } from './report-assets';
import { ReportCheck } from './ReportCheck';
import { ReportPreview } from './ReportPreview';
import './reports.css';

const today = () => new Date().toISOString().slice(0, 10);
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export function ReportsView({ projectId }: RouteProps) {
  const { repo } = useServices();
  const screener = useScreener();
  const project = useLive(async () => (projectId ? repo.getProject(projectId) : undefined), [projectId]);
  const [asOf, setAsOf] = useState(today);
  const [author, setAuthor] = useState(() => localStorage.getItem('subtier.actor') ?? '');
  const [organisation, setOrganisation] = useState(() => localStorage.getItem('subtier.organisation') ?? '');
  const [redact, setRedact] = useState(false);
  const [sections, setSections] = useState<ReadonlySet<ReportSectionId>>(new Set(REPORT_SECTIONS));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const [report, setReport] = useState<BuiltReport | null>(null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const built = useRef<string | null>(null);

  useEffect(() => () => {
    if (built.current) URL.revokeObjectURL(built.current);
  }, []);

  if (!projectId) return null;
  const dateOk = isDate(asOf);

  const build = async () => {
    setBusy(true);
    setError('');
    setSaved('');
    try {
      localStorage.setItem('subtier.organisation', organisation);
      const options = { asOf, redact, author, organisation, sections: REPORT_SECTIONS.filter((s) => sections.has(s)) };
      const result = await buildProjectReport(repo, projectId, options, await loadReportFonts(), { bundledLists: readBundledLists, screener });
      if (built.current) URL.revokeObjectURL(built.current);
      const url = URL.createObjectURL(new Blob([result.pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
      built.current = url;
      setPreviewUrl(url);
      setReport(result);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!report) return;
    const name = `${(project?.name ?? 'project').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}-due-diligence-${report.model.meta.asOf}${report.model.meta.redacted ? '-redacted' : ''}.pdf`;
    const result = await saveFile({ suggestedName: name, bytes: report.pdf, filters: [{ name: 'PDF report', extensions: ['pdf'] }] });
    if (!result.ok) setError(result.error);
    else if (result.value) setSaved(`Saved ${result.value.name}.`);
  };

  const toggle = (s: ReportSectionId) => setSections((prev) => {
    const next = new Set(prev);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    return next;
  });
  const m = report?.model;

  return (
    <div className="page reports">
      <PageHeader title="Reports" subtitle={project ? `Due-diligence report for ${project.name}` : undefined} />
      <section className="card report-options" aria-label="Report options">
        <div className="form-grid">
          <TextField label="As of" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} error={dateOk ? undefined : 'Give a date as YYYY-MM-DD.'} hint="The date the report speaks for. The same data and date give the same PDF, byte for byte." />
          <TextField label="Prepared by" value={author} onChange={(e) => setAuthor(e.target.value)} placeholder="Auditor's name" />
          <TextField label="Auditing organisation" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
          <CheckboxField label="Redact worker-identifying data" checked={redact} onChange={(e) => setRedact(e.target.checked)} hint="Names of workers and interview notes become stable pseudonyms, in the pages and in the embedded data. Sensitive evidence is always listed by hash only." />
        </div>
        <fieldset className="report-sections">
          <legend>Sections</legend>
          {REPORT_SECTIONS.map((s) => (
            <label key={s} className="checkbox-inline">
              <input type="checkbox" checked={sections.has(s)} onChange={() => toggle(s)} /> {SECTION_TITLES[s]}
            </label>
          ))}
        </fieldset>
        <div className="page-actions">
          <Button variant="primary" onClick={() => void build()} disabled={busy || !dateOk || sections.size === 0}>{busy ? 'Building…' : report ? 'Rebuild report' : 'Build report'}</Button>
          <Button onClick={() => void save()} disabled={!report || busy}>Save PDF…</Button>
        </div>
        {error ? <Notice kind="error">{error}</Notice> : null}
        {saved ? <Notice kind="success">{saved}</Notice> : null}
      </section>

      {report && m ? (
        <section className="report-result" aria-label="Report preview">
          <div className="card report-summary">
            <h2>Report {m.meta.reportId}</h2>
            <dl className="facts">
              <dt>Overall rating</dt><dd><span className={`badge badge-${m.summary.rating}`}>{m.summary.rating.toUpperCase()}</span> score {Math.round(m.summary.score)} · {Math.round(m.summary.completeness * 100)}% of the facts known</dd>
              <dt>Pages</dt><dd>{report.pageCount} · {(report.pdf.length / 1024).toFixed(0)} KB{m.meta.redacted ? ' · redacted' : ''}</dd>
              <dt>Need action</dt><dd>{m.findings.length} part{m.findings.length === 1 ? 'y' : 'ies'}</dd>
              <dt>Screening hits</dt><dd>{m.screening.rows.length}{m.scope.lists.length ? '' : ' · no sanctions list recorded: the parties were not screened'}</dd>
              <dt>Data SHA-256</dt><dd className="hash">{report.dataSha256}</dd>
            </dl>
            {report.missingGlyphs.length ? <Notice kind="warning">Some characters have no glyph in the bundled fonts and print as “?”.</Notice> : null}
          </div>
          <ReportPreview model={m} pdfUrl={previewUrl} />
        </section>
      ) : null}

      <ReportCheck />
    </div>
  );
}

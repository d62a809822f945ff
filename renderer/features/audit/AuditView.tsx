/**
 * The audit log: every change, newest first, with who made it and what changed, and a check of the
 * hash chain. The chain is verified over the whole log (it spans all projects); if an entry was
 * altered, removed or reordered, the first broken one is named and can be shown.
 */
import { useMemo, useState } from 'react';
import { canonicalJson, verifyAuditChain } from '../../../src/core/model';
import type { AuditEntry } from '../../../src/core/model';
import { saveFile } from '../../app/bridge';
import type { RouteProps } from '../../app/route-props';
import { useServices } from '../../app/services-context';
import { useLive } from '../../app/use-live';
import { Badge, Button, EmptyState, Notice, PageHeader, SelectField } from '../../components/ui';
import { changedFields, displayValue, recordLabel } from './audit-diff';
import './audit.css';

const PAGE = 100;
const ACTION_TONE = { create: 'low', update: 'info', delete: 'high' } as const;

export function AuditView({ projectId }: RouteProps) {
  const { repo } = useServices();
  const all = useLive(() => repo.auditLog(), []);
  const [scope, setScope] = useState<'project' | 'all'>(projectId ? 'project' : 'all');
  const [shown, setShown] = useState(PAGE);
  const [open, setOpen] = useState<number | null>(null);
  const [exportNote, setExportNote] = useState<{ ok: boolean; text: string } | null>(null);
  const verification = useMemo(() => (all ? verifyAuditChain(all) : null), [all]);
  const entries = useMemo(() => {
    const list = (all ?? []).filter((e) => scope === 'all' || !projectId || e.projectId === projectId);
    return [...list].reverse();
  }, [all, scope, projectId]);

  const showEntry = (seq: number) => {
    const index = entries.findIndex((e) => e.seq === seq);
    if (index >= shown) setShown(index + 1);
    setOpen(seq);
    requestAnimationFrame(() => document.getElementById(`audit-${seq}`)?.scrollIntoView({ block: 'center' }));
  };

  const exportLog = async () => {
    if (!all || !verification) return;
    const bytes = new TextEncoder().encode(canonicalJson({ format: 'subtier-audit-log', version: 1, verification, entries: all }));
    const result = await saveFile({ suggestedName: 'subtier-audit-log.json', bytes, filters: [{ name: 'JSON', extensions: ['json'] }] });
    setExportNote(result.ok ? (result.value ? { ok: true, text: `Saved ${result.value.name}.` } : null) : { ok: false, text: result.error });
  };

  return (
    <div className="page">
      <PageHeader
        title="Audit log"
        subtitle="Every change, with when, who and what. Entries are chained by hash: changing, removing or reordering any of them breaks the chain here."
        actions={<Button onClick={() => void exportLog()} disabled={!all}>Export log (JSON)</Button>}
      />
      {verification ? (
        verification.ok ? (
          <Notice kind="success">Chain intact: all {verification.checked.toLocaleString('en')} entries verified.</Notice>
        ) : (
          <Notice kind="error">
            The chain is broken at entry #{verification.firstBroken!.seq}: {verification.firstBroken!.reason}. The {verification.checked.toLocaleString('en')} entries before it verify.{' '}
            <Button variant="ghost" onClick={() => showEntry(verification.firstBroken!.seq)}>Show entry #{verification.firstBroken!.seq}</Button>
          </Notice>
        )
      ) : null}
      {exportNote ? <Notice kind={exportNote.ok ? 'success' : 'error'}>{exportNote.text}</Notice> : null}
      {projectId ? (
        <div className="form-row">
          <SelectField label="Show" value={scope} onChange={(e) => setScope(e.target.value as 'project' | 'all')} options={[{ value: 'project', label: 'This project' }, { value: 'all', label: 'All projects and settings' }]} />
        </div>
      ) : null}
      {all && entries.length === 0 ? <EmptyState title="No changes recorded yet">Changes appear here as soon as anything is created, edited or deleted.</EmptyState> : null}
      {entries.length > 0 ? (
        <table className="table audit-table">
          <thead>
            <tr><th className="num">#</th><th>When</th><th>Who</th><th>Change</th><th>Fields</th></tr>
          </thead>
          <tbody>
            {entries.slice(0, shown).map((entry) => (
              <AuditRow
                key={entry.seq}
                entry={entry}
                broken={verification?.firstBroken?.seq === entry.seq}
                open={open === entry.seq}
                onToggle={() => setOpen(open === entry.seq ? null : entry.seq)}
              />
            ))}
          </tbody>
        </table>
      ) : null}
      {entries.length > shown ? <div><Button onClick={() => setShown(shown + PAGE)}>Show {Math.min(PAGE, entries.length - shown)} older entries</Button> <span className="muted small">{entries.length - shown} not shown</span></div> : null}
    </div>
  );
}

function AuditRow({ entry, broken, open, onToggle }: { entry: AuditEntry; broken: boolean; open: boolean; onToggle: () => void }) {
  const changes = changedFields(entry);
  const label = recordLabel(entry);
  return (
    <>
      <tr id={`audit-${entry.seq}`} className={`audit-row${broken ? ' audit-broken' : ''}`} onClick={onToggle} aria-expanded={open}>
        <td className="num">{entry.seq}</td>
        <td title={entry.at}>{formatTime(entry.at)}</td>
        <td>{entry.actor || '—'}</td>
        <td>
          <Badge tone={ACTION_TONE[entry.action]}>{entry.action}</Badge> {entry.entity}{label ? <> · <strong>{label}</strong></> : null}
          {broken ? <> <Badge tone="critical">chain broken here</Badge></> : null}
        </td>
        <td className="muted small">{changes.length ? changes.slice(0, 4).map((c) => c.field).join(', ') + (changes.length > 4 ? ` +${changes.length - 4}` : '') : '—'}</td>
      </tr>
      {open ? (
        <tr className="audit-detail">
          <td />
          <td colSpan={4}>
            <dl className="facts">
              <dt>Record</dt><dd><code>{entry.entityId}</code>{entry.projectId ? <> in project <code>{entry.projectId}</code></> : null}</dd>
              <dt>Hash</dt><dd><code className="hash">{entry.hash}</code></dd>
              <dt>Previous</dt><dd><code className="hash">{entry.prevHash || '(first entry)'}</code></dd>
            </dl>
            {changes.length ? (
              <table className="table audit-changes">
                <thead><tr><th>Field</th><th>Before</th><th>After</th></tr></thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.field}><td>{c.field}</td><td className="prewrap">{c.before}</td><td className="prewrap">{c.after}</td></tr>
                  ))}
                </tbody>
              </table>
            ) : <p className="muted">No field changed ({displayValue(entry.after)}).</p>}
          </td>
        </tr>
      ) : null}
    </>
  );
}

function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

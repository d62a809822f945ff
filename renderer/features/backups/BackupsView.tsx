/**
 * The Backups screen: every backup kept in the local database (made before merges, bundle imports,
 * restores and database upgrades, or on demand), newest first, with restore, save-as-file and delete.
 * A restore first backs up the project as it is now, so it can be undone from this same list.
 */
import { useState } from 'react';
import { bundleFileName } from '../../../src/core/io/bundle-write';
import { backupBytes, createBackup, deleteBackup, listBackups, restoreBackup } from '../../../src/core/services/backups';
import { DEFAULT_RETENTION } from '../../../src/core/services/backup-retention';
import type { BackupInfo, BackupReason } from '../../../src/core/services/backup-retention';
import { saveFile } from '../../app/bridge';
import type { RouteProps } from '../../app/route-props';
import { useServices } from '../../app/services-context';
import { vaultEvidenceCodec } from '../../../src/core/crypto';
import { useLive } from '../../app/use-live';
import { Badge, Button, Dialog, EmptyState, Notice, PageHeader, SelectField } from '../../components/ui';

const REASONS: Record<BackupReason, string> = {
  manual: 'Made by you',
  import: 'Before an import',
  merge: 'Before a merge',
  bundle: 'Before a bundle import',
  restore: 'Before a restore',
  upgrade: 'Before a database upgrade',
  delete: 'Before a deletion',
};

export const RETENTION_TEXT = `Backups you make yourself are kept until you delete them. Automatic ones are kept while they are among the newest ${DEFAULT_RETENTION.keepLatest} of their project or less than ${DEFAULT_RETENTION.keepDays} days old.`;

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

type Pending = { readonly kind: 'restore' | 'delete'; readonly backup: BackupInfo };

export function BackupsView({ projectId }: RouteProps) {
  const { repo, vault } = useServices();
  // Sensitive evidence goes into a backup only encrypted under the vault's key.
  const backupOptions = vault ? { codec: vaultEvidenceCodec(vault) } : {};
  const [scope, setScope] = useState<'project' | 'all'>(projectId ? 'project' : 'all');
  const shownProject = scope === 'project' && projectId ? projectId : undefined;
  const backups = useLive(() => listBackups(repo, shownProject), [shownProject]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  const run = async (fn: () => Promise<string>) => {
    setBusy(true);
    try {
      setNote({ ok: true, text: await fn() });
    } catch (error) {
      setNote({ ok: false, text: (error as Error).message });
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  const backUpNow = () => run(async () => {
    const made = await createBackup(repo, projectId!, 'manual', 'made on the Backups screen', backupOptions);
    return `Backed up ${made.projectName}: ${made.counts.parties} parties, ${made.counts.links} links, ${made.counts.evidence} evidence files.`;
  });
  const restore = (b: BackupInfo) => run(async () => {
    const result = await restoreBackup(repo, b.id, backupOptions);
    return result.status === 'identical'
      ? `${b.projectName} is already exactly as in this backup; nothing was changed.`
      : `${b.projectName} is back as it was on ${when(b.createdAt)}.${result.undo ? ' The state it replaced is the newest backup in the list, to undo this.' : ''}`;
  });
  const remove = (b: BackupInfo) => run(async () => {
    await deleteBackup(repo, b.id);
    return `Deleted the backup of ${when(b.createdAt)}.`;
  });
  const save = (b: BackupInfo) => run(async () => {
    const bytes = await backupBytes(repo, b.id);
    if (!bytes) throw new Error('This backup has no stored bundle.');
    const result = await saveFile({ suggestedName: bundleFileName(b.projectName, b.createdAt), bytes, filters: [{ name: 'Subtier bundle', extensions: ['subtier'] }] });
    if (!result.ok) throw new Error(result.error);
    return result.value ? `Saved ${result.value.name}; it opens as a bundle import on any computer with Subtier.` : 'Not saved.';
  });

  return (
    <div className="page">
      <PageHeader
        title="Backups"
        subtitle={`Copies of a project kept on this computer, made before every merge, bundle import, restore and database upgrade. ${RETENTION_TEXT}`}
        actions={<Button variant="primary" disabled={!projectId || busy} title={projectId ? undefined : 'Open a project first'} onClick={() => void backUpNow()}>Back up this project now</Button>}
      />
      {note ? <Notice kind={note.ok ? 'success' : 'error'}>{note.text}</Notice> : null}
      {projectId ? (
        <div className="form-row">
          <SelectField label="Show" value={scope} onChange={(e) => setScope(e.target.value as 'project' | 'all')} options={[{ value: 'project', label: 'This project' }, { value: 'all', label: 'All projects, also deleted ones' }]} />
        </div>
      ) : null}
      {backups && backups.length === 0 ? (
        <EmptyState title="No backups yet">A backup is made automatically before a merge or a bundle import replaces project data. You can also make one now.</EmptyState>
      ) : null}
      {backups && backups.length > 0 ? (
        <table className="table">
          <thead>
            <tr><th>When</th><th>Project</th><th>Why</th><th>Contents</th><th className="num">Size</th><th aria-label="Actions" /></tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.id}>
                <td title={b.createdAt}>{when(b.createdAt)}</td>
                <td>{b.projectName}</td>
                <td>
                  <Badge tone={b.reason === 'manual' ? 'info' : 'neutral'}>{REASONS[b.reason]}</Badge>
                  {b.note ? <div className="muted small">{b.note}</div> : null}
                </td>
                <td>{b.error ? <span className="field-error">Could not be made: {b.error}</span> : `${b.counts.parties} parties · ${b.counts.links} links · ${b.counts.evidence} evidence`}</td>
                <td className="num">{b.error ? '—' : size(b.size)}</td>
                <td>
                  {b.error ? null : (
                    <>
                      <Button variant="ghost" disabled={busy} onClick={() => setPending({ kind: 'restore', backup: b })}>Restore…</Button>
                      <Button variant="ghost" disabled={busy} onClick={() => void save(b)}>Save as file</Button>
                    </>
                  )}
                  <Button variant="ghost" disabled={busy} onClick={() => setPending({ kind: 'delete', backup: b })}>Delete…</Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Dialog
        title={pending?.kind === 'restore' ? 'Restore this backup?' : 'Delete this backup?'}
        open={pending !== null}
        onClose={() => setPending(null)}
        footer={pending ? (
          <>
            <Button onClick={() => setPending(null)}>Cancel</Button>
            {pending.kind === 'restore'
              ? <Button variant="primary" disabled={busy} onClick={() => void restore(pending.backup)}>Restore</Button>
              : <Button variant="danger" disabled={busy} onClick={() => void remove(pending.backup)}>Delete backup</Button>}
          </>
        ) : null}
      >
        {pending?.kind === 'restore' ? (
          <p>
            <strong>{pending.backup.projectName}</strong> will be exactly as it was on {when(pending.backup.createdAt)}: {pending.backup.counts.parties} parties,{' '}
            {pending.backup.counts.links} links, {pending.backup.counts.evidence} evidence files. The project as it is now is backed up first, so you can undo this.
          </p>
        ) : pending ? (
          <p>The backup of <strong>{pending.backup.projectName}</strong> from {when(pending.backup.createdAt)} will be deleted from this computer. The project itself is not changed.</p>
        ) : null}
      </Dialog>
    </div>
  );
}

/**
 * The evidence about one party or link (or the whole register): each file with its type, size,
 * capture date and full SHA-256, a sensitive marker, and actions to preview, save a copy, change the
 * sensitive mark or delete it. Deleting asks first: the audit log keeps the record of it either way.
 */
import { useState } from 'react';
import { useServices } from '../../app/services-context';
import { saveFile } from '../../app/bridge';
import { Badge, Button, Dialog, Notice } from '../../components/ui';
import type { Evidence } from '../../../src/core/model';
import { EvidencePreview } from './EvidencePreview';
import './evidence.css';
import { formatSize, previewKind } from './evidence-file';

export function EvidenceList({ items, subjectLabel }: { items: readonly Evidence[]; subjectLabel?: (ev: Evidence) => string }) {
  const { repo } = useServices();
  const [previewing, setPreviewing] = useState<Evidence | null>(null);
  const [deleting, setDeleting] = useState<Evidence | null>(null);
  const [error, setError] = useState<string | null>(null);

  const guard = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const toggleSensitive = (ev: Evidence) => guard(async () => {
    const bytes = await repo.getEvidenceBytes(ev.id);
    if (!bytes) throw new Error('The file\'s bytes are missing from the database.');
    await repo.addEvidence({ ...ev, sensitive: !ev.sensitive, updatedAt: new Date().toISOString() }, bytes);
  });

  const saveCopy = (ev: Evidence) => guard(async () => {
    const bytes = await repo.getEvidenceBytes(ev.id);
    if (!bytes) throw new Error('The file\'s bytes are missing from the database.');
    const ext = ev.fileName.includes('.') ? ev.fileName.split('.').pop()!.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 10) : '';
    const result = await saveFile({ suggestedName: ev.fileName, bytes, filters: ext ? [{ name: 'Evidence file', extensions: [ext] }] : [] });
    if (!result.ok) throw new Error(result.error);
  });

  if (items.length === 0) return <p className="muted small">No evidence attached yet.</p>;
  return (
    <>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <ul className="evidence-list">
        {items.map((ev) => (
          <li key={ev.id} className="evidence-item" data-evidence-id={ev.id}>
            <div className="evidence-head">
              <strong dir="auto">{ev.title || ev.fileName}</strong>
              {ev.sensitive ? <Badge tone="high" title="Encrypted when a passphrase is set; listed by hash only in redacted reports">sensitive</Badge> : null}
            </div>
            <div className="muted small">
              {subjectLabel ? <>{subjectLabel(ev)} · </> : null}
              <span dir="auto">{ev.fileName}</span> · {ev.mediaType} · {formatSize(ev.size)} · captured {ev.capturedAt || <span className="gap">date unknown</span>}
            </div>
            <div className="evidence-hash" title="SHA-256 of the stored bytes">
              <span className="muted small">SHA-256</span> <code className="hash" data-testid="evidence-sha256">{ev.sha256}</code>
            </div>
            <div className="evidence-actions">
              {previewKind(ev.mediaType) !== 'none' ? <Button variant="ghost" onClick={() => setPreviewing(ev)}>Preview</Button> : null}
              <Button variant="ghost" onClick={() => saveCopy(ev)}>Save a copy</Button>
              <Button variant="ghost" onClick={() => toggleSensitive(ev)}>{ev.sensitive ? 'Unmark sensitive' : 'Mark sensitive'}</Button>
              <Button variant="ghost" onClick={() => setDeleting(ev)}>Delete</Button>
            </div>
          </li>
        ))}
      </ul>
      <Dialog title={previewing ? previewing.title || previewing.fileName : 'Preview'} open={previewing !== null} onClose={() => setPreviewing(null)} wide>
        {previewing ? <EvidencePreview evidence={previewing} /> : null}
      </Dialog>
      <Dialog
        title="Delete evidence"
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        footer={<>
          <Button onClick={() => setDeleting(null)}>Cancel</Button>
          <Button variant="danger" onClick={() => {
            const ev = deleting;
            setDeleting(null);
            if (ev) void guard(() => repo.deleteEvidence(ev.id));
          }}>Delete the file</Button>
        </>}
      >
        <p>Delete <strong dir="auto">{deleting?.fileName}</strong> from this project? The file is removed from the database; the audit log keeps its hash and who deleted it.</p>
      </Dialog>
    </>
  );
}

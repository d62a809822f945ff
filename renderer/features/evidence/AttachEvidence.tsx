/**
 * Attaching evidence: pick or drop a file, give it a title and the date it was captured, mark it
 * sensitive (worker testimony, identity documents), and store it with its SHA-256. Files over the
 * documented limit are refused before they are read, with a message saying both sizes.
 */
import { useId, useState } from 'react';
import type { DragEvent, FormEvent } from 'react';
import { useServices } from '../../app/services-context';
import { Button, CheckboxField, Notice, TextAreaField, TextField } from '../../components/ui';
import type { Evidence } from '../../../src/core/model';
import { EVIDENCE_MAX_BYTES, buildEvidence, checkEvidenceSize, formatSize } from './evidence-file';

export function AttachEvidence({ projectId, subject, subjectName, onDone, onCancel }: {
  projectId: string;
  subject: Evidence['subject'];
  subjectName: string;
  onDone?: (evidence: Evidence) => void;
  onCancel?: () => void;
}) {
  const { repo } = useServices();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [capturedAt, setCapturedAt] = useState(() => new Date().toISOString().slice(0, 10));
  const [description, setDescription] = useState('');
  const [sensitive, setSensitive] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const choose = (f: File | null) => {
    setFile(f);
    setError(f ? checkEvidenceSize(f.name, f.size) : null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setError('Choose a file to attach.');
      return;
    }
    const tooBig = checkEvidenceSize(file.name, file.size);
    if (tooBig) {
      setError(tooBig);
      return;
    }
    setSaving(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const ev = buildEvidence(projectId, subject, file.name, bytes, { title, capturedAt, description, sensitive });
      await repo.addEvidence(ev, bytes);
      onDone?.(ev);
      setFile(null);
      setTitle('');
      setDescription('');
      setSensitive(false);
      setError(null);
    } catch (err) {
      setError(`The file could not be stored: ${(err as Error).message}`);
    } finally {
      setSaving(false);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    choose(e.dataTransfer.files[0] ?? null);
  };

  return (
    <form className="form-grid evidence-form" onSubmit={submit} noValidate aria-label={`Attach evidence to ${subjectName}`}>
      <div className="field field-wide">
        <label htmlFor={inputId}>File</label>
        <div className="drop-zone" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
          <input id={inputId} type="file" onChange={(e) => choose(e.target.files?.[0] ?? null)} />
          <span className="muted small">PDF, images, office documents or text; up to {formatSize(EVIDENCE_MAX_BYTES)}. Or drop a file here.</span>
          {file ? <span className="small">{file.name} · {formatSize(file.size)}</span> : null}
        </div>
      </div>
      {error ? <div className="field-wide"><Notice kind="error">{error}</Notice></div> : null}
      <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder={file?.name ?? 'e.g. Site badge list, March'} dir="auto" />
      <TextField label="Captured on" type="date" value={capturedAt} onChange={(e) => setCapturedAt(e.target.value)} hint="When the document was obtained or the photo taken" />
      <TextAreaField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} dir="auto" />
      <CheckboxField label="Sensitive (worker testimony, identity documents): encrypted when a passphrase is set, listed by hash only in redacted reports" checked={sensitive} onChange={(e) => setSensitive(e.target.checked)} />
      <div className="form-actions">
        {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
        <Button variant="primary" type="submit" disabled={saving || !file || Boolean(error)}>{saving ? 'Storing…' : 'Attach'}</Button>
      </div>
    </form>
  );
}

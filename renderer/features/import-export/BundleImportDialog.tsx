/**
 * Importing a project bundle (.subtier): the bundle is verified (every SHA-256 in its manifest, every
 * evidence file against its record) before anything is shown; the preview says whether it creates
 * the project, changes nothing (already here), or replaces a different copy, which is backed up first.
 */
import { useEffect, useState } from 'react';
import { readBundle } from '../../../src/core/io';
import { previewBundle } from '../../../src/core/services';
import type { BundleContents, ImportProblem } from '../../../src/core/io';
import type { BundlePreview } from '../../../src/core/services';
import { applyBundleWithBackup } from '../../../src/core/services/backups';
import { openFile } from '../../app/bridge';
import { useServices } from '../../app/services-context';
import { Button, Dialog, Notice } from '../../components/ui';

interface Props {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onImported: (projectId: string, message: string) => void;
}

interface Loaded {
  readonly name: string;
  readonly contents: BundleContents;
  readonly preview: BundlePreview;
  readonly warnings: readonly ImportProblem[];
}

const STATUS_TEXT: Record<BundlePreview['status'], string> = {
  new: 'This project is not on this computer yet: importing creates it.',
  identical: 'This exact project is already here: importing changes nothing.',
  different: 'A different copy of this project is here: importing replaces it with the bundle. Your copy is backed up first (Backups screen).',
  conflict: 'This bundle cannot be imported: it would overwrite records of another project.',
};

export function BundleImportDialog({ open, onClose, onImported }: Props) {
  const { repo } = useServices();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) {
      setLoaded(null);
      setError(null);
    }
  }, [open]);

  const choose = async () => {
    setError(null);
    setLoaded(null);
    const picked = await openFile('bundle');
    if (!picked.ok) return setError(picked.error);
    if (!picked.value) return;
    setBusy(true);
    try {
      // The vault's codec opens sensitive evidence that this computer encrypted into the bundle.
      const read = await readBundle(picked.value.bytes, repo.evidenceCodec ? { codec: repo.evidenceCodec } : {});
      if (!read.value) return setError(read.errors.map((e) => e.message).join(' '));
      setLoaded({ name: picked.value.name, contents: read.value, preview: await previewBundle(repo, read.value), warnings: read.warnings });
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!loaded) return;
    setBusy(true);
    try {
      const { status } = await applyBundleWithBackup(repo, loaded.contents, loaded.name);
      const p = loaded.preview;
      onImported(p.projectId, status === 'identical'
        ? `"${p.projectName}" was already here exactly as in the bundle; nothing changed.`
        : `Imported "${p.projectName}" from ${loaded.name}: ${p.counts.parties} parties, ${p.counts.links} links, ${p.counts.evidence} evidence files, all hashes verified.`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const p = loaded?.preview;
  return (
    <Dialog title="Import a project bundle" open={open} onClose={onClose} wide footer={
      <>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="primary" disabled={!loaded || busy || loaded.preview.status === 'conflict'} onClick={() => void apply()}>{busy && loaded ? 'Importing…' : 'Import bundle'}</Button>
      </>
    }>
      <div className="import-dialog">
        <div className="form-row">
          <Button variant={loaded ? 'secondary' : 'primary'} onClick={() => void choose()} disabled={busy}>Choose a bundle…</Button>
          <span className="muted small">{loaded ? loaded.name : 'A .subtier file exported from Subtier on this or another computer.'}</span>
        </div>
        {error ? <Notice kind="error">{error}</Notice> : null}
        {loaded && p ? (
          <>
            <Notice kind="success">Verified: every file matches the SHA-256 in the bundle's manifest, and every evidence file matches its record.</Notice>
            <dl className="bundle-facts">
              <dt>Project</dt><dd dir="auto"><strong>{p.projectName}</strong></dd>
              <dt>Made</dt><dd>{loaded.contents.manifest.createdAt.replace('T', ' ').slice(0, 16)} UTC with Subtier {loaded.contents.manifest.appVersion}</dd>
              <dt>Contents</dt><dd>{p.counts.parties} parties, {p.counts.links} links, {p.counts.evidence} evidence files, {p.counts.auditEntries} audit entries</dd>
            </dl>
            <Notice kind={p.status === 'conflict' ? 'error' : p.status === 'different' ? 'warning' : 'info'}>{STATUS_TEXT[p.status]}</Notice>
            {p.conflicts?.map((c, i) => <Notice key={`c${i}`} kind="error">{c}</Notice>)}
            {loaded.warnings.map((w, i) => <Notice key={i} kind="warning">{w.message}</Notice>)}
            {loaded.contents.snapshot.evidence.length ? (
              <table className="table compact" aria-label="Evidence in the bundle">
                <thead><tr><th scope="col">Evidence</th><th scope="col">SHA-256</th></tr></thead>
                <tbody>
                  {loaded.contents.snapshot.evidence.map((e) => (
                    <tr key={e.id}><td dir="auto">{e.title || e.fileName}</td><td><code className="hash">{e.sha256}</code></td></tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </>
        ) : null}
      </div>
    </Dialog>
  );
}

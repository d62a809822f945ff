/**
 * The list manager: the stored lists with their publication dates, counts, programs and file hashes;
 * importing an official file or a watchlist (parsed in the worker, shown with what changed against the
 * list it replaces before anything is saved); removing a list; restoring the bundled snapshot.
 */
import { useRef, useState } from 'react';
import { formatIssue } from '../../../src/core/screening';
import { removeList, restoreBundledLists, saveList } from '../../../src/core/services';
import type { ImportIssue, ListDiff, ScreeningList } from '../../../src/core/screening';
import { readPickedFile } from '../../app/bridge';
import { useServices } from '../../app/services-context';
import { Button, Dialog, Notice, TextField } from '../../components/ui';
import { readBundledLists } from './bundled-lists';
import { importInWorker } from './screening-client';

interface Preview {
  readonly list: ScreeningList | null;
  readonly errors: readonly ImportIssue[];
  readonly warnings: readonly ImportIssue[];
  readonly diff: ListDiff | null;
  readonly replaces: ScreeningList | null;
}

const FORMAT: Record<string, string> = { 'un-xml': 'UN XML', 'ofac-csv': 'OFAC CSV', 'custom-csv': 'CSV watchlist', 'custom-xlsx': 'XLSX watchlist', snapshot: 'bundled' };

export function ListManager({ lists, onImported }: { lists: readonly ScreeningList[]; onImported: (list: ScreeningList) => void }) {
  const { repo } = useServices();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [publishedAt, setPublishedAt] = useState('');
  const [name, setName] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [removing, setRemoving] = useState<ScreeningList | null>(null);

  const check = async () => {
    setBusy(true);
    setNote(null);
    try {
      const read = [];
      for (const f of files) {
        const r = await readPickedFile(f, 'sanctions-list');
        if (!r.ok) throw new Error(r.error);
        read.push(r.value);
      }
      const guess = read.some((f) => /\.xml$/i.test(f.name)) ? 'UN' : read.some((f) => /(^|\/)sdn\.csv$/i.test(f.name)) ? 'OFAC' : (name.trim() || read[0]?.name.replace(/\.[^.]+$/, '') || '');
      const previous = lists.find((l) => l.name === guess) ?? null;
      const answer = await importInWorker({
        files: read,
        options: { id: `lst_${crypto.randomUUID()}`, importedAt: new Date().toISOString(), ...(name.trim() ? { name: name.trim() } : {}), ...(publishedAt ? { publishedAt } : {}) },
        previous,
      });
      const replaces = answer.list ? lists.find((l) => l.name === answer.list!.name) ?? null : null;
      setPreview({ list: answer.list, errors: answer.errors, warnings: answer.warnings, diff: replaces && answer.list && replaces.id === previous?.id ? answer.diff : null, replaces });
    } catch (error) {
      setNote({ ok: false, text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!preview?.list) return;
    setBusy(true);
    try {
      await saveList(repo, preview.list);
      setNote({ ok: true, text: `${preview.list.name} saved: ${preview.list.counts.entries} entries, published ${preview.list.publishedAt || 'date unknown'}. Screening runs again to show any new hits.` });
      onImported(preview.list);
      setPreview(null);
      setFiles([]);
      setName('');
      setPublishedAt('');
      if (input.current) input.current.value = '';
    } catch (error) {
      setNote({ ok: false, text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="section list-manager">
      <div className="section-head">
        <h2>Lists</h2>
        <Button variant="ghost" disabled={busy} onClick={() => void readBundledLists().then((bundled) => restoreBundledLists(repo, bundled)).then(() => setNote({ ok: true, text: 'The bundled UN and OFAC DPRK lists are installed.' }), (error: Error) => setNote({ ok: false, text: error.message }))}>Restore bundled lists</Button>
      </div>
      {note ? <Notice kind={note.ok ? 'success' : 'error'}>{note.text}</Notice> : null}
      <table className="table">
        <thead><tr><th>List</th><th>Published</th><th>Imported</th><th className="num">Entries</th><th>Programs</th><th>Files</th><th aria-label="Actions" /></tr></thead>
        <tbody>
          {lists.map((l) => (
            <tr key={l.id}>
              <td><strong>{l.name}</strong><div className="muted small">{FORMAT[l.format] ?? l.format}{l.selection ? ' · DPRK selection' : ''}</div></td>
              <td>{l.publishedAt || <span className="muted">not in the file</span>}</td>
              <td>{l.importedAt ? l.importedAt.slice(0, 10) : '—'}</td>
              <td className="num" title={`${l.counts.individuals} individuals, ${l.counts.entities} entities, ${l.counts.vessels} vessels, ${l.counts.aircraft} aircraft; ${l.counts.names} names`}>{l.counts.entries.toLocaleString('en')}</td>
              <td className="small">{l.programs.slice(0, 8).join(', ')}{l.programs.length > 8 ? ` +${l.programs.length - 8}` : ''}</td>
              <td className="small">{l.files.map((f) => <div key={f.name} title={`SHA-256 ${f.sha256}`}>{f.name} <code>{f.sha256.slice(0, 12)}…</code></div>)}</td>
              <td><Button variant="ghost" disabled={busy} onClick={() => setRemoving(l)}>Remove…</Button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="import-box">
        <h3>Import a list</h3>
        <p className="muted small">
          The UN consolidated list (XML), OFAC&apos;s sdn.csv with alt.csv and add.csv (pick all three), or your own watchlist as CSV or XLSX
          with a <code>name</code> column and optional <code>ref</code>, <code>type</code>, <code>aliases</code> (separated by ;), <code>programs</code>, <code>countries</code>, <code>listed_on</code>, <code>address</code>, <code>remarks</code>.
        </p>
        <div className="form-row">
          <input ref={input} type="file" multiple accept=".xml,.csv,.xlsx" aria-label="List files" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
          <TextField label="Publication date (OFAC CSV and watchlists carry none)" type="date" value={publishedAt} onChange={(e) => setPublishedAt(e.target.value)} />
          <TextField label="Watchlist name" value={name} placeholder="from the file name" onChange={(e) => setName(e.target.value)} />
          <Button variant="primary" disabled={busy || files.length === 0} onClick={() => void check()}>Check files</Button>
        </div>
      </div>
      <Dialog title={preview?.list ? `Import ${preview.list.name}?` : 'The list cannot be imported'} open={preview !== null} onClose={() => setPreview(null)} wide
        footer={<><Button onClick={() => setPreview(null)}>Cancel</Button>{preview?.list ? <Button variant="primary" disabled={busy} onClick={() => void apply()}>{preview.replaces ? `Replace ${preview.replaces.name}` : 'Import'}</Button> : null}</>}>
        {preview?.errors.length ? (
          <Notice kind="error">Nothing was imported:<ul>{preview.errors.slice(0, 12).map((e) => <li key={formatIssue(e)}>{formatIssue(e)}</li>)}</ul>{preview.errors.length > 12 ? `…and ${preview.errors.length - 12} more.` : null}</Notice>
        ) : null}
        {preview?.list ? (
          <>
            <p>{preview.list.counts.entries.toLocaleString('en')} entries ({preview.list.counts.individuals} individuals, {preview.list.counts.entities} entities, {preview.list.counts.vessels} vessels, {preview.list.counts.aircraft} aircraft), published {preview.list.publishedAt || 'on a date the file does not give'}.</p>
            {preview.diff ? (
              <div className="diff">
                <p>Against the stored {preview.replaces!.name} list of {preview.replaces!.publishedAt || 'unknown date'}: <strong>{preview.diff.added.length} added</strong>, <strong>{preview.diff.removed.length} removed</strong>, <strong>{preview.diff.changed.length} changed</strong>, {preview.diff.unchanged} unchanged.</p>
                <ul className="small">
                  {preview.diff.added.slice(0, 10).map((e) => <li key={`a${e.ref}`}>added {e.ref} {e.name}</li>)}
                  {preview.diff.removed.slice(0, 10).map((e) => <li key={`r${e.ref}`}>removed {e.ref} {e.name}</li>)}
                  {preview.diff.changed.slice(0, 10).map((c) => <li key={`c${c.ref}`}>changed {c.ref} {c.after.name}: {c.fields.join(', ')}</li>)}
                </ul>
              </div>
            ) : preview.replaces ? <p>It replaces the stored {preview.replaces.name} list.</p> : null}
            {preview.warnings.length ? <Notice kind="warning"><ul>{preview.warnings.slice(0, 8).map((w) => <li key={formatIssue(w)}>{formatIssue(w)}</li>)}</ul></Notice> : null}
          </>
        ) : null}
      </Dialog>
      <Dialog title="Remove this list?" open={removing !== null} onClose={() => setRemoving(null)}
        footer={<><Button onClick={() => setRemoving(null)}>Cancel</Button><Button variant="danger" onClick={() => void removeList(repo, removing!.id).then(() => setRemoving(null))}>Remove</Button></>}>
        {removing ? <p><strong>{removing.name}</strong> ({removing.counts.entries} entries) will no longer be screened against. Existing hits and decisions are kept.</p> : null}
      </Dialog>
    </div>
  );
}

/**
 * Checking a report someone hands over: open any Subtier PDF report, see whether its printed hash,
 * embedded data and pages agree, and read the project it was built from, read-only, from the data
 * embedded in it.
 */
import { useState } from 'react';
import { openFile } from '../../app/bridge';
import { Button, Notice } from '../../components/ui';
import { labelOf } from '../../../src/core/model';
import { verifyReport } from '../../../src/core/report';
import type { VerifyResult } from '../../../src/core/report';
import { loadReportFonts } from './report-assets';

const MARK = { pass: '✓', fail: '✗', skip: '–' } as const;

export function ReportCheck() {
  const [result, setResult] = useState<(VerifyResult & { file: string }) | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const check = async () => {
    setError('');
    const picked = await openFile('report');
    if (!picked.ok) return setError(picked.error);
    if (!picked.value) return;
    setBusy(true);
    try {
      setResult({ ...(await verifyReport(picked.value.bytes, await loadReportFonts())), file: picked.value.name });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const input = result?.data?.input;
  const risk = new Map((input?.risk.parties ?? []).map((r) => [r.partyId, r]));
  return (
    <section className="card report-check" aria-label="Check a report">
      <div className="section-head">
        <h2>Check a report</h2>
        <Button onClick={() => void check()} disabled={busy}>{busy ? 'Checking…' : 'Open a report…'}</Button>
      </div>
      <p className="muted small">Checks that the hash printed on the cover, the data embedded in the PDF and its pages agree, and shows the project the report was built from.</p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {result ? (
        <>
          <Notice kind={result.ok ? 'success' : 'error'}>
            <strong>{result.file}: {result.ok ? 'verified' : 'NOT verified'}.</strong>{' '}
            {result.ok ? 'The printed hash, the embedded data and the report agree.' : 'The report, its printed hash and its embedded data do not all agree.'}
          </Notice>
          <ul className="check-list">
            {result.checks.map((c) => <li key={c.name} className={`check-${c.status}`}><span aria-hidden="true">{MARK[c.status]}</span> <strong>{c.name}</strong>: {c.detail}</li>)}
          </ul>
          {input ? (
            <section className="embedded-project" aria-label="Project in the report (read-only)">
              <h3 dir="auto">{input.snapshot.project.name} <span className="muted small">as of {input.options.asOf} · read-only{input.options.redact ? ' · redacted edition' : ''}</span></h3>
              <table className="table compact">
                <thead><tr><th>Party</th><th>Kind</th><th>Country</th><th>Inherent</th><th>Exposure</th></tr></thead>
                <tbody>
                  {input.snapshot.parties.map((p) => {
                    const r = risk.get(p.id);
                    return (
                      <tr key={p.id}>
                        <td dir="auto">{p.name}</td><td>{labelOf(p.kind)}</td><td>{p.country || '—'}</td>
                        <td>{r ? <span className={`badge badge-${r.inherent.level}`}>{r.inherent.level} {Math.round(r.inherent.score)}</span> : '—'}</td>
                        <td>{r ? <span className={`badge badge-${r.exposure.level}`}>{r.exposure.level} {Math.round(r.exposure.score)}</span> : '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

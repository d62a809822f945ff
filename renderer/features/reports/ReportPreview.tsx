/**
 * The preview of a built report, drawn from its report model so it shows in every shell (the
 * desktop app need not have a PDF viewer): the sections it contains, the key findings, and the
 * parties that need action with what to do. The PDF itself can be shown in place, drawn page by
 * page by pdf.js, the same in the web build and the desktop app.
 */
import { useState } from 'react';
import { Button } from '../../components/ui';
import { PdfPreview } from '../../components/PdfPreview';
import { SECTION_TITLES } from '../../../src/core/report';
import type { ReportModel } from '../../../src/core/report';

export function ReportPreview({ model, pdfUrl }: { model: ReportModel; pdfUrl: string | null }) {
  const [showPdf, setShowPdf] = useState(false);
  return (
    <div className="card report-outline">
      <div className="section-head">
        <h2>{model.meta.projectName}: due-diligence report</h2>
        {pdfUrl ? <Button variant="ghost" onClick={() => setShowPdf((v) => !v)}>{showPdf ? 'Show the outline' : 'Show the PDF here'}</Button> : null}
      </div>
      {showPdf && pdfUrl ? <PdfPreview source={pdfUrl} title="Report PDF" /> : (
        <>
          <p className="muted small">As of {model.meta.asOf}{model.meta.author ? `, prepared by ${model.meta.author}` : ''}{model.meta.organisation ? ` (${model.meta.organisation})` : ''}. Sections: {model.sections.map((s) => SECTION_TITLES[s]).join(' · ')}.</p>
          <h3>Key findings</h3>
          <ul className="outline-list">{model.summary.keyFindings.map((f) => <li key={f} dir="auto">{f}</li>)}</ul>
          <h3>Parties that need action ({model.summary.actionParties.length})</h3>
          {model.summary.actionParties.length === 0 ? <p className="muted small">No party is rated high or critical.</p> : (
            <table className="table compact">
              <thead><tr><th>Party</th><th>Level</th><th>Recommended actions</th></tr></thead>
              <tbody>
                {model.summary.actionParties.map((p) => (
                  <tr key={p.partyId}>
                    <td dir="auto">{p.name}</td>
                    <td><span className={`badge badge-${p.level}`}>{p.level}</span></td>
                    <td>{p.actions.join(' · ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}

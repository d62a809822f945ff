/**
 * Renders a report model to PDF bytes with pdf-lib: cover, contents, the selected sections, running
 * header and footer with "Page X of Y", document metadata, and the report data as an embedded file.
 * Reproducible: no clock is read (every date is the as-of date) and pdf-lib's name suffixes come from
 * a seeded generator, so the same model and data give the same bytes.
 */
import { AFRelationship, PDFDocument } from 'pdf-lib';
import type { ReportModel } from '../report-model';
import { SECTION_TITLES } from '../report-input';
import { REPORT_DATA_FILE } from '../report-data';
import { drawChainDiagram } from './chain-diagram';
import { FontSet } from './fonts';
import type { ReportFontBytes } from './fonts';
import { drawAudit, drawEvidence, drawFindings, drawRegister, drawScreening, drawSignoff } from './sections-body';
import { drawCover, drawLegal, drawScope, drawSummary, fillContents, reserveContents } from './sections-front';
import { COLOR, SIZE } from './theme';
import { Writer } from './writer';

/** Characters the renderer itself prints, prepared with the model's text. */
const RENDERER_GLYPHS = '…•→·—–§!"%';

export interface RenderedReport {
  readonly bytes: Uint8Array;
  readonly pageCount: number;
  /** Code points no bundled font could draw (printed as "?"); empty for every supported script. */
  readonly missingGlyphs: readonly number[];
}

/** Renders the model; `dataBytes` is the serialised report data to embed (its hash is in the model). */
export async function renderReportPdf(model: ReportModel, dataBytes: Uint8Array, fontBytes: ReportFontBytes): Promise<RenderedReport> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = new FontSet(doc, fontBytes);
  await fonts.init();
  const text = [RENDERER_GLYPHS, ...collectStrings(model)].join('\n');
  await fonts.prepare(text, false);
  await fonts.prepare(text, true);

  const w = new Writer(doc, fonts);
  drawCover(w, model);
  const contentsPage = reserveContents(w);
  for (const id of model.sections) {
    const title = SECTION_TITLES[id];
    w.startSection(id, title, id === 'chain');
    switch (id) {
      case 'summary': drawSummary(w, model); break;
      case 'scope': drawScope(w, model); break;
      case 'legal': drawLegal(w, model); break;
      case 'chain':
        w.paragraph(`${model.chain.nodes.length} parties in contract tiers from the client (left) down to the crews, coloured by their reported level (the higher of inherent and exposure). Banks, owners and payees outside the contract tiers stand in the last column. Boxes with a thick border are confirmed designation matches; "also p. N" points to a linked party on another page.${model.chain.cycles.length ? ` Subcontracting loops: ${model.chain.cycles.join('; ')}.` : ''}`, { size: SIZE.small, color: COLOR.muted, after: 4 });
        drawChainDiagram(w, model.chain);
        break;
      case 'register': drawRegister(w, model); break;
      case 'findings': drawFindings(w, model); break;
      case 'screening': drawScreening(w, model); break;
      case 'evidence': drawEvidence(w, model); break;
      case 'audit': drawAudit(w, model); break;
      case 'signoff': drawSignoff(w, model); break;
    }
  }
  fillContents(w, contentsPage);
  drawRunningHeads(w, model);

  const date = new Date(`${model.meta.asOf}T00:00:00Z`);
  doc.setTitle(`Due-diligence report: ${model.meta.projectName}`);
  doc.setAuthor(model.meta.author || 'Subtier');
  doc.setSubject(`Subtier due-diligence report ${model.meta.reportId}; data SHA-256 ${model.meta.dataSha256}`);
  doc.setKeywords([`subtier-report-id=${model.meta.reportId}`, `subtier-data-sha256=${model.meta.dataSha256}`]);
  doc.setCreator('Subtier');
  doc.setProducer(`Subtier ${model.meta.appVersion}`);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setLanguage('en');
  await doc.attach(dataBytes, REPORT_DATA_FILE, {
    mimeType: 'application/json',
    description: `The project data this report was built from; SHA-256 ${model.meta.dataSha256}`,
    creationDate: date,
    modificationDate: date,
    afRelationship: AFRelationship.Source,
  });
  const bytes = await doc.save({ useObjectStreams: true });
  return { bytes, pageCount: doc.getPageCount(), missingGlyphs: [...fonts.missing].sort((a, b) => a - b) };
}

function drawRunningHeads(w: Writer, m: ReportModel): void {
  const total = w.doc.getPageCount();
  for (let i = 0; i < total; i++) {
    w.page = w.doc.getPage(i);
    const style = { size: SIZE.tiny, color: COLOR.muted };
    if (i > 0) {
      const top = w.height - 34;
      w.text(w.fit(`${m.meta.projectName}  ·  Due-diligence report`, w.contentWidth / 2, style), w.left, top, style);
      w.textRight(w.fit(w.pageSection[i] || 'Contents', w.contentWidth / 2 - 10, style), w.right, top, style);
      w.line(w.left, top - 5, w.right, top - 5, { color: COLOR.rule, width: 0.5 });
    }
    const y = 30;
    w.line(w.left, y + 10, w.right, y + 10, { color: COLOR.rule, width: 0.5 });
    w.text(`Report ${m.meta.reportId}  ·  as of ${m.meta.asOf}${m.meta.redacted ? '  ·  REDACTED EDITION' : ''}`, w.left, y, style);
    const label = 'Confidential';
    w.text(label, (w.width - w.measure(label, style)) / 2, y, style);
    w.textRight(`Page ${i + 1} of ${total}`, w.right, y, style);
  }
}

/** Every string in the model, so all fonts a report needs are embedded before drawing starts. */
function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) collectStrings(v, out);
  return out;
}

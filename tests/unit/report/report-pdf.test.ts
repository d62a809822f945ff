// The rendered report: loaded back with pdf-lib (pages, metadata, embedded data and its hash), read
// with pdftotext (party names in every script, section titles), rebuilt for the byte-identical
// property, and tampered with to see `verify` catch it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, rgb } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/core/model';
import { buildReport } from '../../../src/core/report/build-report';
import type { BuiltReport } from '../../../src/core/report/build-report';
import { embeddedFiles } from '../../../src/core/report/pdf/read-pdf';
import { REPORT_DATA_FILE } from '../../../src/core/report/report-data';
import { SECTION_TITLES } from '../../../src/core/report/report-input';
import { workerPseudonym } from '../../../src/core/report/redaction';
import { verifyReport } from '../../../src/core/report/verify-report';
import { fixtureInput, loadFonts, NAMES } from './fixture';

const fonts = loadFonts();
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Replaces the bytes of the embedded report data in a PDF, as someone editing the file would. */
async function replaceEmbedded(pdf: Uint8Array, bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  const ef = names.lookup(1, PDFDict).lookup(PDFName.of('EF'), PDFDict);
  ef.set(PDFName.of('F'), doc.context.register(doc.context.flateStream(bytes, { Type: 'EmbeddedFile', Subtype: 'application/json' })));
  return doc.save({ useObjectStreams: true });
}

function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'subtier-report-'));
  writeFileSync(join(dir, 'r.pdf'), pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
}

let report: BuiltReport;
beforeAll(async () => {
  report = await buildReport(fixtureInput(), fonts);
});

describe('rendered report', () => {
  it('loads back with its pages, metadata and the embedded data whose hash it carries', async () => {
    const doc = await PDFDocument.load(report.pdf, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(report.pageCount);
    expect(report.pageCount).toBeGreaterThanOrEqual(12);
    expect(doc.getTitle()).toBe('Due-diligence report: Lusail Arena East Stand');
    expect(doc.getKeywords()).toContain(`subtier-data-sha256=${report.dataSha256}`);
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-03-15T00:00:00.000Z');
    const data = embeddedFiles(doc).get(REPORT_DATA_FILE)!;
    expect(sha256Hex(data)).toBe(report.dataSha256);
    expect(JSON.parse(new TextDecoder().decode(data)).input.snapshot.parties).toHaveLength(8);
    expect(report.missingGlyphs).toEqual([]);
  });

  it('is byte-identical for the same data and as-of date, and differs for another date', async () => {
    const again = await buildReport(fixtureInput(), fonts);
    expect(sha256Hex(again.pdf)).toBe(sha256Hex(report.pdf));
    const later = await buildReport(fixtureInput({ asOf: '2026-03-16' }), fonts);
    expect(sha256Hex(later.pdf)).not.toBe(sha256Hex(report.pdf));
  });

  it('verifies, and names what is wrong when pages or data were changed', async () => {
    expect((await verifyReport(report.pdf, fonts)).ok).toBe(true);

    const edited = await PDFDocument.load(report.pdf, { updateMetadata: false });
    edited.getPage(2).drawRectangle({ x: 100, y: 100, width: 50, height: 10, color: rgb(1, 1, 1) });
    const pagesChanged = await verifyReport(await edited.save({ useObjectStreams: true }), fonts);
    expect(pagesChanged.ok).toBe(false);
    expect(pagesChanged.checks.find((c) => c.name === 'pages')!.status).toBe('fail');
    expect(pagesChanged.checks.find((c) => c.name === 'printed hash')!.status).toBe('pass');

    // Swap the embedded data for data that says something else, keeping the pages.
    const swapped = await buildReport(fixtureInput({ author: 'Someone Else' }), fonts);
    const dataSwapped = await replaceEmbedded(report.pdf, swapped.dataBytes);
    const result = await verifyReport(dataSwapped, fonts);
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => c.name === 'printed hash')!.detail).toMatch(/but the embedded data hashes to/);
    expect(result.checks.find((c) => c.name === 'metadata hash')!.status).toBe('fail');

    const notPdf = await verifyReport(new TextEncoder().encode('hello'), fonts);
    expect(notPdf.ok).toBe(false);
    expect(notPdf.checks[0]!.detail).toMatch(/not a readable PDF/);
  });

  const needsPdftotext = hasPdftotext ? '' : ' (skipped: pdftotext from poppler-utils is not installed)';
  it.skipIf(!hasPdftotext)(`prints every party name in its own script, and every section${needsPdftotext}`, () => {
    const text = pdfText(report.pdf);
    for (const name of [NAMES.client, NAMES.gc, NAMES.hangul, NAMES.cyrillic, NAMES.crew, NAMES.worker, NAMES.bank]) expect(text).toContain(name);
    // Arabic is drawn right to left; pdftotext gives the words back in one order or the other.
    for (const word of NAMES.arabic.split(' ')) expect(text.includes(word) || text.includes([...word].reverse().join(''))).toBe(true);
    for (const title of Object.values(SECTION_TITLES)) expect(text).toContain(title);
    expect(text).toContain(report.dataSha256.slice(0, 8));
    expect(text).toMatch(new RegExp(`Page 1 of ${report.pageCount}`));
  });

  it.skipIf(!hasPdftotext)(`keeps worker names out of a redacted report, pages and data alike${needsPdftotext}`, async () => {
    const redacted = await buildReport(fixtureInput({ redact: true }), fonts);
    const text = pdfText(redacted.pdf);
    expect(text).not.toContain(NAMES.worker);
    expect(text).toContain(workerPseudonym('prj_fixture', 'pty_07'));
    expect(text).toContain('REDACTED EDITION');
    expect(new TextDecoder().decode(redacted.dataBytes)).not.toContain(NAMES.worker);
    expect((await verifyReport(redacted.pdf, fonts)).ok).toBe(true);
  });

  it('prints only the chosen sections', async () => {
    const short = await buildReport(fixtureInput({ sections: ['summary', 'signoff'] }), fonts);
    expect(short.pageCount).toBe(4);
  });
});

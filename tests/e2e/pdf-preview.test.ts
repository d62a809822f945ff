// PDF previews in real Chromium, drawn by pdf.js from the app's own bundle: a PDF attached as
// evidence to a demo party shows its pages on a canvas with page count and next/previous, a damaged
// file gets a plain message, and a built report shows its first page. No request leaves the app.
import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts, beginText, endText, moveText, rgb, setFontAndSize, showText } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { startApp } from './support/harness';
import type { E2eApp, E2eSession } from './support/harness';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security';

/**
 * A three-page PDF: each page a dark bar and a line in Helvetica (named, not embedded), so a blank
 * canvas cannot pass; the last page also has Korean text in a non-embedded CID font whose UniKS-UCS2-H
 * character map pdf.js must load from the bundle.
 */
async function makePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedStandardFont(StandardFonts.Helvetica);
  let last = null;
  for (let i = 1; i <= 3; i += 1) {
    last = doc.addPage([595, 842]);
    last.drawRectangle({ x: 50, y: 700, width: 300 + i * 40, height: 60, color: rgb(0.1, 0.2, 0.5) });
    last.drawText(`Payroll ledger, page ${i}`, { x: 50, y: 640, size: 28, font, color: rgb(0, 0, 0) });
  }
  const ctx = doc.context;
  const descriptor = ctx.register(ctx.obj({
    Type: 'FontDescriptor', FontName: 'HYGoThic-Medium', Flags: 4, FontBBox: [-6, -145, 1003, 880],
    ItalicAngle: 0, Ascent: 880, Descent: -120, CapHeight: 880, StemV: 93,
  }));
  const cidFont = ctx.register(ctx.obj({
    Type: 'Font', Subtype: 'CIDFontType0', BaseFont: 'HYGoThic-Medium', FontDescriptor: descriptor, DW: 1000,
    CIDSystemInfo: ctx.obj({ Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Korea1'), Supplement: 1 }),
  }));
  const korean = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'HYGoThic-Medium-UniKS-UCS2-H', Encoding: 'UniKS-UCS2-H', DescendantFonts: [cidFont] }));
  last!.node.setFontDictionary(PDFName.of('K1'), korean);
  // "임금 대장" (payroll ledger) as UCS-2 codes.
  last!.pushOperators(beginText(), setFontAndSize('K1', 32), moveText(50, 560), showText(PDFHexString.of('C784AE080020B300C7A5')), endText());
  return Buffer.from(await doc.save());
}

/**
 * A PDF encrypted with the standard security handler (RC4, revision 2) whose password is unknown:
 * its O and U entries match neither an empty user nor an empty owner password, as in a file a
 * supplier protected and sent without the password.
 */
async function makeEncryptedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  const ctx = doc.context;
  const filler = (seed: number) => PDFHexString.of(Array.from({ length: 32 }, (_, i) => ((seed + i * 37) % 256).toString(16).padStart(2, '0')).join(''));
  ctx.trailerInfo.Encrypt = ctx.register(ctx.obj({ Filter: 'Standard', V: 1, R: 2, O: filler(11), U: filler(90), P: -44 }));
  const id = PDFHexString.of('00112233445566778899aabbccddeeff');
  ctx.trailerInfo.ID = ctx.obj([id, id]);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** Share of the canvas's pixels that are not white, and a fingerprint of its content. */
function inkOf(canvas: Locator): Promise<{ ink: number; sum: number }> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) ink += 1;
      sum = (sum + data[i]! * (i % 9973)) % 1_000_000_007;
    }
    return { ink: ink / (c.width * c.height), sum };
  });
}

async function attach(panel: Locator, name: string, title: string, buffer: Buffer) {
  await panel.getByRole('button', { name: 'Attach file' }).click();
  await panel.getByLabel('File').setInputFiles({ name, mimeType: 'application/pdf', buffer });
  await panel.getByLabel('Title').fill(title);
  await panel.getByRole('button', { name: 'Attach', exact: true }).click();
  await panel.locator('.evidence-item', { hasText: title }).waitFor();
}

/**
 * The journey both tests walk: a PDF attached to a demo party, browsed page by page; a damaged and
 * an encrypted one refused with a message; the built report shown as its PDF. Screenshots are named
 * after `shots`.
 */
async function previewJourney(s: E2eSession, shots: string) {
  const { page } = s;
  await page.getByRole('button', { name: 'Open the demo project' }).click();
  await page.getByRole('heading', { name: 'Parties' }).waitFor();

  // Evidence: a three-page PDF attached to a demo party through the party panel.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Chain' }).click();
  await page.getByRole('tab', { name: /^Parties/ }).click();
  await page.getByRole('row', { name: /Baltiyskiy Stalmontazh LLC/ }).first().click();
  const panel = page.getByRole('article', { name: 'Party Baltiyskiy Stalmontazh LLC' });
  await attach(panel, 'payroll-ledger.pdf', 'Payroll ledger, March', await makePdf());
  await panel.locator('.evidence-item', { hasText: 'Payroll ledger, March' }).getByRole('button', { name: 'Preview' }).click();
  const dialog = page.locator('dialog[open]');
  const canvas = dialog.locator('canvas.pdf-preview-page');
  await canvas.waitFor();
  await expect.poll(() => dialog.getByTestId('pdf-page-status').textContent()).toBe('Page 1 of 3');
  await expect.poll(async () => (await inkOf(canvas)).ink, { timeout: 15_000 }).toBeGreaterThan(0.01);
  const first = await inkOf(canvas);
  expect(first.ink).toBeLessThan(0.5);
  expect(await dialog.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);
  await s.screenshot(`${shots}-evidence`);

  await dialog.getByRole('button', { name: 'Next page' }).click();
  await expect.poll(() => dialog.getByTestId('pdf-page-status').textContent()).toBe('Page 2 of 3');
  await expect.poll(async () => (await inkOf(canvas)).sum, { timeout: 15_000 }).not.toBe(first.sum);
  await dialog.getByRole('button', { name: 'Next page' }).click();
  await expect.poll(() => dialog.getByTestId('pdf-page-status').textContent()).toBe('Page 3 of 3');
  expect(await dialog.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
  await expect.poll(() => s.requests.some((u) => /\/assets\/UniKS-UCS2-H-[\w-]+\.bcmap$/.test(u)), { timeout: 15_000 }).toBe(true);
  await expect.poll(() => dialog.locator('.muted', { hasText: 'Drawing…' }).count()).toBe(0);
  await s.screenshot(`${shots}-evidence-korean`);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // A damaged file named .pdf gets a message, not a blank frame.
  await attach(panel, 'scan.pdf', 'Damaged scan', Buffer.from('%PDF-1.7\nthis is not really a PDF\n'));
  await panel.locator('.evidence-item', { hasText: 'Damaged scan' }).getByRole('button', { name: 'Preview' }).click();
  // pdf.js gives up on a damaged file in its worker; on a busy machine that takes seconds.
  await expect.poll(() => page.locator('dialog[open]').textContent(), { timeout: 15_000 }).toContain('damaged or is not a PDF');
  await page.locator('dialog[open]').getByRole('button', { name: 'Close' }).click();

  // So does a password-protected one.
  await attach(panel, 'protected.pdf', 'Protected payslips', await makeEncryptedPdf());
  await panel.locator('.evidence-item', { hasText: 'Protected payslips' }).getByRole('button', { name: 'Preview' }).click();
  await expect.poll(() => page.locator('dialog[open]').textContent(), { timeout: 15_000 }).toContain('encrypted with a password');
  await s.screenshot(`${shots}-encrypted`);
  await page.locator('dialog[open]').getByRole('button', { name: 'Close' }).click();

  // The built report, shown as its PDF.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports' }).click();
  await page.getByLabel('As of').fill('2026-03-15');
  await page.getByRole('button', { name: 'Build report' }).click();
  await page.getByRole('heading', { name: /^Report SDR-20260315-[0-9A-F]{8}$/ }).waitFor({ timeout: 60_000 });
  const region = page.getByRole('region', { name: 'Report preview' });
  const pages = Number((await region.locator('dt', { hasText: 'Pages' }).locator('xpath=following-sibling::dd[1]').textContent())!.split(' ')[0]);
  expect(pages).toBeGreaterThan(1);
  await region.getByRole('button', { name: 'Show the PDF here' }).click();
  const reportCanvas = region.locator('canvas.pdf-preview-page');
  await reportCanvas.waitFor();
  await expect.poll(() => region.getByTestId('pdf-page-status').textContent()).toBe(`Page 1 of ${pages}`);
  await expect.poll(async () => (await inkOf(reportCanvas)).ink, { timeout: 15_000 }).toBeGreaterThan(0.005);
  await reportCanvas.scrollIntoViewIfNeeded();
  await s.screenshot(`${shots}-report`);

  // pdf.js and its worker came from the app's own bundle, and nothing went anywhere else.
  expect(s.requests.some((u) => /\/assets\/pdf\.worker\.min-[\w-]+\.mjs$/.test(u))).toBe(true);
  expect(s.requests.some((u) => /\/assets\/(LiberationSans|Foxit)[\w-]+\.(ttf|pfb)$/.test(u))).toBe(true);
  expect(s.externalRequests()).toEqual([]);
  expect(s.pageErrors).toEqual([]);
}

describe('PDF preview', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('draws an evidence PDF and a built report on canvas, page by page, offline', async () => {
    const s = await app.newSession();
    await previewJourney(s, 'pdf-preview');
    await s.close();
  }, 120_000);

  it('works the same under the desktop app\'s stricter Content-Security-Policy', async () => {
    const s = await app.newSession();
    // Every response from the app carries the desktop CSP header, as app://subtier/ serves it; a
    // violation is logged as a console error and so lands in pageErrors.
    await s.context.route(`${app.origin}/**`, async (route) => {
      s.requests.push(route.request().url());
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CONTENT_SECURITY_POLICY } });
    });
    await s.page.reload();
    await previewJourney(s, 'pdf-preview-desktop-csp');
    // The header was in force: an inline style, which only the desktop policy forbids, is refused.
    const refused = await s.page.evaluate(() => new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
      const style = document.createElement('style');
      style.textContent = 'body { outline: 0; }';
      document.head.append(style);
      setTimeout(() => resolve('none'), 2000);
    }));
    expect(refused).toMatch(/^style-src/);
    await s.close();
  }, 120_000);
});

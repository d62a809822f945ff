/**
 * Worksheet XML that SheetJS Community Edition does not write: drop-down data validation and a frozen
 * header row. Both are inserted into the sheet part at the position the OOXML schema (ECMA-376 part 1,
 * CT_Worksheet) requires, because Excel refuses to open a sheet whose elements are out of order.
 */

export interface ListValidation {
  /** The cell range, such as "C2:C50001". */
  readonly sqref: string;
  readonly values: readonly string[];
  readonly title: string;
}

/** Elements of CT_Worksheet that must come after <dataValidations>, in schema order. */
const AFTER_DATA_VALIDATIONS = [
  'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing',
  'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

/** Escapes text for an XML attribute or text node. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Excel limits an inline list to 255 characters including the quotes. */
export const MAX_INLINE_LIST = 255;

/** The <dataValidations> element for drop-down lists. Invalid values raise a warning, not a refusal. */
export function dataValidationsXml(validations: readonly ListValidation[]): string {
  const items = validations.map((v) => {
    const list = v.values.join(',');
    if (list.length + 2 > MAX_INLINE_LIST) throw new Error(`drop-down list for ${v.sqref} is longer than Excel allows`);
    if (v.values.some((x) => x.includes(',') || x.includes('"'))) throw new Error(`drop-down values for ${v.sqref} may not contain commas or quotes`);
    const attrs = [
      'type="list"', 'errorStyle="warning"', 'allowBlank="1"', 'showInputMessage="1"', 'showErrorMessage="1"',
      `errorTitle="${escapeXml(v.title)}"`, `error="${escapeXml(`Choose one of: ${v.values.join(', ')}. Other values are checked when the file is imported.`)}"`,
      `promptTitle="${escapeXml(v.title)}"`, `prompt="${escapeXml(`Choose from the list.`)}"`, `sqref="${escapeXml(v.sqref)}"`,
    ];
    return `<dataValidation ${attrs.join(' ')}><formula1>"${escapeXml(list)}"</formula1></dataValidation>`;
  });
  return `<dataValidations count="${validations.length}">${items.join('')}</dataValidations>`;
}

/** Inserts `<dataValidations>` into a worksheet part before the first element that must follow it. */
export function insertDataValidations(sheetXml: string, validations: readonly ListValidation[]): string {
  if (!validations.length) return sheetXml;
  if (sheetXml.includes('<dataValidations')) throw new Error('the sheet already has data validations');
  const xml = dataValidationsXml(validations);
  let at = sheetXml.lastIndexOf('</worksheet>');
  for (const name of AFTER_DATA_VALIDATIONS) {
    const i = indexOfElement(sheetXml, name);
    if (i !== -1 && i < at) at = i;
  }
  if (at === -1) throw new Error('not a worksheet part');
  return sheetXml.slice(0, at) + xml + sheetXml.slice(at);
}

/** Freezes the first row: replaces the sheet view with one holding a frozen pane below row 1. */
export function freezeHeaderRow(sheetXml: string): string {
  const view = '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>';
  const start = sheetXml.indexOf('<sheetViews');
  if (start !== -1) {
    const end = sheetXml.indexOf('</sheetViews>', start);
    if (end === -1) return sheetXml;
    return sheetXml.slice(0, start) + view + sheetXml.slice(end + '</sheetViews>'.length);
  }
  // CT_Worksheet order: sheetPr?, dimension?, sheetViews?, ... so the view goes before whatever follows dimension.
  const anchor = ['sheetFormatPr', 'cols', 'sheetData'].map((n) => indexOfElement(sheetXml, n)).filter((i) => i !== -1);
  if (!anchor.length) return sheetXml;
  const at = Math.min(...anchor);
  return sheetXml.slice(0, at) + view + sheetXml.slice(at);
}

/** Index of the start tag of element `name` (not a longer name sharing its prefix), or -1. */
function indexOfElement(xml: string, name: string): number {
  const re = new RegExp(`<${name}[\\s/>]`);
  const m = re.exec(xml);
  return m ? m.index : -1;
}

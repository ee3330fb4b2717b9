// The report's stylesheet: the static files style/report.css and style/print.css, and between them the
// page margins of print, which carry the report's own title, date and words for "page … of …".
import { readStylesheet } from './assets.js';

/** What the running head and foot of a printed page say. */
export interface PageMargins {
  title: string;
  date: string;
  /** "Seite", "Page". */
  page: string;
  /** "von", "of". */
  of: string;
  /** The fields of action: each prints on pages of its own, named in the running head. */
  fields?: { anchor: string; title: string }[];
  /** The words over the values of the overview's rows when a phone shows them as cards. */
  cards?: { subject: string; ist: string; soll: string; gap: string };
}

/** The page margins lie outside the page's elements, so they get report.css's font and muted colour written out. */
const marginFont = '8.5pt system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const marginColor = '#59636e';

export function renderStylesheet(margins: PageMargins): string {
  return [
    readStylesheet('report'),
    renderCardLabels(margins),
    renderPageMargins(margins),
    readStylesheet('print'),
    renderFieldPages(margins),
  ].join('');
}

/** Alternative text "" keeps a screen reader, which has the column's heading, from reading the label twice. */
function renderCardLabels({ cards }: PageMargins): string {
  if (!cards) return '';
  const rule = (child: number, text: string) =>
    `  .overview-table tr > :nth-child(${child})::before { content: ${cssString(text)} / ""; }\n`;
  return [
    '@media (max-width: 37.5rem) {\n',
    rule(3, `${cards.subject}: `),
    ...[rule(4, cards.ist), rule(5, cards.soll), rule(6, cards.gap)],
    '  .overview-table tr > :nth-child(n+4)::before { display: block; font-size: 0.8rem; color: #59636e; }\n',
    '}\n',
  ].join('');
}

/**
 * Each field of action prints on a named page of its own, whose running head names the field instead of
 * the report (a long title and a field's name would not fit one line beside the date): Chromium
 * has no running strings (string-set), but it has named pages with page-margin boxes. A named page
 * starts a new sheet, as a field should.
 */
function renderFieldPages(o: PageMargins): string {
  return (o.fields ?? [])
    .map((f, i) => {
      const name = `feld-${i + 1}`;
      return (
        `@page ${name} {\n  @top-left { content: ${cssString(f.title)}; font: ${marginFont}; ` +
        `color: ${marginColor}; }\n}\n@media print {\n  [id=${cssString(f.anchor)}] { page: ${name}; }\n}\n`
      );
    })
    .join('');
}

/** CSS for a string in a stylesheet: `<` and the quotes escaped, so that no text can end the <style> element. */
export function cssString(text: string): string {
  return `"${text
    .replace(/[\\"]/g, '\\$&')
    .replace(/[\n\r\f]/g, ' ')
    .replace(/</g, '\\3c ')}"`;
}

function renderPageMargins(o: PageMargins): string {
  const box = (where: string, content: string) =>
    `  @${where} { content: ${content}; font: ${marginFont}; color: ${marginColor}; }\n`;
  return [
    '@page {\n',
    '  size: A4; margin: 17mm 14mm 15mm;\n',
    box('top-left', cssString(o.title)),
    box('top-right', cssString(o.date)),
    box('bottom-right', `${cssString(o.page)} counter(page) ${cssString(o.of)} counter(pages)`),
    '}\n',
  ].join('');
}

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
}

/** The page margins lie outside the page's elements, so they get report.css's font and muted colour written out. */
const marginFont = '8.5pt system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const marginColor = '#59636e';

export function renderStylesheet(margins: PageMargins): string {
  return `${readStylesheet('report')}${renderPageMargins(margins)}${readStylesheet('print')}`;
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

// Small pieces of markup that the council parts of the report share: table cells, a scrolling box for
// wide tables, a rating badge and a download link.
import type { Badge } from './council-types.js';
import { dataUrl, type Download } from './downloads.js';
import { html, type Html } from './html.js';

/** A column heading; `className` "num" aligns it with the numbers below it. */
export function headCell(content: Html | string, className?: string): Html {
  return html`<th scope="col"${className ? html` class="${className}"` : ''}>${content}</th>`;
}

export function rowHead(content: Html | string): Html {
  return html`<th scope="row">${content}</th>`;
}

export function numberCell(content: string | number, className = ''): Html {
  return html`<td class="num${className ? ` ${className}` : ''}">${content}</td>`;
}

/** A table that may be wider than the screen scrolls in its own box, reachable by keyboard; `labelledBy`: ids. */
export function scroller(labelledBy: string, table: Html): Html {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${labelledBy}">${table}</div>`;
}

/** A rating as symbol and word: never colour alone. */
export function badge(b: Badge): Html {
  const symbol = html`<span class="symbol" aria-hidden="true">${b.symbol}</span>`;
  return html`<span class="status s-${b.status}">${symbol} ${b.word}</span>`;
}

/** A file inside the report as a data: URL with the name to save it under: no script needed. */
export function downloadLink(d: Download, text: string, hint: string): Html {
  const link = html`<a href="${dataUrl(d.csv)}" download="${d.file}" type="text/csv">⤓ ${text}</a>`;
  return html`<p class="download">${link} <small>(${d.file}; ${hint})</small></p>`;
}

/** A file from the packed files of the page (packedFiles): the page script hands it out when clicked. */
export function packedDownloadLink(d: Download, text: string, hint: string): Html {
  const link = html`<a href="#" data-csv="${d.file}" download="${d.file}" type="text/csv">⤓ ${text}</a>`;
  return html`<p class="download js-only">${link} <small>(${d.file}; ${hint})</small></p>`;
}

// Runs in the browser: the overview of all targets becomes sortable by a click on (or Enter at) a column
// heading; a second click turns the order round. Without JavaScript the table keeps the report's order.
const lang = document.documentElement.lang;
for (const table of document.querySelectorAll<HTMLTableElement>('table.sortable')) makeSortable(table);

/** Each heading's content moves into a button, so that it can be reached and pressed by keyboard. */
function makeSortable(table: HTMLTableElement): void {
  const heads = [...(table.tHead?.rows[0]?.cells ?? [])];
  heads.forEach((th, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener('click', () => sortBy(table, heads, column));
  });
}

/** Rows with the same key keep the report's order (data-order), whichever way the column is sorted. */
function sortBy(table: HTMLTableElement, heads: HTMLTableCellElement[], column: number): void {
  const th = heads[column]!;
  const ascending = th.getAttribute('aria-sort') !== 'ascending';
  for (const h of heads) h.removeAttribute('aria-sort');
  th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  const body = table.tBodies[0]!;
  const rows = [...body.rows];
  rows.sort((a, b) => {
    const x = sortKey(a.cells[column]!);
    const y = sortKey(b.cells[column]!);
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y), lang, { numeric: true });
    return (ascending ? order : -order) || Number(a.dataset.order) - Number(b.dataset.order);
  });
  for (const row of rows) body.appendChild(row);
}

/** A cell's sort key: its data-sort (a number where it is one; empty sorts last), else its text. */
function sortKey(cell: HTMLTableCellElement): number | string {
  const key = cell.getAttribute('data-sort');
  if (key === null) return (cell.textContent ?? '').trim();
  if (key === '') return Infinity;
  return isNaN(Number(key)) ? key : Number(key);
}

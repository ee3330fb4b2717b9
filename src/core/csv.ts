// CSV output for spreadsheet users: `,` and `.` by default; `;`, decimal comma and a byte-order mark for
// German spreadsheet programs on request. A text cell that a spreadsheet would run as a formula (starting
// with = + - @, a tab or a carriage return) is defused as OWASP advises: a leading apostrophe, and quoted.
// Numbers are numbers, never text, so a negative value stays a negative value.
export interface CsvOptions {
  /** German spreadsheet style: `;` between fields and a decimal comma. */
  decimalComma?: boolean;
  /** A UTF-8 byte-order mark, so that spreadsheet programs do not guess another encoding. */
  bom?: boolean;
}

export type CsvValue = string | number | boolean | null | undefined;

export function toCsv(header: string[], rows: CsvValue[][], options: CsvOptions = {}): string {
  const delimiter = options.decimalComma ? ';' : ',';
  const cell = (v: CsvValue): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return quote(formatCsvNumber(v, options.decimalComma), delimiter);
    const text = String(v);
    return formulaStart.test(text) ? `"'${text.replaceAll('"', '""')}"` : quote(text, delimiter);
  };
  const lines = [header, ...rows].map((r) => r.map(cell).join(delimiter));
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

/** What a spreadsheet reads as the start of a formula (OWASP, CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;

function quote(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim()
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/** Full precision, no thousands separators, no exponent for ordinary magnitudes. */
function formatCsvNumber(x: number, decimalComma?: boolean): string {
  if (!Number.isFinite(x)) return '';
  const text = Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(12)));
  return decimalComma ? text.replace('.', ',') : text;
}

/** A column of a table: its header, and whether its cells line up on the right (numbers). */
export interface Column {
  header: string;
  numeric?: boolean;
}

/**
 * Renders rows as an aligned text table: a header, a rule, then the rows; numbers
 * right-aligned. Cells are text already formatted for people.
 */
export function renderTable(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = columns.map((column, index) => Math.max(column.header.length, ...rows.map((row) => (row[index] ?? '').length)));
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, index) => (columns[index]?.numeric ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!)))
      .join('  ')
      .trimEnd();
  const lines = [render(columns.map((column) => column.header)), widths.map((width) => '-'.repeat(width)).join('  ')];
  for (const row of rows) lines.push(render(row));
  return `${lines.join('\n')}\n`;
}

/** Rows as CSV (RFC 4180): a header line, fields quoted when they hold a comma, quote or line break. */
export function renderCsv(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): string {
  const field = (value: string | number | boolean | null) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${[headers, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

import { stringify } from 'csv-stringify/sync';
import { cellText, type Table } from './table.js';

/**
 * The 一览表 as CSV: UTF-8 with a byte-order mark (without one Excel on Chinese Windows reads the
 * file as GBK and shows mojibake), CRLF line ends, the header first, one row per stage. A CSV
 * cannot merge cells, so each row repeats its power's cells; import reads both forms.
 */
export function tableToCsv(table: Table): string {
  const rows = [
    table.columns.map((c) => c.header),
    ...table.powers.flatMap((power) =>
      power.rows.map((row) => table.columns.map((c) => cellText(power, row, c))),
    ),
  ];
  return `\uFEFF${stringify(rows, { record_delimiter: '\r\n' })}`;
}

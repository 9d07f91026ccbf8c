import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  type ISectionOptions,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { type ColumnSpec, perPower } from '../table/columns.js';
import { columnWidths, displayWidth, HEADER_FILL, LEVEL_TINTS } from '../table/look.js';
import {
  cellText,
  type TableRow as ListRow,
  type Table as ListTable,
  type TablePower,
} from '../table/table.js';
import { packDocx } from './pack.js';
import { A4, FONTS, properties, run, SIZES, TWIPS_PER_MM } from './style.js';

/** Margins of a landscape table page: 20 mm all round leaves 257 mm for the columns. */
const MARGIN = Math.round(20 * TWIPS_PER_MM);
const TEXT_WIDTH = A4.height - 2 * MARGIN;

/** A cell's lines as paragraphs (a line break in the list starts a new paragraph in Word). */
function lines(text: string, column: ColumnSpec, bold = false): Paragraph[] {
  const centred = column.key === 'seq' || column.key === 'level';
  return text.split('\n').map(
    (line) =>
      new Paragraph({
        alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun(run(line, bold ? 'heading' : 'body', SIZES.wuhao))],
      }),
  );
}

function headerRow(columns: readonly ColumnSpec[], widths: readonly number[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map(
      (column, i) =>
        new TableCell({
          width: { size: widths[i] as number, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' },
          verticalAlign: VerticalAlignTable.CENTER,
          children: lines(column.header, { ...column, key: 'seq' }, true),
        }),
    ),
  });
}

function bodyRow(
  power: TablePower,
  row: ListRow,
  first: boolean,
  columns: readonly ColumnSpec[],
  widths: number[],
) {
  return new TableRow({
    children: columns.map((column, i) => {
      const merged = perPower(column) && power.rows.length > 1;
      const level = column.key === 'level' && row.level;
      return new TableCell({
        width: { size: widths[i] as number, type: WidthType.DXA },
        verticalAlign:
          perPower(column) || column.key === 'level' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
        ...(merged && { verticalMerge: first ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }),
        ...(level && { shading: { type: ShadingType.CLEAR, fill: LEVEL_TINTS[level], color: 'auto' } }),
        children: merged && !first ? [new Paragraph({})] : lines(cellText(power, row, column), column),
      });
    }),
  });
}

/**
 * Column widths in twips across the page, in proportion to what the columns hold, except that a
 * column never gets narrower than its header on one line (五号 is 210 twips a character, plus the
 * cell's padding): 序号 and 风险等级 hold little but must not wrap their header.
 */
function fitWidths(table: ListTable): number[] {
  const chars = columnWidths(table);
  const least = table.columns.map((c) => Math.ceil((displayWidth(c.header) / 2) * 210) + 230);
  const total = chars.reduce((a, b) => a + b, 0);
  const share = chars.map((w) => (w / total) * TEXT_WIDTH);
  const raised = share.map((w, i) => Math.max(w, least[i] as number));
  // What the raised columns took is given back by the others, in proportion to their width.
  const extra = raised.reduce((a, b) => a + b, 0) - TEXT_WIDTH;
  const free = share.reduce((sum, w, i) => (w > (least[i] as number) ? sum + w : sum), 0);
  return raised.map((w, i) => Math.floor(w > (least[i] as number) ? w - (extra * w) / free : w));
}

/**
 * The 一览表 as a Word section: A4 landscape, a 小标宋 title, the table in 仿宋 五号 with a shaded
 * header row repeated at the top of every page, power cells merged down over their rows, level
 * cells tinted, and the page number centred at the foot (公文 style "— 1 —"). `bookmark` names
 * the title for links (the booklet's contents).
 */
export function tableSection(table: ListTable, bookmark?: string): ISectionOptions {
  const title = new TextRun(run(table.title, 'title', SIZES.erhao));
  const widths = fitWidths(table);
  const rows = [headerRow(table.columns, widths)];
  for (const power of table.powers) {
    power.rows.forEach((row, i) => {
      rows.push(bodyRow(power, row, i === 0, table.columns, widths));
    });
  }
  return {
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 },
      },
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({
                font: FONTS.body,
                size: SIZES.xiaowu,
                children: ['— ', PageNumber.CURRENT, ' —'],
              }),
            ],
          }),
        ],
      }),
    },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [bookmark ? new Bookmark({ id: bookmark, children: [title] }) : title],
      }),
      new Table({ rows, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths }),
    ],
  };
}

/** The 一览表 as a .docx file of its own. */
export async function tableToDocx(table: ListTable): Promise<Uint8Array> {
  const doc = new Document({ ...properties(table.title), sections: [tableSection(table)] });
  return packDocx(doc);
}

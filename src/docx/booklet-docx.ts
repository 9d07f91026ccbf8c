import {
  AlignmentType,
  Document,
  InternalHyperlink,
  type ISectionOptions,
  LeaderType,
  PageBreak,
  Paragraph,
  TabStopType,
  TextRun,
} from 'docx';
import { displayWidth } from '../table/look.js';
import type { Table } from '../table/table.js';
import { packDocx } from './pack.js';
import { type PosterImage, posterSection } from './poster-docx.js';
import { A4, properties, run, SIZES, TWIPS_PER_MM } from './style.js';
import { tableSection } from './table-docx.js';

/** GB/T 9704 page: margins 37 (top), 35, 28 (left) and 26 mm leave a 156 × 225 mm text area. */
const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 };
const TEXT_WIDTH = A4.width - Math.round((MARGIN_MM.left + MARGIN_MM.right) * TWIPS_PER_MM);
const TEXT_HEIGHT_PT = (225 / 25.4) * 72;

// Every line of the contents has an exact height, so how much fits on a page is known here and
// the page numbers written into the contents are the ones Word and WPS will show. The break
// comes early (a safety margin below), so a substituted font that runs wider cannot push an entry
// onto the next page.
const ENTRY = { size: SIZES.sihao, line: 26, chars: 27 };
const DETAIL = { size: SIZES.wuhao, line: 18, chars: 40 };
const HEADING_PT = 40 + 36;
const SAFETY_PT = 48;

/** One line of the contents: what it names, where it links, and its page. */
interface ContentsEntry {
  readonly label: string;
  readonly detail: string;
  readonly bookmark: string;
  readonly page: number;
}

/** Lines a text takes at `chars` CJK characters a line (a Latin character counts half). */
function linesOf(text: string, chars: number): number {
  return Math.max(1, Math.ceil(displayWidth(text) / 2 / chars));
}

function entryHeight(entry: Omit<ContentsEntry, 'page'>): number {
  const detail = entry.detail ? linesOf(entry.detail, DETAIL.chars) * DETAIL.line : 0;
  // The title line ends in a leader and a page number: four characters of room.
  return linesOf(`${entry.label}    `, ENTRY.chars) * ENTRY.line + detail;
}

/** Entries split into pages of the contents, the first page under the heading. */
function paginate<T extends Omit<ContentsEntry, 'page'>>(entries: readonly T[]): T[][] {
  const pages: T[][] = [[]];
  let room = TEXT_HEIGHT_PT - SAFETY_PT - HEADING_PT;
  for (const entry of entries) {
    const height = entryHeight(entry);
    const page = pages[pages.length - 1] as T[];
    if (height > room && page.length > 0) {
      pages.push([entry]);
      room = TEXT_HEIGHT_PT - SAFETY_PT - height;
    } else {
      page.push(entry);
      room -= height;
    }
  }
  return pages;
}

function entryParagraphs(entry: ContentsEntry, breakBefore: boolean): Paragraph[] {
  const title = new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
    spacing: { line: ENTRY.line * 20, lineRule: 'exact' },
    children: [
      ...(breakBefore ? [new PageBreak()] : []),
      new InternalHyperlink({
        anchor: entry.bookmark,
        children: [new TextRun(run(entry.label, 'body', ENTRY.size))],
      }),
      new TextRun(run(`\t${entry.page}`, 'body', ENTRY.size)),
    ],
  });
  if (!entry.detail) return [title];
  const detail = new Paragraph({
    indent: { left: 480 },
    spacing: { line: DETAIL.line * 20, lineRule: 'exact' },
    children: [new TextRun(run(entry.detail, 'body', DETAIL.size, { color: '555555' }))],
  });
  return [title, detail];
}

/** The contents section: the booklet's title, 目录, and a linked line per poster and for the list. */
function contentsSection(title: string, pages: readonly ContentsEntry[][]): ISectionOptions {
  const heading = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 40 * 20, lineRule: 'exact' },
      children: [new TextRun(run(title, 'title', SIZES.erhao))],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 36 * 20, lineRule: 'exact' },
      children: [new TextRun(run('目　录', 'heading', SIZES.sanhao))],
    }),
  ];
  const body = pages.flatMap((page, p) =>
    page.flatMap((entry, i) => entryParagraphs(entry, p > 0 && i === 0)),
  );
  return {
    properties: {
      page: {
        size: { width: A4.width, height: A4.height },
        margin: {
          top: Math.round(MARGIN_MM.top * TWIPS_PER_MM),
          bottom: Math.round(MARGIN_MM.bottom * TWIPS_PER_MM),
          left: Math.round(MARGIN_MM.left * TWIPS_PER_MM),
          right: Math.round(MARGIN_MM.right * TWIPS_PER_MM),
        },
      },
    },
    children: [...heading, ...body],
  };
}

/** Options for {@link bookletToDocx}. */
export interface BookletDocOptions {
  /** Title on the contents page and in the document properties. */
  readonly title?: string;
}

/** The default title of a booklet: what offices call the bound set. */
export const BOOKLET_TITLE = '行政职权廉政风险防控图汇编';

/**
 * A whole office's posters as one Word document: a contents page (each line links to its poster
 * and gives its first page), each poster's pages at its own page size, and the 一览表 at the end
 * on landscape pages.
 *
 * @param posters - Each poster's pages, in order.
 */
export async function bookletToDocx(
  posters: readonly (readonly PosterImage[])[],
  table: Table,
  options: BookletDocOptions = {},
): Promise<Uint8Array> {
  const title = options.title ?? BOOKLET_TITLE;
  const firsts = posters.map((pages) => {
    const [first] = pages;
    if (!first) throw new RangeError('a poster of the booklet has no pages');
    return first;
  });
  const drafts = [
    ...firsts.map((p, i) => ({
      label: `${i + 1}．${p.name}`,
      detail: [p.category, p.codeLabel && `职权编码：${p.codeLabel}`].filter(Boolean).join('　'),
      bookmark: `poster_${i + 1}`,
    })),
    { label: table.title, detail: '', bookmark: 'list' },
  ];
  const pages = paginate(drafts);
  // Each entry's page: after the contents and every page of the posters before it.
  const starts = [0];
  for (const poster of posters) starts.push((starts.at(-1) as number) + poster.length);
  const numbered = pages.map((page) =>
    page.map((entry) => ({ ...entry, page: pages.length + 1 + (starts[drafts.indexOf(entry)] as number) })),
  );
  const doc = new Document({
    ...properties(title),
    sections: [
      contentsSection(title, numbered),
      ...posters.flatMap((pages, i) =>
        pages.map((page, p) =>
          posterSection(page, (starts[i] as number) + p + 1, p === 0 ? `poster_${i + 1}` : undefined),
        ),
      ),
      tableSection(table, 'list'),
    ],
  });
  return packDocx(doc);
}

import {
  Bookmark,
  Document,
  HorizontalPositionRelativeFrom,
  ImageRun,
  type ISectionOptions,
  Paragraph,
  TextRun,
  VerticalPositionRelativeFrom,
} from 'docx';
import { packDocx } from './pack.js';
import { properties, TWIPS_PER_PT } from './style.js';

/** A rendered poster, as the Word writers take it: both images of one page, and what it shows. */
export interface PosterImage {
  /** The poster as SVG (drawn by Word 2016+, WPS and LibreOffice, sharp at any zoom and in print). */
  readonly svg: string;
  /** The same page as PNG, for readers that do not draw SVG (Word 2013 and older). */
  readonly png: Uint8Array;
  /** Page size in points. */
  readonly width: number;
  readonly height: number;
  /** 职权名称, for the image's alternative text and the contents. */
  readonly name: string;
  /** Category and code as printed on the poster (may be empty), for the alternative text and contents. */
  readonly category: string;
  readonly codeLabel: string;
}

// Word sizes images in pixels of 96 per inch; a point is 1/72 inch.
const PX_PER_PT = 96 / 72;

/**
 * The poster as a page of its own size with no margins: the picture is anchored to the page's
 * corner behind the (empty, 1 pt) paragraph that holds it, so it fills the sheet exactly and
 * never pushes a blank page after it, as a full-page inline picture does. `drawing` numbers the
 * picture within its document (from 1, each once): left to docx, the number comes from a counter
 * shared by every document the process writes, so a poster's file would depend on what was
 * written before it.
 */
export function posterSection(poster: PosterImage, drawing: number, bookmark?: string): ISectionOptions {
  const image = new ImageRun({
    type: 'svg',
    data: new TextEncoder().encode(poster.svg),
    fallback: { type: 'png', data: poster.png },
    transformation: { width: poster.width * PX_PER_PT, height: poster.height * PX_PER_PT },
    altText: {
      id: String(drawing),
      name: poster.name,
      title: `${poster.name} 廉政风险防控图`,
      description: [
        poster.category,
        poster.codeLabel && `职权编码：${poster.codeLabel}`,
        `职权名称：${poster.name}`,
      ]
        .filter(Boolean)
        .join('，'),
    },
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.PAGE, offset: 0 },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PAGE, offset: 0 },
      behindDocument: true,
      allowOverlap: true,
    },
  });
  const tiny = { size: 2 };
  const children = bookmark
    ? [new Bookmark({ id: bookmark, children: [new TextRun({ text: '', ...tiny })] }), image]
    : [image];
  return {
    properties: {
      page: {
        size: {
          width: Math.round(poster.width * TWIPS_PER_PT),
          height: Math.round(poster.height * TWIPS_PER_PT),
        },
        margin: { top: 0, bottom: 0, left: 0, right: 0, header: 0, footer: 0 },
      },
    },
    children: [new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' }, children })],
  };
}

/**
 * One poster as a Word document: a page of the poster's size (A4, A3, …) filled by each of its
 * pages (most posters have one).
 */
export async function posterToDocx(pages: readonly PosterImage[]): Promise<Uint8Array> {
  const [first] = pages;
  if (!first) throw new RangeError('a poster document needs at least one page');
  const doc = new Document({
    ...properties(first.name),
    sections: pages.map((page, p) => posterSection(page, p + 1)),
  });
  return packDocx(doc);
}

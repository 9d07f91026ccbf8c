import { PAPER_SIZES_MM, PT_PER_MM } from '../scene/page.js';
import type { SceneMeta } from '../scene/scene.js';
import { asArtifact, childElement, type Element, markAs } from './pdf-tags.js';

/** One poster as the contents page lists it. */
export interface ContentsEntry {
  readonly meta: SceneMeta;
  /** 1-based page number of the poster in the booklet. */
  readonly page: number;
  /** Named destination of the poster's page, which the entry links to. */
  readonly destination: string;
}

/** One laid-out entry: the name in one or more lines at one size, then the code line. */
interface PlacedEntry {
  readonly entry: ContentsEntry;
  readonly nameLines: readonly string[];
  readonly nameSize: number;
  readonly height: number;
}

/** Type sizes and spacing of a contents page on A4 (pt); other sizes scale them. */
const A4_SIZES = { heading: 18, name: 11, minName: 8, code: 8.5, page: 11 } as const;
const A4_GAP = { afterHeading: 24, nameToCode: 2, entry: 9, numberColumn: 16 } as const;
const A4_MARGIN = 56;
const A4_WIDTH = PAPER_SIZES_MM.A4.width * PT_PER_MM;
const LINE = 1.35;

/** Geometry and type sizes of a contents page, in points. */
export interface ContentsPage {
  readonly width: number;
  readonly height: number;
  readonly margin: number;
  readonly sizes: { readonly [K in keyof typeof A4_SIZES]: number };
  readonly gap: { readonly [K in keyof typeof A4_GAP]: number };
}

/**
 * A contents page of the posters' size (`width` × `height` pt): the A4 design scaled with the
 * page's shorter side, so an A3 booklet's contents read like its posters, larger.
 */
export function contentsPage(width: number, height: number): ContentsPage {
  const k = Math.min(width, height) / A4_WIDTH;
  const scale = <T extends Record<string, number>>(o: T) =>
    Object.fromEntries(Object.entries(o).map(([key, v]) => [key, v * k])) as { [K in keyof T]: number };
  return { width, height, margin: A4_MARGIN * k, sizes: scale(A4_SIZES), gap: scale(A4_GAP) };
}
const COLOURS = { text: '#1a1a1a', muted: '#666666', rule: '#cccccc' } as const;

/** Characters a line must not start with / end with (the common Chinese line-breaking rules). */
const NO_START = new Set(Array.from('，。；：、？！）》」』”’'));
const NO_END = new Set(Array.from('（《「『“‘'));

/**
 * Greedy per-character wrap, used only for a name too long for one line at the smallest size.
 * A closing mark that would start a line pulls the previous character down with it, and an
 * opening mark never ends a line.
 */
function wrapChars(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  for (const ch of Array.from(text)) {
    if (line.length > 0 && doc.widthOfString(line.join('') + ch) > width) {
      const carry: string[] = [];
      while (line.length > 1 && (NO_START.has(carry[0] ?? ch) || NO_END.has(line[line.length - 1] ?? ''))) {
        carry.unshift(line.pop() as string);
      }
      lines.push(line.join(''));
      line = carry;
    }
    line.push(ch);
  }
  if (line.length > 0) lines.push(line.join(''));
  return lines;
}

/**
 * Fits a poster name into `width`: one line at the normal size, or one line at a size shrunk as
 * far as the smallest name size, or — only if still too long — several lines at that size.
 * Never truncates: every character of the name is printed.
 */
function placeEntry(
  doc: PDFKit.PDFDocument,
  page: ContentsPage,
  entry: ContentsEntry,
  width: number,
): PlacedEntry {
  doc.fontSize(page.sizes.name);
  const natural = doc.widthOfString(entry.meta.name);
  let nameSize: number = page.sizes.name;
  let nameLines = [entry.meta.name];
  if (natural > width) {
    nameSize = Math.max(page.sizes.minName, Math.floor(((page.sizes.name * width) / natural) * 10) / 10);
    doc.fontSize(nameSize);
    if (doc.widthOfString(entry.meta.name) > width) nameLines = wrapChars(doc, entry.meta.name, width);
  }
  const height = nameLines.length * nameSize * LINE + page.gap.nameToCode + page.sizes.code * LINE;
  return { entry, nameLines, nameSize, height };
}

/** The code line under a name: category and code label. */
function codeLine(meta: SceneMeta): string {
  return [meta.category, meta.codeLabel].filter((s) => s !== '').join('　');
}

/**
 * Lays the contents out into pages without drawing, so the booklet knows how many pages the
 * contents take before it numbers the posters.
 *
 * @param font - The registered pdfkit font the contents are set in.
 * @param pageOf - The page number of poster `i` once the contents take `contentsPages` pages.
 */
export function planContents(
  doc: PDFKit.PDFDocument,
  page: ContentsPage,
  font: string,
  metas: readonly SceneMeta[],
  pageOf: (i: number, contentsPages: number) => number,
): (contentsPages: number) => PlacedEntry[][] {
  return (contentsPages) => {
    doc.font(font);
    const numberWidth = Math.max(
      ...metas.map((_, i) => doc.fontSize(page.sizes.page).widthOfString(String(pageOf(i, contentsPages)))),
    );
    const nameWidth = page.width - 2 * page.margin - numberWidth - page.gap.numberColumn;
    const pages: PlacedEntry[][] = [[]];
    let y = page.margin + page.sizes.heading * LINE + page.gap.afterHeading;
    metas.forEach((meta, i) => {
      const entry = { meta, page: pageOf(i, contentsPages), destination: posterDestination(i) };
      const placed = placeEntry(doc, page, entry, nameWidth);
      if (y + placed.height > page.height - page.margin && (pages[pages.length - 1]?.length ?? 0) > 0) {
        pages.push([]);
        y = page.margin;
      }
      pages[pages.length - 1]?.push(placed);
      y += placed.height + page.gap.entry;
    });
    return pages;
  };
}

/** The named destination of poster `i` (0-based): stable, so links survive re-rendering. */
export function posterDestination(i: number): string {
  return `poster-${i + 1}`;
}

/**
 * Draws the planned contents pages: a heading on the first, then per poster its name (linked to
 * its page), category and code, and its page number at the right margin.
 */
export function drawContents(
  doc: PDFKit.PDFDocument,
  page: ContentsPage,
  font: string,
  pages: readonly PlacedEntry[][],
  heading: string,
  parent: Element,
): void {
  const right = page.width - page.margin;
  const toc = childElement(doc, parent, 'TOC');
  pages.forEach((entries, p) => {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    doc.font(font);
    let y = page.margin;
    if (p === 0) {
      markAs(doc, childElement(doc, parent, 'H1'), () => {
        doc.fontSize(page.sizes.heading).fillColor(COLOURS.text);
        doc.text(heading, page.margin, y + page.sizes.heading, { lineBreak: false, baseline: 'alphabetic' });
      });
      y += page.sizes.heading * LINE + page.gap.afterHeading;
    }
    for (const placed of entries) {
      markAs(doc, childElement(doc, toc, 'TOCI'), () => drawEntry(doc, page, placed, y, right));
      const ruleY = y + placed.height + page.gap.entry / 2;
      asArtifact(doc, () => {
        doc.lineWidth(0.4).undash().moveTo(page.margin, ruleY).lineTo(right, ruleY).stroke(COLOURS.rule);
      });
      y += placed.height + page.gap.entry;
    }
  });
}

/** One contents entry at `y`: its name (linked to its page), page number and code line. */
function drawEntry(
  doc: PDFKit.PDFDocument,
  page: ContentsPage,
  placed: PlacedEntry,
  y: number,
  right: number,
): void {
  const { entry, nameLines, nameSize } = placed;
  doc.fontSize(nameSize).fillColor(COLOURS.text);
  nameLines.forEach((line, i) => {
    const baseline = y + (i + 1) * nameSize * LINE - (LINE - 1) * nameSize;
    doc.text(line, page.margin, baseline, {
      lineBreak: false,
      baseline: 'alphabetic',
      goTo: entry.destination,
    });
  });
  const number = String(entry.page);
  doc.fontSize(page.sizes.page);
  const firstBaseline = y + nameSize * LINE - (LINE - 1) * nameSize;
  doc.text(number, right - doc.widthOfString(number), firstBaseline, {
    lineBreak: false,
    baseline: 'alphabetic',
    goTo: entry.destination,
  });
  const codeBaseline = y + nameLines.length * nameSize * LINE + page.gap.nameToCode + page.sizes.code;
  doc.fontSize(page.sizes.code).fillColor(COLOURS.muted);
  doc.text(codeLine(entry.meta), page.margin, codeBaseline, { lineBreak: false, baseline: 'alphabetic' });
}

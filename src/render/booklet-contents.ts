import { PAGE_SIZES_MM, PT_PER_MM } from '../scene/page.js';
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

/** Geometry and type sizes of a contents page (A4 portrait, points). */
const PAGE = {
  width: PAGE_SIZES_MM.A4.width * PT_PER_MM,
  height: PAGE_SIZES_MM.A4.height * PT_PER_MM,
  margin: 56,
} as const;
const SIZES = { heading: 18, name: 11, minName: 8, code: 8.5, page: 11 } as const;
const GAP = { afterHeading: 24, nameToCode: 2, entry: 9, numberColumn: 16 } as const;
const LINE = 1.35;
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
 * far as {@link SIZES.minName}, or — only if still too long — several lines at that size.
 * Never truncates: every character of the name is printed.
 */
function placeEntry(doc: PDFKit.PDFDocument, entry: ContentsEntry, width: number): PlacedEntry {
  doc.fontSize(SIZES.name);
  const natural = doc.widthOfString(entry.meta.name);
  let nameSize: number = SIZES.name;
  let nameLines = [entry.meta.name];
  if (natural > width) {
    nameSize = Math.max(SIZES.minName, Math.floor(((SIZES.name * width) / natural) * 10) / 10);
    doc.fontSize(nameSize);
    if (doc.widthOfString(entry.meta.name) > width) nameLines = wrapChars(doc, entry.meta.name, width);
  }
  const height = nameLines.length * nameSize * LINE + GAP.nameToCode + SIZES.code * LINE;
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
  font: string,
  metas: readonly SceneMeta[],
  pageOf: (i: number, contentsPages: number) => number,
): (contentsPages: number) => PlacedEntry[][] {
  return (contentsPages) => {
    doc.font(font);
    const numberWidth = Math.max(
      ...metas.map((_, i) => doc.fontSize(SIZES.page).widthOfString(String(pageOf(i, contentsPages)))),
    );
    const nameWidth = PAGE.width - 2 * PAGE.margin - numberWidth - GAP.numberColumn;
    const pages: PlacedEntry[][] = [[]];
    let y = PAGE.margin + SIZES.heading * LINE + GAP.afterHeading;
    metas.forEach((meta, i) => {
      const entry = { meta, page: pageOf(i, contentsPages), destination: posterDestination(i) };
      const placed = placeEntry(doc, entry, nameWidth);
      if (y + placed.height > PAGE.height - PAGE.margin && (pages[pages.length - 1]?.length ?? 0) > 0) {
        pages.push([]);
        y = PAGE.margin;
      }
      pages[pages.length - 1]?.push(placed);
      y += placed.height + GAP.entry;
    });
    return pages;
  };
}

/** The named destination of poster `i` (0-based): stable, so links survive re-rendering. */
export function posterDestination(i: number): string {
  return `poster-${i + 1}`;
}

/** Size of a contents page in points. */
export const CONTENTS_PAGE_SIZE: readonly [number, number] = [PAGE.width, PAGE.height];

/**
 * Draws the planned contents pages: a heading on the first, then per poster its name (linked to
 * its page), category and code, and its page number at the right margin.
 */
export function drawContents(
  doc: PDFKit.PDFDocument,
  font: string,
  pages: readonly PlacedEntry[][],
  heading: string,
  parent: Element,
): void {
  const right = PAGE.width - PAGE.margin;
  const toc = childElement(doc, parent, 'TOC');
  pages.forEach((entries, p) => {
    doc.addPage({ size: [...CONTENTS_PAGE_SIZE], margin: 0 });
    doc.font(font);
    let y = PAGE.margin;
    if (p === 0) {
      markAs(doc, childElement(doc, parent, 'H1'), () => {
        doc.fontSize(SIZES.heading).fillColor(COLOURS.text);
        doc.text(heading, PAGE.margin, y + SIZES.heading, { lineBreak: false, baseline: 'alphabetic' });
      });
      y += SIZES.heading * LINE + GAP.afterHeading;
    }
    for (const placed of entries) {
      markAs(doc, childElement(doc, toc, 'TOCI'), () => drawEntry(doc, placed, y, right));
      const ruleY = y + placed.height + GAP.entry / 2;
      asArtifact(doc, () => {
        doc.lineWidth(0.4).undash().moveTo(PAGE.margin, ruleY).lineTo(right, ruleY).stroke(COLOURS.rule);
      });
      y += placed.height + GAP.entry;
    }
  });
}

/** One contents entry at `y`: its name (linked to its page), page number and code line. */
function drawEntry(doc: PDFKit.PDFDocument, placed: PlacedEntry, y: number, right: number): void {
  const { entry, nameLines, nameSize } = placed;
  doc.fontSize(nameSize).fillColor(COLOURS.text);
  nameLines.forEach((line, i) => {
    const baseline = y + (i + 1) * nameSize * LINE - (LINE - 1) * nameSize;
    doc.text(line, PAGE.margin, baseline, {
      lineBreak: false,
      baseline: 'alphabetic',
      goTo: entry.destination,
    });
  });
  const number = String(entry.page);
  doc.fontSize(SIZES.page);
  const firstBaseline = y + nameSize * LINE - (LINE - 1) * nameSize;
  doc.text(number, right - doc.widthOfString(number), firstBaseline, {
    lineBreak: false,
    baseline: 'alphabetic',
    goTo: entry.destination,
  });
  const codeBaseline = y + nameLines.length * nameSize * LINE + GAP.nameToCode + SIZES.code;
  doc.fontSize(SIZES.code).fillColor(COLOURS.muted);
  doc.text(codeLine(entry.meta), PAGE.margin, codeBaseline, { lineBreak: false, baseline: 'alphabetic' });
}

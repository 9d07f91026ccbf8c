import type { FontSet } from '../fonts/font-set.js';
import { type Scene, type SceneBox, type SceneLine, unknownKind } from '../scene/scene.js';
import { formatNumber } from './format.js';
import { bandPath, boxDrawing, cornerRadius, type DrawnBox, isPaint, lineGeometry } from './geometry.js';
import { assertRunWidth, runAdvance } from './glyphs.js';
import type { PdfFontBook } from './pdf-fonts.js';
import { asArtifact, type Element, posterTagger } from './pdf-tags.js';
import { resolveSceneFaces } from './scene-fonts.js';
import { assertRunText } from './text-check.js';

/** Traces a box outline as the current path. */
function boxOutline(doc: PDFKit.PDFDocument, box: DrawnBox): void {
  const r = cornerRadius(box);
  if (r > 0) doc.roundedRect(box.x, box.y, box.width, box.height, r);
  else doc.rect(box.x, box.y, box.width, box.height);
}

/** Sets the dash pattern; SVG's semantics (all zeros = solid) for every pattern. */
function setDash(doc: PDFKit.PDFDocument, dash: readonly number[]): void {
  if (dash.length === 0 || dash.every((d) => d === 0)) doc.undash();
  // pdfkit takes an array of lengths; @types/pdfkit only declares the single-number form.
  else if (dash.every((d) => d > 0)) doc.dash([...dash] as unknown as number, {});
  // pdfkit rejects zero-length dashes, which PDF and SVG allow (dots with round caps).
  else doc.addContent(`[${dash.map((d) => formatNumber(d)).join(' ')}] 0 d`);
}

/** Draws one box as {@link boxDrawing} says, as the SVG renderer does. */
function drawBox(doc: PDFKit.PDFDocument, box: SceneBox): void {
  const drawing = boxDrawing(box);
  switch (drawing.kind) {
    case 'nothing':
      return;
    case 'painted':
      drawPainted(doc, drawing.box);
      return;
    default:
      unknownKind(drawing, 'drawing');
  }
}

/** A painted box in the same layers as the SVG renderer: fill, band, outline. */
function drawPainted(doc: PDFKit.PDFDocument, box: DrawnBox): void {
  if (isPaint(box.fill)) {
    boxOutline(doc, box);
    doc.fill(box.fill);
  }
  const band = bandPath(box);
  if (box.band && band !== '' && isPaint(box.band.fill)) doc.path(band).fill(box.band.fill);
  if (isPaint(box.stroke) && box.strokeWidth > 0) {
    doc.lineWidth(box.strokeWidth);
    setDash(doc, box.dash);
    boxOutline(doc, box);
    doc.stroke(box.stroke);
  }
}

/** Draws a line's stem (with its hops) and arrow head (geometry shared with the SVG renderer). */
function drawLine(doc: PDFKit.PDFDocument, line: SceneLine): void {
  if (!isPaint(line.stroke) || line.width <= 0) return;
  const { stem, head, path } = lineGeometry(line);
  const [first, ...rest] = stem;
  if (!first) return;
  doc.lineWidth(line.width).undash();
  // A line with hops is the SVG renderer's very path (pdfkit reads SVG path data).
  if (path !== undefined) doc.path(path);
  else {
    doc.moveTo(first[0], first[1]);
    for (const [x, y] of rest) doc.lineTo(x, y);
  }
  doc.stroke(line.stroke);
  if (head) doc.polygon(...head.map(([x, y]) => [x, y])).fill(line.stroke);
}

/**
 * Adds one page of the Scene's size to `doc` and draws the Scene on it: background, boxes,
 * lines, then text as real (selectable, searchable) text in embedded subset fonts. Shared by the
 * single-poster PDF and the booklet, so both draw a poster identically.
 *
 * Tagged: the shapes are layout artifacts; each text run is marked content of its element in
 * the poster's structure, built under `parent` (see {@link posterTagger}).
 *
 * Text: pdfkit's `y` is normally the top of the line box (it adds ascender/1000 × size); with
 * `baseline: 'alphabetic'` it is the baseline itself, which is what the Scene gives, so no
 * ascender arithmetic (and no rounding of it) is needed.
 *
 * @throws Error for the font and text problems listed under `renderSceneSvg`.
 */
export function drawScenePage(
  doc: PDFKit.PDFDocument,
  scene: Scene,
  fonts: FontSet,
  fontBook: PdfFontBook,
  parent: Element,
): void {
  // PDF strings could hold control characters, but the same Scene should fail the same way in
  // every format rather than give a PDF and no SVG.
  scene.texts.forEach(assertRunText);
  const faces = resolveSceneFaces(scene, fonts);
  const { width, height } = scene.page;
  doc.addPage({ size: [width, height], margin: 0 });
  asArtifact(doc, () => {
    if (isPaint(scene.background)) doc.rect(0, 0, width, height).fill(scene.background);
    for (const box of scene.boxes) drawBox(doc, box);
    for (const line of scene.lines) drawLine(doc, line);
  });
  const tag = posterTagger(doc, scene, parent);
  for (const run of scene.texts) {
    const face = faces.face(run.font);
    assertRunWidth(run, runAdvance(face, run), face);
    const text = run.text.replace(INVISIBLE, '');
    if (text === '') continue;
    tag(run, () => {
      doc
        .font(fontBook(face))
        .fontSize(run.size)
        .fillColor(run.color)
        .text(text, run.x, run.y, { lineBreak: false, baseline: 'alphabetic' });
    });
  }
}

/**
 * Invisible format characters (zero-width space and joiners, word joiner, BOM, bidi marks):
 * fontkit shapes them to nothing, so the layout measured them as zero wide and the SVG draws
 * nothing, but pdfkit would draw the font's missing-glyph box, a full em wide. They are left out
 * of the PDF. Variation selectors stay: they choose a glyph rather than being drawn.
 */
const INVISIBLE = /(?![\uFE00-\uFE0F\u{E0100}-\u{E01EF}])\p{Default_Ignorable_Code_Point}/gu;

import type { Span } from '../text/index.js';
import type { BoxContent, TextPiece } from './box-content.js';
import type { SceneBox, SceneLine, SceneText, TextRole } from './scene.js';

/** Collects boxes, lines and text runs in drawing order while the poster is assembled. */
export class SceneBuilder {
  readonly boxes: SceneBox[] = [];
  readonly lines: SceneLine[] = [];
  readonly texts: SceneText[] = [];
  /** Paragraphs (reading units) numbered so far; see `SceneText.paragraph`. */
  #paragraphs = 0;

  /** Adds a box and returns its index (texts and badges refer to it). */
  box(box: SceneBox): number {
    this.boxes.push(box);
    return this.boxes.length - 1;
  }

  /**
   * Places a text piece's runs, relative to the box at (`x`, `y`). The piece is a new paragraph
   * (a list, one per item) unless `continues` is set: then its runs read on from the last
   * paragraph placed, as a level badge's 高 does after `风险等级：`.
   */
  text(piece: TextPiece, x: number, y: number, box: number, continues = false): void {
    let paragraph = continues && this.#paragraphs > 0 ? this.#paragraphs - 1 : -1;
    let item: number | undefined;
    for (const line of piece.block.lines) {
      if (paragraph < 0 || line.item !== item) {
        paragraph = this.#paragraphs++;
        item = line.item;
      }
      for (const span of line.spans) {
        this.texts.push({
          text: span.text,
          x: x + piece.dx + line.x + span.x,
          y: y + piece.dy + line.baseline,
          width: span.width,
          font: span.font,
          size: piece.size,
          color: piece.color,
          box,
          paragraph,
          role: roleOf(piece, span, line.item),
        });
      }
    }
  }

  /** Places every text of a box's content. */
  content(content: Pick<BoxContent, 'texts'>, x: number, y: number, box: number): void {
    for (const piece of content.texts) this.text(piece, x, y, box);
  }

  line(line: SceneLine): void {
    this.lines.push(line);
  }
}

function roleOf(piece: TextPiece, span: Span, item: number | undefined): TextRole {
  if (span.label) return 'label';
  if (item !== undefined) return 'item';
  return piece.role ?? 'text';
}

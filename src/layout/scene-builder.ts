import type { BoxContent, TextPiece } from './box-content.js';
import type { SceneBox, SceneLine, SceneText } from './scene.js';

/** Collects boxes, lines and text runs in drawing order while the poster is assembled. */
export class SceneBuilder {
  readonly boxes: SceneBox[] = [];
  readonly lines: SceneLine[] = [];
  readonly texts: SceneText[] = [];

  /** Adds a box and returns its index (texts and badges refer to it). */
  box(box: SceneBox): number {
    this.boxes.push(box);
    return this.boxes.length - 1;
  }

  /** Places a text piece's runs, relative to the box at (`x`, `y`). */
  text(piece: TextPiece, x: number, y: number, box: number): void {
    for (const line of piece.block.lines) {
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

import type { SceneBox, SceneLine, SceneText, TextRole } from '../scene/scene.js';
import type { Span } from '../text/index.js';
import type { BoxContent, TextPiece } from './box-content.js';

/**
 * The ids the layout gives boxes and lines. They depend only on what a thing is (stage 3's risk
 * box is `risk-3`), never on a counter across the whole poster, so they are stable between runs
 * and a Scene diff shows what moved rather than a renumbering.
 */
export const sceneIds = {
  title: 'title',
  meta: 'meta',
  legend: 'legend',
  footer: 'footer',
  stage: (row: number) => `stage-${row}`,
  /** The risk box of stage `row`, or of an exit (given its id: an exit's own box). */
  risk: (row: number | string) => (typeof row === 'number' ? `risk-${row}` : `${row}-risk`),
  /** The control box of stage `row`, or of an exit (given its id). */
  control: (row: number | string) => (typeof row === 'number' ? `control-${row}` : `${row}-control`),
  /** The swatch of one level in the legend. */
  swatch: (level: string) => `swatch-${level}`,
  /** The level badge inside a risk box or a swatch. */
  badge: (parent: string) => `${parent}-badge`,
  /** The flow line leaving stage `row` for the next. */
  flow: (row: number) => `flow-${row}`,
  /** The end terminal of branch `k` of stage `row` (an exit). */
  exit: (row: number, k: number) => `exit-${row}-${k}`,
  /** The arrow of branch `k` of stage `row` to an exit or another stage. */
  branch: (row: number, k: number) => `branch-${row}-${k}`,
  /** The condition (条件) of branch `k` of stage `row`, beside its arrow. */
  label: (row: number, k: number) => `label-${row}-${k}`,
  /**
   * On the page of the stage a loop or jump (branch `k` of stage `row`) enters, when it leaves
   * from another page: the arrow from its stub into the stage, and the stub.
   */
  branchIn: (row: number, k: number) => `branch-${row}-${k}-in`,
  /** The condition (条件) of optional stage `row`, beside the flow arrow into it. */
  optionalLabel: (row: number) => `label-${row}-optional`,
  labelIn: (row: number, k: number) => `label-${row}-${k}-in`,
  /** The connector from a side box to its stage. */
  connector: (side: string) => `connector-${side}`,
  /** Where the flow goes on to the next page (接下页) or comes from the previous one (接上页): the label's area. */
  continuation: (direction: 'next' | 'previous') => `continuation-${direction}`,
  /** The arrow to or from that label. */
  continuationLine: (direction: 'next' | 'previous') => `continuation-${direction}-line`,
} as const;

/** Collects boxes, lines and text runs in drawing order while the poster is assembled. */
export class SceneBuilder {
  readonly boxes: SceneBox[] = [];
  readonly lines: SceneLine[] = [];
  readonly texts: SceneText[] = [];
  /** Runs placed so far in each box: a run's id is its box's id and its number in the box. */
  readonly #runs = new Map<string, number>();
  /** Paragraphs (reading units) numbered so far; see `SceneText.paragraph`. */
  #paragraphs = 0;

  /** Adds a box and returns its id (texts and badges refer to it). */
  box(box: SceneBox): string {
    this.boxes.push(box);
    return box.id;
  }

  /**
   * Places a text piece's runs, relative to the box at (`x`, `y`). The piece is a new paragraph
   * (a list, one per item) unless `continues` is set: then its runs read on from the last
   * paragraph placed, as a level badge's 高 does after `风险等级：`.
   */
  text(piece: TextPiece, x: number, y: number, box: string, continues = false): void {
    let paragraph = continues && this.#paragraphs > 0 ? this.#paragraphs - 1 : -1;
    let item: number | undefined;
    for (const line of piece.block.lines) {
      if (paragraph < 0 || line.item !== item) {
        paragraph = this.#paragraphs++;
        item = line.item;
      }
      for (const span of line.spans) {
        const n = this.#runs.get(box) ?? 0;
        this.#runs.set(box, n + 1);
        this.texts.push({
          id: `${box}.${n}`,
          box,
          text: span.text,
          x: x + piece.dx + line.x + span.x,
          y: y + piece.dy + line.baseline,
          width: span.width,
          font: span.font,
          size: piece.size,
          color: piece.color,
          paragraph,
          role: roleOf(piece, span, line.item),
        });
      }
    }
  }

  /** Places every text of a box's content. */
  content(content: Pick<BoxContent, 'texts'>, x: number, y: number, box: string): void {
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

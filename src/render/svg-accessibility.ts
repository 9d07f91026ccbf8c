import type { Scene, SceneBox, SceneText } from '../scene/scene.js';
import { outerBoxes, stageOf } from './scene-boxes.js';

/** One reading unit of the poster: its runs (drawn as they are) and its words for a reader. */
export interface TextParagraph {
  readonly kind: 'paragraph';
  readonly runs: readonly SceneText[];
  /** The paragraph's words, its lines joined (see {@link joinLines}). */
  readonly text: string;
  /** True for a list item (its number and words); drawn with `role="listitem"`. */
  readonly item: boolean;
}

/** Consecutive list items of a box (risks, measures): drawn as a `<g role="list">`. */
export interface TextList {
  readonly kind: 'list';
  readonly children: readonly TextParagraph[];
}

/** A node of the poster's text tree. */
export type TextNode = TextGroup | TextList | TextParagraph;

/** A labelled group of paragraphs and groups: a stage, a risk box, a control box. */
export interface TextGroup {
  readonly kind: 'group';
  /** `stage`, `risk` or `control`: the SVG class of the group. */
  readonly className: string;
  /** What a screen reader announces for the group: the stage's name, 风险点, 防控措施. */
  readonly label: string;
  readonly children: readonly TextNode[];
}

/** Letters and digits of scripts that separate words with spaces. */
const SPACED = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]/u;

/**
 * The words of a paragraph's lines. The layout drops the space a line was broken at; between
 * two Chinese characters there was none, so lines join directly, but where both sides are
 * Latin (or Greek, Cyrillic, digits) the break was at a space, which is put back so `Excel`
 * and `表格` or `two words` do not run together.
 */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) text += breakSpace(text, line) + line;
  return text;
}

/** The space a line break between `before` and `after` stands for: `' '` or nothing. */
export function breakSpace(before: string, after: string): string {
  const last = [...before].at(-1);
  const first = [...after][0];
  return last && first && SPACED.test(last) && SPACED.test(first) ? ' ' : '';
}

/** A paragraph's runs grouped into lines (runs on one baseline), joined into its words. */
function paragraphText(runs: readonly SceneText[]): string {
  const lines: string[] = [];
  let y: number | undefined;
  for (const run of runs) {
    if (run.y === y) lines[lines.length - 1] += run.text;
    else lines.push(run.text);
    y = run.y;
  }
  return joinLines(lines);
}

/**
 * The poster's text as a reader meets it: title and meta lines, then one group per stage —
 * labelled with the stage's name — holding the stage's name and a group for its risk box and
 * its control box (their items as a list), then the legend and footer. Each paragraph (a list
 * item with its number and wrapped lines, a level line with its badge) is one unit, so a screen
 * reader reads items whole, and search and selection find words across a line break.
 */
export function textTree(scene: Scene): TextNode[] {
  const paragraphs = new Map<number, SceneText[]>();
  for (const run of scene.texts) {
    const runs = paragraphs.get(run.paragraph) ?? [];
    runs.push(run);
    paragraphs.set(run.paragraph, runs);
  }
  const outerBox = outerBoxes(scene);
  const top: TextNode[] = [];
  const stages = new Map<string, TextNode[]>();
  const sides = new Map<SceneBox, TextNode[]>();
  for (const runs of paragraphs.values()) {
    const item = runs.some((r) => r.role === 'item' || r.role === 'label');
    const paragraph: TextParagraph = { kind: 'paragraph', runs, text: paragraphText(runs), item };
    const box = outerBox((runs[0] as SceneText).box);
    const stageId = box && stageOf(box);
    if (!box || stageId === undefined) {
      top.push(paragraph);
      continue;
    }
    let stage = stages.get(stageId);
    if (!stage) {
      stage = [];
      stages.set(stageId, stage);
      top.push({ kind: 'group', className: 'stage', label: stageName(scene, stageId), children: stage });
    }
    if (box.kind !== 'risk' && box.kind !== 'control') {
      stage.push(paragraph);
      continue;
    }
    let side = sides.get(box);
    if (!side) {
      side = [];
      sides.set(box, side);
      stage.push({
        kind: 'group',
        className: box.kind,
        label: box.kind === 'risk' ? '风险点' : '防控措施',
        children: side,
      });
    }
    const last = side.at(-1);
    if (!item) side.push(paragraph);
    else if (last?.kind === 'list') (last.children as TextParagraph[]).push(paragraph);
    else side.push({ kind: 'list', children: [paragraph] });
  }
  return top;
}

/** The words of the stage box `id`. */
function stageName(scene: Scene, id: string): string {
  return paragraphText(scene.texts.filter((t) => t.box === id));
}

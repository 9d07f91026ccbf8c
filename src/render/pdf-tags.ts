import type { Scene, SceneBox, SceneText } from '../scene/scene.js';
import { outerBoxes, stageOf } from './scene-boxes.js';

/** A structure element with its type, which its marked content is tagged with too. */
export interface Element {
  readonly element: PDFKit.PDFStructureElement;
  readonly type: string;
}

/** The root `Document` element of a tagged document. */
export function documentElement(doc: PDFKit.PDFDocument): Element {
  const element = doc.struct('Document');
  doc.addStructure(element);
  return { element, type: 'Document' };
}

/** A new structure element of `type`, appended to `parent`'s children. */
export function childElement(doc: PDFKit.PDFDocument, parent: Element, type: string): Element {
  const element = doc.struct(type);
  parent.element.add(element);
  return { element, type };
}

/**
 * Draws `draw`'s output as marked content filed under `element` in the structure tree, so
 * assistive technology and text extraction read it as part of that element.
 */
export function markAs(doc: PDFKit.PDFDocument, { element, type }: Element, draw: () => void): void {
  const content = doc.markStructureContent(type);
  draw();
  doc.endMarkedContent();
  element.add(content);
}

/** Draws `draw`'s output as a layout artifact: boxes, rules and arrows are not content. */
export function asArtifact(doc: PDFKit.PDFDocument, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Layout' });
  draw();
  doc.endMarkedContent();
}

/**
 * The structure of one poster, built in reading order as its text runs are drawn:
 *
 * ```
 * (parent) ── H1 title · P category · P code · P name
 *          ── Sect per stage ── H2 stage name
 *                            ── Div risk ── H3 风险点 · L ── LI ── Lbl 1. · LBody item … · P 风险等级：高
 *                            ── Div control ── H3 防控措施 · P intro · L … · P 责任人：…
 *          ── P legend entries · P footer
 * ```
 *
 * A paragraph of the Scene (an item with its wrapped lines, a level line with its badge) is one
 * element, so a reader gets each item whole, numbered, in its stage.
 *
 * @returns A function that draws one run (through `draw`) as content of its element.
 */
export function posterTagger(
  doc: PDFKit.PDFDocument,
  scene: Scene,
  parent: Element,
): (run: SceneText, draw: () => void) => void {
  const outerBox = outerBoxes(scene);
  const sections = new Map<string, Element>();
  const divs = new Map<SceneBox, Element>();
  const lists = new Map<Element, Element>();
  const paragraphs = new Map<number, Element>();
  const items = new Map<number, { label?: Element; body?: Element; item: Element }>();

  const child = (into: Element, type: string): Element => childElement(doc, into, type);
  const section = (stage: string): Element => {
    let sect = sections.get(stage);
    if (!sect) {
      sect = child(parent, 'Sect');
      sections.set(stage, sect);
    }
    return sect;
  };
  /** Where a run's paragraph goes: the poster, its stage's Sect, or a side box's Div. */
  const container = (box: SceneBox | undefined): Element => {
    const stage = box && stageOf(box);
    if (!box || stage === undefined) return parent;
    if (box.kind !== 'risk' && box.kind !== 'control') return section(stage);
    let div = divs.get(box);
    if (!div) {
      div = child(section(stage), 'Div');
      divs.set(box, div);
    }
    return div;
  };
  const listItem = (into: Element, run: SceneText) => {
    let entry = items.get(run.paragraph);
    if (!entry) {
      let list = lists.get(into);
      if (!list) {
        list = child(into, 'L');
        lists.set(into, list);
      }
      entry = { item: child(list, 'LI') };
      items.set(run.paragraph, entry);
    }
    const part = run.role === 'label' ? 'label' : 'body';
    const element = entry[part] ?? child(entry.item, part === 'label' ? 'Lbl' : 'LBody');
    entry[part] = element;
    return element;
  };
  const paragraph = (into: Element, box: SceneBox | undefined, run: SceneText): Element => {
    let element = paragraphs.get(run.paragraph);
    if (!element) {
      const type =
        run.role === 'heading' ? 'H3' : box?.kind === 'title' ? 'H1' : box?.kind === 'stage' ? 'H2' : 'P';
      element = child(into, type);
      paragraphs.set(run.paragraph, element);
    }
    return element;
  };

  return (run, draw) => {
    const box = outerBox(run.box);
    const into = container(box);
    const element =
      run.role === 'label' || run.role === 'item' ? listItem(into, run) : paragraph(into, box, run);
    markAs(doc, element, draw);
  };
}

import { type Scene, type SceneBox, unknownKind } from '../scene/scene.js';

/**
 * Looks up the box a text run ultimately sits in: a badge's outermost box (the risk box a level
 * badge is in, the legend a swatch's badge is in), else the run's own box. Renderers group text
 * by it.
 *
 * @returns A function from a box id to that box, `undefined` for an id no box has.
 */
export function outerBoxes(scene: Scene): (id: string) => SceneBox | undefined {
  const byId = new Map(scene.boxes.map((box) => [box.id, box]));
  return (id) => {
    let box = byId.get(id);
    // The depth bound guards against a Scene whose parents form a cycle (validateScene refuses
    // one, but a renderer can be handed a Scene that was never validated).
    for (let depth = 0; box && depth < byId.size; depth++) {
      const parent = parentOf(box);
      if (parent === undefined) break;
      box = byId.get(parent);
    }
    return box;
  };
}

/** The id of the box `box` sits in, for kinds that name one. */
function parentOf(box: SceneBox): string | undefined {
  switch (box.kind) {
    case 'swatch':
    case 'badge':
      return box.parent;
    case 'title':
    case 'meta':
    case 'legend':
    case 'footer':
    case 'continuation':
    case 'stage':
    case 'risk':
    case 'control':
    case 'exit':
    case 'label':
      return undefined;
    default:
      return unknownKind(box, 'box');
  }
}

/** The id of the stage a box belongs to: a stage is its own, a side box names its stage. */
export function stageOf(box: SceneBox): string | undefined {
  switch (box.kind) {
    case 'stage':
      return box.id;
    case 'risk':
    case 'control':
    case 'exit':
      return box.stage;
    case 'title':
    case 'meta':
    case 'legend':
    case 'footer':
    case 'continuation':
    case 'swatch':
    case 'badge':
    case 'label':
      return undefined;
    default:
      return unknownKind(box, 'box');
  }
}

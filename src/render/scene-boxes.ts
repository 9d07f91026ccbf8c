import type { Scene, SceneBox } from '../layout/scene.js';

/**
 * The box a text run ultimately sits in: a badge's outermost parent (the risk box a level badge
 * is in, the legend a swatch is in), else the run's own box. Renderers group text by it.
 */
export function outerBox(scene: Scene, index: number): SceneBox | undefined {
  let box = scene.boxes[index];
  // The depth bound guards against a malformed Scene whose parents form a cycle.
  for (let depth = 0; box?.parent !== undefined && depth < scene.boxes.length; depth++) {
    box = scene.boxes[box.parent];
  }
  return box;
}

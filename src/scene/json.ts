import type { Scene } from './scene.js';

/**
 * A Scene as JSON text a person can read and diff: one line per field of the Scene, one line per
 * box, line, text run and warning. `JSON.parse` gives the Scene back.
 */
export function sceneToJson(scene: Scene): string {
  const fields = Object.entries(scene).map(([key, value]) => {
    const name = JSON.stringify(key);
    if (!Array.isArray(value)) return ` ${name}: ${JSON.stringify(value)}`;
    if (value.length === 0) return ` ${name}: []`;
    return ` ${name}: [\n${value.map((item) => `  ${JSON.stringify(item)}`).join(',\n')}\n ]`;
  });
  return `{\n${fields.join(',\n')}\n}\n`;
}

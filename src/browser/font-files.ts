import { wasmBytes } from './assets.js';

/**
 * The browser build's `src/fonts/files.ts` (swapped in by src/web/build.ts): a page has no font
 * files, only bytes it fetched and added to the registry by name (`FontRegistry.add`), so a
 * name is its own key and there is nothing to read.
 */

/** A font's key is the name it was added under. */
export function fontFileKey(path: string): string {
  return path;
}

/** No font is a file here. */
export function fontFileExists(_path: string): boolean {
  return false;
}

/** Called only for a name never added: says how fonts reach the registry in a browser. */
export function readFontFile(name: string): Uint8Array {
  throw new Error(
    `没有加入名为“${name}”的字体：在浏览器中请先用 registry.add(名称, 字节) 或 fontSetFromBytes 加入字体 / ` +
      `no font named "${name}" was added: in a browser, add its bytes with registry.add(name, bytes) or use fontSetFromBytes`,
  );
}

/** The subsetter's bytes, fetched from beside the bundle (or where `setWasmLocations` says). */
export function harfbuzzSubsetWasm(): Promise<Uint8Array> {
  return wasmBytes('harfbuzzSubset');
}

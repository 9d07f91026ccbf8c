/**
 * Where the browser build finds its WebAssembly: by default the files beside the bundle
 * (`harfbuzz-subset.wasm` for the SVG's embedded fonts, `resvg.wasm` for PNG), fetched on
 * first use and compiled once per page.
 */

/** A WebAssembly file: its URL, or its bytes when the page already has them. */
export type WasmSource = string | URL | Uint8Array | ArrayBuffer;

/** Where each WebAssembly file of the browser build is. */
export interface WasmLocations {
  /** HarfBuzz's subsetter (harfbuzzjs' `harfbuzz-subset.wasm`), for `renderSvg` with `text: 'embed'`. */
  harfbuzzSubset?: WasmSource;
  /** resvg (`@resvg/resvg-wasm`'s `index_bg.wasm`), for `renderPng`. */
  resvg?: WasmSource;
}

/** The file names the build copies beside the bundle. */
const FILES: Readonly<Record<keyof WasmLocations, string>> = {
  harfbuzzSubset: 'harfbuzz-subset.wasm',
  resvg: 'resvg.wasm',
};

const locations: WasmLocations = {};

/**
 * Tells the browser build where its WebAssembly files are, when they are not beside the bundle
 * (a bundler that moves or renames assets, a CDN of your own). Call it before the first render.
 */
export function setWasmLocations(given: WasmLocations): void {
  Object.assign(locations, given);
}

/** The bytes of one WebAssembly file, from where {@link setWasmLocations} says or beside the bundle. */
export async function wasmBytes(name: keyof WasmLocations): Promise<Uint8Array> {
  const source = locations[name] ?? new URL(`./${FILES[name]}`, import.meta.url);
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  const response = await fetch(source);
  if (!response.ok) throw new Error(`cannot load ${String(source)}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

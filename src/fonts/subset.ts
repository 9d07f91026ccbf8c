import { harfbuzzSubsetWasm } from './files.js';
import type { LoadedFont } from './registry.js';

/**
 * The exports of harfbuzzjs' `harfbuzz-subset.wasm` (HarfBuzz's hb-subset C API, compiled by the
 * HarfBuzz project) that subsetting needs. Pointers are offsets into `memory`.
 */
interface HbSubset {
  readonly memory: { readonly buffer: ArrayBuffer };
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

/** `hb_subset_sets_t` and `hb_memory_mode_t` values used here (hb-subset.h, hb-blob.h). */
const SETS_NAME_ID = 4;
const SETS_LAYOUT_FEATURE_TAG = 6;
const MEMORY_MODE_READONLY = 1;

/**
 * OpenType features kept in a subset: those a browser applies by default to horizontal text
 * (the layout measured with fontkit's defaults, which are these), so the subset shapes as the
 * layout did. Vertical forms, stylistic sets and `aalt` would only add glyphs no run uses.
 */
const FEATURES = ['ccmp', 'locl', 'rlig', 'rclt', 'calt', 'liga', 'clig', 'kern', 'mark', 'mkmk', 'curs'];

/**
 * Name table entries kept: HarfBuzz's default 0–6 (copyright, family, style, unique id, full
 * name, version, PostScript name) plus the licence and its URL (13, 14), which the OFL asks
 * a copy of the font to carry.
 */
const NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14];

function tag(name: string): number {
  return [...name].reduce((t, c) => ((t << 8) | c.charCodeAt(0)) >>> 0, 0);
}

/**
 * The WebAssembly API, typed here: the project's TypeScript libs (ES2022, Node types) do not
 * declare the `WebAssembly` global's classes.
 */
interface Wasm {
  compile(bytes: Uint8Array): Promise<object>;
  readonly Instance: new (module: object, imports: object) => { readonly exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

let compiled: Promise<object> | undefined;
let kept: Promise<HbSubset> | undefined;

/**
 * The thread's subsetter, instantiated on first use and kept. A fresh instance per call grew a
 * new WebAssembly memory to hold the whole font (~10 MB for Noto Sans SC) and touched every
 * page of it: ~30 ms a face, most of a subset's cost, and 10 MB of garbage each time. Kept, its
 * memory is reused by `malloc` from call to call and stays at about one font plus one subset.
 * Compiling the module takes ~20 ms; it is compiled asynchronously, as browsers require for a
 * module this size on a page's main thread.
 */
function subsetter(): Promise<HbSubset> {
  kept ??= (async () => {
    compiled ??= harfbuzzSubsetWasm().then((bytes) => wasm.compile(bytes));
    const hb = new wasm.Instance(await compiled, {}).exports as HbSubset;
    hb._initialize();
    return hb;
  })();
  return kept;
}

/** The face's index in its file: 0 for a single font, its place in a TrueType collection. */
function faceIndex(face: LoadedFont): number {
  return Math.max(0, face.facesInFile.indexOf(face.postscriptName));
}

/**
 * A TrueType subset of `face` with the glyphs of `codePoints` and whatever the kept layout
 * features substitute them with, made by HarfBuzz's hb-subset. Unlike fontkit's subsets (no
 * `cmap`, so browsers reject them), it is a complete font: `cmap`, `name`, `OS/2`, `post`,
 * layout tables. Glyph outlines and advances are unchanged, so text set in it measures as in
 * `face`. Deterministic: equal input gives equal bytes.
 *
 * @param face - A loaded face; for a collection, the face its PostScript name picks.
 * @param codePoints - The characters to keep.
 * @throws Error when HarfBuzz cannot subset the font (a damaged or unsupported file).
 */
export async function subsetFace(face: LoadedFont, codePoints: Iterable<number>): Promise<Uint8Array> {
  const hb = await subsetter();
  try {
    return subsetWith(hb, face, codePoints);
  } catch (err) {
    // A failure may have left the instance's memory in any state: the next call starts afresh.
    kept = undefined;
    throw err;
  }
}

function subsetWith(hb: HbSubset, face: LoadedFont, codePoints: Iterable<number>): Uint8Array {
  const data = hb.malloc(face.bytes.byteLength);
  new Uint8Array(hb.memory.buffer, data, face.bytes.byteLength).set(face.bytes);
  const blob = hb.hb_blob_create(data, face.bytes.byteLength, MEMORY_MODE_READONLY, 0, 0);
  const source = hb.hb_face_create(blob, faceIndex(face));
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  try {
    if (input === 0) throw new Error('hb_subset_input_create_or_fail failed');
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const cp of codePoints) hb.hb_set_add(unicodes, cp);
    const features = hb.hb_subset_input_set(input, SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    for (const f of FEATURES) hb.hb_set_add(features, tag(f));
    const names = hb.hb_subset_input_set(input, SETS_NAME_ID);
    for (const id of NAME_IDS) hb.hb_set_add(names, id);
    const subset = hb.hb_subset_or_fail(source, input);
    if (subset === 0) throw new Error(`HarfBuzz could not subset ${face.postscriptName} (${face.path})`);
    const result = hb.hb_face_reference_blob(subset);
    const offset = hb.hb_blob_get_data(result, 0);
    const bytes = new Uint8Array(hb.memory.buffer, offset, hb.hb_blob_get_length(result)).slice();
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
    return bytes;
  } finally {
    if (input !== 0) hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(source);
    hb.free(data);
  }
}

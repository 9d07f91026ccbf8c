import type { LoadedFont } from '../fonts/registry.js';
import { subsetFace } from '../fonts/subset.js';

/** A face's number in cache keys: faces are told apart by identity, never by name. */
const faceIds = new WeakMap<LoadedFont, number>();
let nextFaceId = 0;

function faceId(face: LoadedFont): number {
  let id = faceIds.get(face);
  if (id === undefined) {
    id = nextFaceId++;
    faceIds.set(face, id);
  }
  return id;
}

/**
 * WOFF2 subsets already encoded, so a poster whose faces and characters were embedded before
 * (a warm server or watch mode drawing the same chart again, posters sharing one glyph set)
 * skips HarfBuzz and the Brotli encoder — ~0.2 s per face at Brotli's best quality. Both are
 * deterministic, so a kept subset is byte for byte what encoding again would give; a new glyph
 * set still pays in full. Bounded: least recently used out first, within `maxBytes` in all.
 */
export class Woff2Subsets {
  /** Key → WOFF2 bytes; a Map iterates in insertion order, so its first key is the least recent. */
  private readonly kept = new Map<string, Uint8Array>();
  private keptBytes = 0;

  constructor(readonly maxBytes: number) {}

  /**
   * `face` subset to `codePoints` (sorted, no repeats) and encoded as WOFF2, from the cache when
   * it holds them. The bytes are shared between callers: read them, never write to them.
   */
  async get(face: LoadedFont, codePoints: readonly number[]): Promise<Uint8Array> {
    const key = `${faceId(face)}:${codePoints.join(',')}`;
    const hit = this.kept.get(key);
    if (hit) {
      this.kept.delete(key);
      this.kept.set(key, hit);
      return hit;
    }
    // The encoder alone (the package's index also loads a decoder); a CommonJS module whose
    // export is the function, which both Node and a bundle give as `default`.
    const { default: compress } = await import('wawoff2/compress.js');
    // A copy: the encoder answers with a view of its WebAssembly memory, which its next call
    // overwrites.
    const woff2 = (await compress(await subsetFace(face, codePoints))).slice();
    if (woff2.byteLength <= this.maxBytes && !this.kept.has(key)) {
      this.kept.set(key, woff2);
      this.keptBytes += woff2.byteLength;
      for (const [oldest, bytes] of this.kept) {
        if (this.keptBytes <= this.maxBytes) break;
        this.kept.delete(oldest);
        this.keptBytes -= bytes.byteLength;
      }
    }
    return woff2;
  }

  /** How many subsets and bytes the cache holds. */
  get size(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.kept.size, bytes: this.keptBytes };
  }
}

/**
 * The thread's cache, used by every embedding SVG: 16 MB holds the subsets of a few dozen
 * posters (a poster's two faces take ~50–300 KB).
 */
export const woff2Subsets = new Woff2Subsets(16 * 1024 * 1024);

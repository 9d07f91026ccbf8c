// wawoff2's encoder module on its own (its index, typed by @types/wawoff2, loads the decoder too).
declare module 'wawoff2/compress.js' {
  /** TrueType bytes → WOFF2 bytes (Google's encoder at its best Brotli quality). */
  export default function compress(ttf: Uint8Array): Promise<Uint8Array>;
}

/** Decodes PNG bytes for assertions (tests only). */
import { PNG } from 'pngjs';

/** The decoded image: size and RGBA pixels. */
export function decodePng(bytes: Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** RGBA of the pixel at (x, y). */
export function pixel(img: PNG, x: number, y: number): [number, number, number, number] {
  const i = (img.width * y + x) * 4;
  return [img.data[i] ?? 0, img.data[i + 1] ?? 0, img.data[i + 2] ?? 0, img.data[i + 3] ?? 0];
}

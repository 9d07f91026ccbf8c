/**
 * Base64 of bytes with the platform's `btoa` (Node 16+ and every browser have it), in slices:
 * spreading a whole font subset into one `String.fromCharCode` call overflows the call stack.
 */
export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

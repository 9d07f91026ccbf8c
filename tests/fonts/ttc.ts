/**
 * Builds a TrueType collection (.ttc) from single font files, for tests of face selection: no
 * collection small enough to ship with the tests is on npm. The layout is the OpenType spec's
 * (TTC header 1.0, then each font's table directory with offsets from the start of the file).
 */
export function buildTtc(fonts: readonly Uint8Array[]): Uint8Array {
  const header = 12 + 4 * fonts.length;
  const parts: Uint8Array[] = [];
  let size = header;
  const directories: number[] = [];
  const layouts = fonts.map((font) => {
    const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
    const numTables = view.getUint16(4);
    const directory = 12 + 16 * numTables;
    directories.push(size);
    size += directory;
    return { font, view, numTables, directory };
  });
  const out = (n: number) => new Uint8Array(n);
  const tables = layouts.map(({ font, view, numTables, directory }) => {
    const dir = out(directory);
    dir.set(font.subarray(0, 12));
    const dirView = new DataView(dir.buffer);
    for (let t = 0; t < numTables; t++) {
      const record = 12 + 16 * t;
      const offset = view.getUint32(record + 8);
      const length = view.getUint32(record + 12);
      dir.set(font.subarray(record, record + 16), record);
      dirView.setUint32(record + 8, size);
      const padded = (length + 3) & ~3;
      const data = out(padded);
      data.set(font.subarray(offset, offset + length));
      parts.push(data);
      size += padded;
    }
    return dir;
  });
  const file = out(size);
  const head = new DataView(file.buffer);
  file.set([0x74, 0x74, 0x63, 0x66]); // 'ttcf'
  head.setUint32(4, 0x00010000);
  head.setUint32(8, fonts.length);
  directories.forEach((at, i) => {
    head.setUint32(12 + 4 * i, at);
    file.set(tables[i] as Uint8Array, at);
  });
  let at = directories.at(-1) as number;
  at += (tables.at(-1) as Uint8Array).length;
  for (const part of parts) {
    file.set(part, at);
    at += part.length;
  }
  return file;
}

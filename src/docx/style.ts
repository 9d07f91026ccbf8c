import type { IRunOptions } from 'docx';

/**
 * Type as GB/T 9704-2012 (党政机关公文格式) sets it: body in 仿宋, titles in 小标宋, headings in
 * 黑体. These are font names, not files: Word and WPS on Chinese Windows have 仿宋 and 黑体; an
 * office without 方正小标宋简体 sees Word's substitute, as with any document it receives.
 */
export const FONTS = {
  body: { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  title: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  heading: { eastAsia: '黑体', ascii: 'Arial', hAnsi: 'Arial' },
} as const;

/** Font sizes in half-points, by their Chinese names (二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt). */
export const SIZES = { erhao: 44, sanhao: 32, sihao: 28, wuhao: 21, xiaowu: 18 } as const;

/** Twips per point (Word measures pages and margins in twentieths of a point). */
export const TWIPS_PER_PT = 20;

/** Twips per millimetre. */
export const TWIPS_PER_MM = 1440 / 25.4;

/** A4 in twips, portrait. */
export const A4 = { width: 11906, height: 16838 } as const;

/** Run options for a piece of text in one of the faces. */
export function run(
  text: string,
  face: keyof typeof FONTS,
  size: number,
  extra: IRunOptions = {},
): IRunOptions {
  return { text, font: FONTS[face], size, ...extra };
}

/** The document properties every output carries. */
export function properties(title: string): { creator: string; title: string; description: string } {
  return { creator: 'fangkongtu', title, description: '行政职权廉政风险防控图 — fangkongtu' };
}

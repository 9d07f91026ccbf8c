/** Points per millimetre: 72 pt per inch, 25.4 mm per inch. */
export const PT_PER_MM = 72 / 25.4;

/**
 * The paper sizes known by name, in millimetres, portrait: the A series of ISO 216 and the B
 * series of GB/T 148 (the same sizes as ISO 216's B series; Japan's JIS B4/B5 are larger).
 */
export const PAPER_SIZES_MM = {
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
  A2: { width: 420, height: 594 },
  A1: { width: 594, height: 841 },
  B5: { width: 176, height: 250 },
  B4: { width: 250, height: 353 },
} as const satisfies Readonly<Record<string, { readonly width: number; readonly height: number }>>;

/** A paper known by name. */
export type PaperName = keyof typeof PAPER_SIZES_MM;

/** A named page: a paper upright (`A3`) or on its side (`A3-landscape`). */
export type PageName = PaperName | `${PaperName}-landscape`;

const LANDSCAPE = '-landscape';

/** Every page name: the papers upright, then on their side. */
export const PAGE_NAMES: readonly PageName[] = [
  ...(Object.keys(PAPER_SIZES_MM) as PaperName[]),
  ...(Object.keys(PAPER_SIZES_MM) as PaperName[]).map((p): PageName => `${p}${LANDSCAPE}`),
];

/** Whether `name` is one of {@link PAGE_NAMES} (case matters: `A3-landscape`). */
export function isPageName(name: string): name is PageName {
  return (PAGE_NAMES as readonly string[]).includes(name);
}

/** Width and height of a named page in millimetres, landscape pages with the long side across. */
export function pageSizeMm(name: PageName): { readonly width: number; readonly height: number } {
  const landscape = name.endsWith(LANDSCAPE);
  const paper = PAPER_SIZES_MM[(landscape ? name.slice(0, -LANDSCAPE.length) : name) as PaperName];
  return landscape ? { width: paper.height, height: paper.width } : paper;
}

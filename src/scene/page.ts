/** Points per millimetre: 72 pt per inch, 25.4 mm per inch. */
export const PT_PER_MM = 72 / 25.4;

/** The named page sizes in millimetres, portrait (ISO 216). */
export const PAGE_SIZES_MM = {
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
} as const satisfies Readonly<Record<string, { readonly width: number; readonly height: number }>>;

/** A page size known by name. */
export type PageName = keyof typeof PAGE_SIZES_MM;

/** The names of {@link PAGE_SIZES_MM}, in order. */
export const PAGE_NAMES = Object.keys(PAGE_SIZES_MM) as readonly PageName[];

/** Whether `name` is one of {@link PAGE_SIZES_MM}. */
export function isPageName(name: string): name is PageName {
  return Object.hasOwn(PAGE_SIZES_MM, name);
}

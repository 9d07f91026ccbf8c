import type { Sheet } from './frame.js';

/**
 * The search for the largest legible text: which width of the side columns, how many pages,
 * which rows on each page, and how far apart the rows are. Pure arithmetic over a poster's
 * natural geometry ({@link Shape}, measured by the caller at any side width it asks for); ELK
 * runs only afterwards, once per page, on the plan chosen here.
 *
 * The scale s maps the natural poster onto paper. It is bounded by the width (s ≤ A(x) =
 * area width / poster width, falling as the side columns widen) and by the height (s ≤ B(x) =
 * area height / tallest page, rising as wider columns need fewer lines), and capped so body
 * text stays a wall poster's size. The best width is where A and B cross: found by bisection,
 * since A falls and B rises.
 */

/** A poster's natural geometry (pt, before scaling) at one width of its side columns. */
export interface Shape {
  /** Width of the poster. */
  readonly width: number;
  /** Height of each row (a stage with its side boxes). A page may end after any of them. */
  readonly rows: readonly number[];
  /** Height of everything on page `sheet` but its flow (headers, continuation marks, legend, footer). */
  frame(sheet: Sheet): number;
}

/** What the search may choose from. Lengths are natural pt unless said otherwise. */
export interface SearchBounds {
  /** The printable area of the page, in pt on paper. */
  readonly area: { readonly width: number; readonly height: number };
  /** The smallest scale that keeps all text legible, and the largest wanted. */
  readonly scale: { readonly min: number; readonly max: number };
  /** The gap between rows: the least that still shows the arrow, the most a page is spread to. */
  readonly gap: { readonly min: number; readonly max: number };
  /** The side columns' width: the narrowest and the widest tried. */
  readonly side: { readonly min: number; readonly max: number };
  /** Width of the poster besides its two side columns (the stage column and the gaps). */
  readonly fixed: number;
  /** The most pages the poster may take: 1 when it must fit one page. */
  readonly maxPages: number;
}

/** One page of the plan: rows `start` to before `end`, `gap` apart. */
export interface PagePlan {
  readonly start: number;
  readonly end: number;
  readonly gap: number;
}

export interface Plan {
  /** Width of each side column. */
  readonly side: number;
  /** The scale: text is its natural size times this on paper. */
  readonly scale: number;
  readonly pages: readonly PagePlan[];
}

/**
 * Why there is no plan: `narrow` — the page is too narrow for legible text even with the
 * narrowest columns; `row` — row `row` alone is too tall for one page; `pages` — it needs
 * `pages` pages but may have fewer. `best` is the largest scale the limiting part allows.
 */
export type NoPlan =
  | { readonly reason: 'narrow'; readonly best: number }
  | { readonly reason: 'row'; readonly row: number; readonly best: number }
  | { readonly reason: 'pages'; readonly pages: number };

/** Side widths closer than this ratio are not told apart by the bisection. */
const PRECISION = 1.025;

/** The plan with the largest text on the fewest pages, or why there is none. */
export function planPoster(shapeAt: (side: number) => Shape, bounds: SearchBounds): Plan | NoPlan {
  const { area, scale, side, fixed } = bounds;
  // The widest columns that keep the smallest scale within the page width: the shortest rows.
  const widest = Math.min(side.max, (area.width / scale.min - fixed) / 2);
  if (widest < side.min) return { reason: 'narrow', best: area.width / (2 * side.min + fixed) };
  const pages = fewestPages(shapeAt(widest), area.height / scale.min, bounds.gap.min);
  // Wider columns would make the row shorter, but its text illegible: this is its best.
  if (typeof pages !== 'number') return { reason: 'row', row: pages.row, best: area.height / pages.height };
  if (pages > bounds.maxPages) return { reason: 'pages', pages };

  const byWidth = (x: number) => area.width / shapeAt(x).width;
  const byHeight = (x: number) => area.height / tallestPage(shapeAt(x), pages, bounds.gap.min);
  const scaleAt = (x: number) => Math.min(byWidth(x), byHeight(x), scale.max);
  const x = bestSide(byWidth, byHeight, scaleAt, side.min, widest);
  // Text at its largest: the widest columns that keep it so (fewest lines), the rows spread below.
  const capped = Math.min(widest, Math.max(x, (area.width / scale.max - fixed) / 2));
  const chosen = scaleAt(x) >= scale.max && scaleAt(capped) >= scale.max ? capped : x;
  const s = Math.floor(scaleAt(chosen) * 10_000) / 10_000;
  return { side: chosen, scale: s, pages: spreadPages(shapeAt(chosen), pages, area.height / s, bounds.gap) };
}

/**
 * The side width in [lo, hi] where the width bound and the height bound cross, by bisection; or
 * an end when one bound is the lower throughout. The ends are kept as candidates too: the
 * height bound rises only roughly (a wider column can wrap one item worse).
 */
function bestSide(
  byWidth: (x: number) => number,
  byHeight: (x: number) => number,
  scaleAt: (x: number) => number,
  min: number,
  max: number,
): number {
  let lo = min;
  let hi = max;
  if (byWidth(lo) <= byHeight(lo)) hi = lo;
  else if (byWidth(hi) >= byHeight(hi)) lo = hi;
  while (hi / lo > PRECISION) {
    const mid = Math.sqrt(lo * hi);
    if (byWidth(mid) > byHeight(mid)) lo = mid;
    else hi = mid;
  }
  let best = max;
  for (const x of [lo, hi, min]) if (scaleAt(x) > scaleAt(best)) best = x;
  return best;
}

/** Natural height of one page holding `rows[start..end)` `gap` apart. */
function pageHeight(shape: Shape, sheet: Sheet, start: number, end: number, gap: number): number {
  let height = shape.frame(sheet) + Math.max(0, end - start - 1) * gap;
  for (let i = start; i < end; i++) height += shape.rows[i] as number;
  return height;
}

/**
 * The page frames a poster of `count` pages is packed with: the first page's, and for every
 * later page the larger of a middle page's and the last page's, so a page packed without
 * knowing whether it is the last fits either way.
 */
function frames(shape: Shape, count: number): { first: number; rest: number } {
  if (count === 1) return { first: shape.frame({ number: 1, count }), rest: 0 };
  const middle = shape.frame({ number: 2, count });
  return {
    first: shape.frame({ number: 1, count }),
    rest: Math.max(middle, shape.frame({ number: count, count })),
  };
}

/** Row `row`, too tall for a page of its own: the height it would need. */
interface TooTall {
  readonly row: number;
  readonly height: number;
}

/**
 * Greedy packing of the rows into pages no taller than `limit`, each page's frame as
 * {@link frames} gives it for a poster of `count` pages: the starts of the pages, or the first
 * row too tall for a page of its own (with the height it would need).
 */
function pack(shape: Shape, count: number, limit: number, gap: number): number[] | TooTall {
  const { first, rest } = frames(shape, count);
  const alone = (row: number) => (row === 0 ? first : rest) + (shape.rows[row] as number);
  for (const row of shape.rows.keys()) {
    if (alone(row) > limit) return { row, height: alone(row) };
  }
  const starts = [0];
  let used = alone(0);
  for (const [row, height] of shape.rows.entries()) {
    if (row === 0) continue;
    if (used + gap + height <= limit) used += gap + height;
    else {
      starts.push(row);
      used = alone(row);
    }
  }
  return starts;
}

/**
 * The fewest pages of natural height `limit` the rows fit on (the page count changes the
 * frames a little: the page label 第 n 页 / 共 N 页 widens with N), or the row that fits no page.
 */
function fewestPages(shape: Shape, limit: number, gap: number): number | TooTall {
  if (pageHeight(shape, { number: 1, count: 1 }, 0, shape.rows.length, gap) <= limit) return 1;
  for (let count = 2; ; ) {
    const packed = pack(shape, count, limit, gap);
    if (!Array.isArray(packed)) return packed;
    if (packed.length <= count) return count;
    count = packed.length;
  }
}

/**
 * The least possible height of the tallest of `count` pages holding all rows `gap` apart: the
 * whole poster on one page, or the smallest limit at which the rows pack into `count` pages.
 */
function tallestPage(shape: Shape, count: number, gap: number): number {
  const all = shape.rows.length;
  if (count === 1) return pageHeight(shape, { number: 1, count }, 0, all, gap);
  const { first, rest } = frames(shape, count);
  const fits = (limit: number) => {
    const packed = pack(shape, count, limit, gap);
    return Array.isArray(packed) && packed.length <= count;
  };
  let lo = Math.max(first, rest) + Math.max(...shape.rows);
  if (fits(lo)) return lo;
  let hi = Math.max(first, rest) + pageHeight(shape, { number: 1, count: 1 }, 0, all, gap);
  // Bisection to 1/100 pt: no page of the plan is taller than this by more than that.
  while (hi - lo > 0.01) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The rows split into `count` pages, each no taller than a page's `room` and the pages as even
 * as they can be (least sum of squared shortfalls, a dynamic programme over the split
 * points), then each page's rows spread apart to fill a page of natural height `room` (never
 * closer than `gap.min`, never further than `gap.max`).
 */
function spreadPages(
  shape: Shape,
  count: number,
  room: number,
  gap: { readonly min: number; readonly max: number },
): PagePlan[] {
  const n = shape.rows.length;
  const sheet = (p: number): Sheet => ({ number: p + 1, count });
  // The pages may each be as tall as the page allows: the scale chose room ≥ the tallest page.
  const limit = room;
  const height = (p: number, start: number, end: number) => pageHeight(shape, sheet(p), start, end, gap.min);
  // cost[p][j]: the least unevenness of pages 0..p holding rows 0..j−1; from[p][j] the start of page p.
  const cost: number[][] = [];
  const from: number[][] = [];
  for (let p = 0; p < count; p++) {
    cost.push(new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY));
    from.push(new Array<number>(n + 1).fill(-1));
    for (let j = 1; j <= n; j++) {
      for (let i = p === 0 ? 0 : 1; i < j; i++) {
        const before = p === 0 ? (i === 0 ? 0 : Number.POSITIVE_INFINITY) : (cost[p - 1]?.[i] as number);
        if (!Number.isFinite(before)) continue;
        const h = height(p, i, j);
        if (h > limit) continue;
        const c = before + (limit - h) ** 2;
        if (c < (cost[p]?.[j] as number)) {
          (cost[p] as number[])[j] = c;
          (from[p] as number[])[j] = i;
        }
      }
    }
  }
  const starts: number[] = [];
  let end = n;
  for (let p = count - 1; p >= 0; p--) {
    const start = from[p]?.[end] as number;
    starts.unshift(start);
    end = start;
  }
  return starts.map((start, p) => {
    const stop = starts[p + 1] ?? n;
    const rows = stop - start;
    const spare = room - height(p, start, stop);
    const spread = rows > 1 ? gap.min + spare / (rows - 1) : gap.min;
    return { start, end: stop, gap: Math.min(gap.max, Math.max(gap.min, spread)) };
  });
}

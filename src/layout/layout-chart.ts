import { createFontSet, type FontSet, fontById } from '../fonts/font-set.js';
import { FontRegistry } from '../fonts/registry.js';
import type { PowerChart } from '../model/types.js';
import { PT_PER_MM } from '../scene/page.js';
import { SCENE_FORMAT, SCENE_VERSION, type Scene, type SceneFont } from '../scene/scene.js';
import { createTextCache } from '../text/index.js';
import { colorTheme } from '../theme/builtin.js';
import type { Theme } from '../theme/theme.js';
import { arrangePage, type NaturalPoster, smallestText } from './compose.js';
import { centredPlacement, placeContent } from './fit.js';
import { codeLabel, posterTitle } from './header-content.js';
import { LayoutError } from './layout-error.js';
import { type Area, PosterShapes } from './measure-poster.js';
import { AUTO_PAGES, describePage, type PageChoice, type PageSize, pageDimensions, round } from './page.js';
import { type NoPlan, type PagePlan, type Plan, planPoster, type SearchBounds } from './search.js';

/** Options for {@link layoutChart}. */
export interface LayoutOptions {
  /** Colours, sizes and spacing; defaults to the colour theme. */
  theme?: Theme;
  /** Fonts to measure with (and later draw with). Pass one set to share parsed fonts across calls. */
  fonts?: FontSet;
  /**
   * The page: `auto` (default) — A4 when the chart is legible on one A4 page, else A3, continued
   * onto further A3 pages when one is not enough; or a named size (`A4`, `A3`, `A2`, `A1`, `B4`,
   * `B5`, each also `-landscape`) or `{ width, height }` in mm, continued onto further pages of
   * that size when one is not enough.
   */
  page?: PageChoice;
  /** Page margin in mm (default 10). */
  margin?: number;
  /** The smallest text on paper, in pt (default the theme's `minBodySize`, 7.5). */
  minSize?: number;
  /** The largest body text on paper, in pt (default {@link MAX_BODY_SIZE}): short posters grow to it. */
  maxBodySize?: number;
}

/**
 * The largest body text a poster is enlarged to, in pt: 14 pt (四号) reads from two metres on a
 * wall; larger only makes a short poster look like a notice. The rest of a short poster's page
 * goes to space between its rows.
 */
export const MAX_BODY_SIZE = 14;

export { LayoutError, type LayoutRefusal } from './layout-error.js';

/** The row gap's range as a share of the theme's: tighter to gain text size, wider to fill a page. */
const ROW_GAP = { min: 0.625, max: 4 } as const;

/** The side columns' range as a share of the theme's: ~10 characters a line up to ~80. */
const SIDE_WIDTH = { min: 0.6, max: 4 } as const;

/**
 * Lays a validated chart out and returns its pages: one {@link Scene} each, most charts one.
 * Text is measured and broken with the given fonts, the flow placed by ELK, everything scaled
 * to the page.
 *
 * The side columns' width and the rows' spacing are chosen for the largest text — no text
 * smaller than `minSize` on paper, body text at most `maxBodySize` — and a short poster's rows
 * are spread to fill the page. A chart that cannot be legible on one page continues on more,
 * split between stages, each page with a compact header, 第 n 页 / 共 N 页 and 接上页 / 接下页
 * where the flow goes on. A LayoutError says which stage cannot be legible even on a page of its
 * own, or that the margins leave no room.
 */
export async function layoutChart(chart: PowerChart, options: LayoutOptions = {}): Promise<Scene[]> {
  const theme = options.theme ?? colorTheme;
  const fonts = options.fonts ?? createFontSet(new FontRegistry());
  const choice = options.page ?? 'auto';
  const margin = (options.margin ?? 10) * PT_PER_MM;
  const minSize = options.minSize ?? theme.minBodySize;
  // One measurement memo for this layout: every width tried sets mostly the same strings.
  const shapes = new PosterShapes(chart, theme, fonts, createTextCache());
  const sizes: readonly PageSize[] = choice === 'auto' ? AUTO_PAGES : [choice];
  const base = (theme.widths.risk + theme.widths.control) / 2;
  // The floor holds for the smallest text the poster has (the same at every width of the columns).
  const smallest = smallestText(shapes.measured(base));
  // Rounded up, so the scale the search floors to four decimals never sets text below the minimum.
  const minScale = Math.ceil((minSize / smallest) * 10_000) / 10_000;
  const maxScale = Math.max(minScale, (options.maxBodySize ?? MAX_BODY_SIZE) / theme.sizes.body);
  // The branches' lanes and labels do not depend on the side columns: a fixed extra width, and
  // a row gap tall enough for the 条件 labels drawn in it.
  const branches = shapes.measured(base).branches;
  const rowGap = theme.spacing.rowGap;
  const minGap = Math.max(rowGap * ROW_GAP.min, branches?.rowGap ?? 0);
  const lanes = branches?.extraWidth ?? 0;
  let refusal: NoPlan | undefined;
  for (const [i, size] of sizes.entries()) {
    const area = printable(size, margin);
    const bounds: SearchBounds = {
      area,
      scale: { min: minScale, max: maxScale },
      gap: { min: minGap, max: Math.max(minGap, rowGap * ROW_GAP.max) },
      side: { min: base * SIDE_WIDTH.min, max: base * SIDE_WIDTH.max },
      fixed: theme.widths.stage + 2 * theme.spacing.columnGap + lanes,
      // Only the last size tried may continue onto further pages.
      maxPages: i === sizes.length - 1 ? Number.POSITIVE_INFINITY : 1,
    };
    const page = { size, area, margin, fonts, theme, minScale };
    // The search plans with the rows' heights, a lower bound of ELK's flow. When ELK draws a page
    // so much taller that its text would fall below the minimum, plan again for a page shorter
    // by that much, and by more each time (so pages split sooner and the loop ends): until the
    // plan fits, or a stage that ELK draws too tall alone on a page is refused.
    let room = area;
    for (let attempt = 0; ; attempt++) {
      const plan = planPoster((side) => shapes.shape(side), { ...bounds, area: room });
      if (!('side' in plan)) {
        refusal = plan;
        break;
      }
      const drawn = await compose(chart, shapes, plan, page);
      if (Array.isArray(drawn)) return drawn;
      const { start, end } = drawn.page;
      if (end - start === 1) {
        refusal = { reason: 'row', row: start, best: drawn.fits };
        break;
      }
      room = { ...room, height: room.height / Math.max(drawn.taller, 1 + SHRINK * 2 ** attempt) };
    }
  }
  throw refused(chart, sizes.at(-1) as PageSize, refusal as NoPlan, { minSize, smallest, theme });
}

/** The page's printable area in pt; a LayoutError when the margins leave none. */
function printable(size: PageSize, margin: number): Area {
  const page = pageDimensions(size);
  const area = {
    left: margin,
    top: margin,
    width: page.width - 2 * margin,
    height: page.height - 2 * margin,
  };
  if (area.width <= 0 || area.height <= 0)
    throw new LayoutError('no-room', 'the margins leave no room on the page / 页边距过大');
  return area;
}

/** The least share by which a page is planned shorter after ELK drew it too tall; doubled each time. */
const SHRINK = 0.02;

/**
 * Lays out each page of the plan with ELK and places it on its sheet; or, when ELK drew a page
 * too tall for legible text, that page, how much taller than planned (`taller` > 1) and the
 * scale that would fit it (`fits`).
 */
async function compose(
  chart: PowerChart,
  shapes: PosterShapes,
  plan: Plan,
  page: { size: PageSize; area: Area; margin: number; fonts: FontSet; theme: Theme; minScale: number },
): Promise<Scene[] | { page: PagePlan; taller: number; fits: number }> {
  const { area } = page;
  const measured = shapes.measured(plan.side);
  const count = plan.pages.length;
  const naturals: NaturalPoster[] = [];
  for (const [p, rows] of plan.pages.entries()) {
    const frame = shapes.frame(plan.side, { number: p + 1, count });
    naturals.push(
      await arrangePage(chart, measured, {
        frame,
        rows,
        rowGap: rows.gap,
        starts: plan.pages.map((q) => q.start),
      }),
    );
  }
  // The search sized pages from the rows' heights, a lower bound of ELK's flow; if ELK drew a
  // page taller, the text shrinks to fit it (on every page alike, so sizes match across pages).
  const fits = Math.min(plan.scale, ...naturals.map((n) => area.height / n.height));
  const scale = Math.floor(fits * 10_000) / 10_000;
  if (scale < page.minScale) {
    const tallest = naturals.reduce(
      (t, n, p) => (n.height > (naturals[t] as NaturalPoster).height ? p : t),
      0,
    );
    // A hair more than the shortfall, so the next plan is not short by a rounding error again.
    return { page: plan.pages[tallest] as PagePlan, taller: (plan.scale / fits) * 1.005, fits };
  }
  const dimensions = pageDimensions(page.size);
  return naturals.map((natural, p) =>
    toScene(
      chart,
      natural,
      placeContent(natural.builder, centredPlacement(natural.width, natural.height, area, scale)),
      {
        size: typeof page.size === 'string' ? page.size : 'custom',
        width: round(dimensions.width),
        height: round(dimensions.height),
        margin: round(page.margin),
        scale,
        number: p + 1,
        count,
      },
      page.fonts,
      page.theme.colors.background,
    ),
  );
}

/** The LayoutError for a chart no page of the last size tried can hold legibly. */
function refused(
  chart: PowerChart,
  size: PageSize,
  why: NoPlan,
  sizes: { minSize: number; smallest: number; theme: Theme },
): LayoutError {
  const page = describePage(size);
  const atMost = (scale: number) => (scale * sizes.smallest).toFixed(1);
  if (why.reason === 'narrow') {
    return new LayoutError(
      'illegible',
      `${page} is too narrow for “${chart.name}”: its smallest text would be at most ${atMost(why.best)} pt, below the ${sizes.minSize} pt minimum; use a wider page / ` +
        `${page} 纸张太窄，“${chart.name}”的最小字号只有 ${atMost(why.best)} 磅，小于 ${sizes.minSize} 磅的下限，请改用更宽的纸张`,
    );
  }
  if (why.reason === 'row') {
    const stage = chart.stages[why.row];
    const name = (stage?.name ?? '').replaceAll('\n', '');
    const n = why.row + 1;
    return new LayoutError(
      'illegible',
      `“${chart.name}”, stage ${n} “${name}” does not fit on ${page} even on a page of its own: its smallest text would be at most ${atMost(why.best)} pt, below the ${sizes.minSize} pt minimum; shorten its risks or measures, or use a larger page / ` +
        `“${chart.name}”第 ${n} 个环节“${name}”单独占一页也放不下 ${page} 纸张：最小字号只有 ${atMost(why.best)} 磅，小于 ${sizes.minSize} 磅的下限；请精简它的风险点或防控措施，或改用更大的纸张`,
      why.row,
    );
  }
  // Only a size that had to fit one page reports `pages`, and the last size tried never must.
  throw new Error(`no page plan for “${chart.name}” on ${page}`);
}

function toScene(
  chart: PowerChart,
  poster: NaturalPoster,
  content: ReturnType<typeof placeContent>,
  page: Scene['page'],
  fontSet: FontSet,
  background: string,
): Scene {
  const used = [...new Set(content.texts.map((t) => t.font))].sort();
  const fonts: Record<string, SceneFont> = {};
  for (const id of used) {
    const face = fontById(fontSet, id);
    fonts[id] = { postscriptName: face.postscriptName, familyName: face.familyName };
  }
  return {
    format: SCENE_FORMAT,
    version: SCENE_VERSION,
    page,
    meta: {
      title: posterTitle(chart),
      category: chart.category ?? '',
      codes: chart.codes ?? [],
      name: chart.name,
      codeLabel: codeLabel(chart.codes ?? []),
    },
    fonts,
    background,
    ...content,
    warnings: poster.missing.map(({ field, char, codePoint }) => ({ field, char, codePoint })),
  };
}

import { createFontSet, type FontSet, fontById } from '../fonts/font-set.js';
import { FontRegistry } from '../fonts/registry.js';
import { branchRoute } from '../model/flow.js';
import type { PowerChart } from '../model/types.js';
import { PT_PER_MM } from '../scene/page.js';
import { SCENE_FORMAT, SCENE_VERSION, type Scene, type SceneFont } from '../scene/scene.js';
import { createTextCache } from '../text/index.js';
import { colorTheme } from '../theme/builtin.js';
import type { Theme } from '../theme/theme.js';
import { arrangePoster, measurePoster, type NaturalPoster, posterHeightLowerBound } from './compose.js';
import { fitPlacement, placeContent } from './fit.js';
import { codeLabel, posterTitle } from './header-content.js';
import { type PageSize, pageDimensions, round } from './page.js';

/** Options for {@link layoutChart}. */
export interface LayoutOptions {
  /** Colours, sizes and spacing; defaults to the colour theme. */
  theme?: Theme;
  /** Fonts to measure with (and later draw with). Pass one set to share parsed fonts across calls. */
  fonts?: FontSet;
  /** 'A4' (default), 'A3' or a size in mm; always portrait. */
  page?: PageSize;
  /** Page margin in mm (default 10). */
  margin?: number;
  /** Largest enlargement of a short poster (default 1.4). */
  maxScale?: number;
}

/**
 * Why a poster was refused: `illegible` — even with the widest side columns its body text would be
 * smaller than the theme's minimum on this page; `no-room` — the margins leave no page to draw on;
 * `exit-boxes` — an exit (分支 to an outcome) has its own 风险点 or 防控措施, which the poster
 * cannot draw yet (exits are drawn as lines in their stage's box, not as terminals with boxes).
 */
export type LayoutRefusal = 'illegible' | 'no-room' | 'exit-boxes';

/** Thrown when a poster cannot be set legibly on the chosen page; the message says what to do. */
export class LayoutError extends Error {
  override readonly name = 'LayoutError';
  constructor(
    /** Why, as data (the message says it in words, bilingually). */
    readonly reason: LayoutRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** How much wider the side columns may get, in turn, to make a long poster shorter. */
const WIDENING = [1, 1.25, 1.5, 1.8] as const;

/**
 * Lays a validated chart out on a page and returns its {@link Scene}: text measured and
 * broken with the given fonts, the flow placed by ELK, everything scaled to fit the page.
 *
 * Body text never ends up smaller than the theme's `minBodySize` on paper: a long poster first
 * gets wider side columns (fewer, longer lines), and if it still cannot fit, a LayoutError says
 * which poster needs a larger page.
 */
export async function layoutChart(chart: PowerChart, options: LayoutOptions = {}): Promise<Scene> {
  const theme = options.theme ?? colorTheme;
  const fonts = options.fonts ?? createFontSet(new FontRegistry());
  const pageSize = options.page ?? 'A4';
  const page = pageDimensions(pageSize);
  const margin = (options.margin ?? 10) * PT_PER_MM;
  const area = {
    left: margin,
    top: margin,
    width: page.width - 2 * margin,
    height: page.height - 2 * margin,
  };
  if (area.width <= 0 || area.height <= 0)
    throw new LayoutError('no-room', 'the margins leave no room on the page / 页边距过大');

  refuseExitBoxes(chart);
  const maxScale = options.maxScale ?? 1.4;
  // One measurement memo for this layout: every widening sets mostly the same strings.
  const cache = createTextCache();
  // The largest body size any width could reach, for the message when none is enough.
  let largest = 0;
  for (const factor of WIDENING) {
    const measured = measurePoster(chart, widen(theme, factor), fonts, cache);
    // ELK is most of a layout's time. When even the shortest height the flow could have leaves
    // the body text too small, this width cannot work: go on to the next without running ELK.
    const bound =
      measured.smallestSize *
      fitPlacement(measured.width, posterHeightLowerBound(measured), area, maxScale).scale;
    if (bound < theme.minBodySize) {
      largest = Math.max(largest, bound);
      continue;
    }
    const poster = await arrangePoster(chart, measured);
    const placement = fitPlacement(poster.width, poster.height, area, maxScale);
    const bodyOnPaper = measured.smallestSize * placement.scale;
    if (bodyOnPaper >= theme.minBodySize) {
      return toScene(chart, poster, placement.scale, placeContent(poster.builder, placement), {
        size: typeof pageSize === 'string' ? pageSize : 'custom',
        ...page,
        margin,
        fonts,
        background: theme.colors.background,
      });
    }
    largest = Math.max(largest, bodyOnPaper);
  }
  const [bigger, biggerZh] =
    pageSize === 'A4' ? ['A3 (--page A3)', ' A3 纸张'] : ['a larger page', '更大的纸张'];
  throw new LayoutError(
    'illegible',
    `“${chart.name}” does not fit on ${describePage(pageSize)}: body text would be at most ${largest.toFixed(1)} pt, ` +
      `below the ${theme.minBodySize} pt minimum; use ${bigger} / 本图在 ${describePage(pageSize)} 纸张上正文字号最大只有 ${largest.toFixed(1)} 磅，` +
      `小于 ${theme.minBodySize} 磅的下限，请改用${biggerZh}`,
  );
}

/** Refuses a chart whose exits have side boxes: dropping them from the poster would lose them. */
function refuseExitBoxes(chart: PowerChart): void {
  for (const [i, stage] of chart.stages.entries()) {
    for (const branch of stage.branches ?? []) {
      if (!branch.risk && !branch.control) continue;
      if (branchRoute(chart.stages, i, branch.to).kind !== 'exit') continue;
      throw new LayoutError(
        'exit-boxes',
        `“${chart.name}”: the exit “${branch.to}” of stage “${stage.name}” has its own risk or control box, which the poster cannot draw yet; write them under the stage / ` +
          `“${chart.name}”：环节“${stage.name}”的分支“${branch.to}”带有自己的风险点或防控措施，防控图暂不能画出，请写在该环节下`,
      );
    }
  }
}

function describePage(size: PageSize): string {
  return typeof size === 'string' ? size : `${size.width}×${size.height} mm`;
}

/** The theme with both side columns `factor` times as wide. */
function widen(theme: Theme, factor: number): Theme {
  if (factor === 1) return theme;
  return {
    ...theme,
    widths: { ...theme.widths, risk: theme.widths.risk * factor, control: theme.widths.control * factor },
  };
}

function toScene(
  chart: PowerChart,
  poster: NaturalPoster,
  scale: number,
  content: ReturnType<typeof placeContent>,
  page: {
    size: Scene['page']['size'];
    width: number;
    height: number;
    margin: number;
    fonts: FontSet;
    background: string;
  },
): Scene {
  const used = [...new Set(content.texts.map((t) => t.font))].sort();
  const fonts: Record<string, SceneFont> = {};
  for (const id of used) {
    const face = fontById(page.fonts, id);
    fonts[id] = { postscriptName: face.postscriptName, familyName: face.familyName };
  }
  return {
    format: SCENE_FORMAT,
    version: SCENE_VERSION,
    page: {
      size: page.size,
      width: round(page.width),
      height: round(page.height),
      margin: round(page.margin),
      scale,
    },
    meta: {
      title: posterTitle(chart),
      category: chart.category ?? '',
      codes: chart.codes ?? [],
      name: chart.name,
      codeLabel: codeLabel(chart.codes ?? []),
    },
    fonts,
    background: page.background,
    ...content,
    warnings: poster.missing.map(({ field, char, codePoint }) => ({ field, char, codePoint })),
  };
}

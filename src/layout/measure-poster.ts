import type { FontSet } from '../fonts/font-set.js';
import type { PowerChart } from '../model/types.js';
import type { TextCache } from '../text/index.js';
import type { Theme } from '../theme/theme.js';
import { type MeasuredPoster, measurePoster, rowHeights } from './compose.js';
import { frameHeight, type PageFrame, pageFrame, type Sheet } from './frame.js';
import type { Shape } from './search.js';

/** A page's printable area in pt. */
export interface Area {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * A chart measured at whatever side-column widths the search asks for, each width once: the
 * poster's boxes and blocks ({@link MeasuredPoster}), the frames of its pages, and the
 * {@link Shape} the search reasons with. Owned by one layout; the text memo is shared by all.
 */
export class PosterShapes {
  readonly #measured = new Map<number, MeasuredPoster>();
  readonly #frames = new Map<string, PageFrame>();

  constructor(
    private readonly chart: PowerChart,
    private readonly theme: Theme,
    private readonly fonts: FontSet,
    private readonly cache: TextCache,
  ) {}

  /** The poster with both side columns `side` wide. */
  measured(side: number): MeasuredPoster {
    let m = this.#measured.get(side);
    if (!m) {
      const widths = { ...this.theme.widths, risk: side, control: side };
      m = measurePoster(this.chart, { ...this.theme, widths }, this.fonts, this.cache);
      this.#measured.set(side, m);
    }
    return m;
  }

  /** The frame of page `sheet` with side columns `side` wide. */
  frame(side: number, sheet: Sheet): PageFrame {
    const key = `${side}:${sheet.number}:${sheet.count}`;
    let frame = this.#frames.get(key);
    if (!frame) {
      frame = pageFrame(this.measured(side), this.chart, sheet);
      this.#frames.set(key, frame);
    }
    return frame;
  }

  /** What the search sees at side width `side`. */
  shape(side: number): Shape {
    const m = this.measured(side);
    return {
      width: m.width,
      rows: rowHeights(m),
      frame: (sheet) => frameHeight(this.frame(side, sheet), this.theme),
    };
  }
}

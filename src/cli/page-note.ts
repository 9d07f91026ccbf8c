import { AUTO_PAGES, describePage, type PageChoice } from '../layout/page.js';
import type { Scene } from '../scene/scene.js';

/** The page a chart was laid out on and how many it took, as the report gives them. */
export interface PageReport {
  /** `A4`, `A3-landscape`, `500×700 mm` … */
  readonly page: string;
  readonly pages: number;
  /** Why it is not what was asked for: a larger page than A4 under `auto`, or more than one page. */
  readonly note?: string;
}

/** What the report says about the pages of a chart laid out for `choice`. */
export function pageReport(choice: PageChoice, scenes: readonly Scene[]): PageReport {
  // Only a size given in millimetres gives a custom page; `auto` picks among named ones.
  const page = typeof choice === 'object' ? describePage(choice) : (scenes[0]?.page.size ?? choice);
  const pages = scenes.length;
  const tried = choice === 'auto' ? AUTO_PAGES.filter((p) => p !== page) : [];
  if (pages > 1) {
    const one = [...tried, page].join(' or ');
    const oneZh = [...tried, page].join(' 和 ');
    return {
      page,
      pages,
      note: `${page}, ${pages} pages: too long for one ${one} page / 一张 ${oneZh} 纸放不下，以 ${page} 续排 ${pages} 页`,
    };
  }
  if (tried.length > 0 && page !== AUTO_PAGES[0])
    return {
      page,
      pages,
      note: `${page}: too long for ${tried.join(' or ')} / ${tried.join('、')} 纸放不下，改用 ${page}`,
    };
  return { page, pages };
}

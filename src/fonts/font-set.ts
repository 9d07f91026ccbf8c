import { bundledFontPaths } from './bundled.js';
import { type FontFile, type FontRegistry, type LoadedFont, parseFontSpec } from './registry.js';

/** The role a run of text is set in; the Scene names fonts by these ids. */
export type FontId = 'body' | 'bold' | 'title' | `fallback${number}`;

/**
 * The faces one poster is set in. `fallbacks` are tried in order for characters the role's own
 * face lacks (a rare name character in an office's 仿宋, say).
 */
export interface FontSet {
  readonly body: LoadedFont;
  readonly bold: LoadedFont;
  readonly title: LoadedFont;
  readonly fallbacks: readonly LoadedFont[];
}

/**
 * A font to use: a file path, `path#Name` for a face of a collection (.ttc) by its PostScript or
 * family name, or the same as a {@link FontFile}.
 */
export type FontSource = string | FontFile;

/** Font files a caller may choose instead of the bundled Noto Sans SC. */
export interface FontChoice {
  /** Body text (items, meta lines). */
  body?: FontSource;
  /**
   * Emphasis (stage names, box headings, 职权名称, 责任人), e.g. an office's 黑体. Defaults to
   * `body` when that is given (an office font drawn bold only where it has a bold face), else
   * Noto Sans SC Bold.
   */
  bold?: FontSource;
  /** The poster title. Defaults to the bold face. */
  title?: FontSource;
  /** Extra faces tried before the bundled ones when a character is missing. */
  fallbacks?: FontSource[];
}

/** Loads one {@link FontSource} through the registry. */
export function loadFontSource(registry: FontRegistry, source: FontSource): LoadedFont {
  const file = typeof source === 'string' ? parseFontSpec(source) : source;
  return registry.load(file.path, file.face);
}

/**
 * Resolves a {@link FontChoice} into loaded faces. The bundled regular and bold faces always end
 * the fallback chain, so a user font missing a character still draws it.
 */
export function createFontSet(registry: FontRegistry, choice: FontChoice = {}): FontSet {
  const regular = registry.load(bundledFontPaths.regular);
  const bundledBold = registry.load(bundledFontPaths.bold);
  const load = (source: FontSource) => loadFontSource(registry, source);
  const body = choice.body ? load(choice.body) : regular;
  const bold = choice.bold ? load(choice.bold) : choice.body ? body : bundledBold;
  const title = choice.title ? load(choice.title) : bold;
  const chain = [...(choice.fallbacks ?? []).map(load), regular, bundledBold];
  const fallbacks = chain.filter((f, i) => chain.indexOf(f) === i && f !== body);
  return { body, bold, title, fallbacks };
}

/** The face behind a Scene font id (a {@link FontId}; a Scene read from JSON may hold any string). */
export function fontById(set: FontSet, id: string): LoadedFont {
  if (id === 'body' || id === 'bold' || id === 'title') return set[id];
  const fallback = /^fallback(\d+)$/u.exec(id);
  const face = fallback ? set.fallbacks[Number(fallback[1])] : undefined;
  if (!face) throw new RangeError(`font id ${id} is not in this font set`);
  return face;
}

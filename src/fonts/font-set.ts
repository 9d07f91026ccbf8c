import { bundledFontPaths } from './bundled.js';
import { type FontFile, parseFontSpec } from './font-spec.js';
import type { FontRegistry, LoadedFont } from './registry.js';

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

/** The file (and face) a {@link FontSource} names. */
export function fontFileOf(source: FontSource): FontFile {
  return typeof source === 'string' ? parseFontSpec(source) : source;
}

/** Loads one {@link FontSource} through the registry. */
export function loadFontSource(registry: FontRegistry, source: FontSource): LoadedFont {
  const file = fontFileOf(source);
  return registry.load(file.path, file.face);
}

/**
 * The fonts a {@link FontChoice} draws from, by role, without reading them (a cache key needs
 * them; {@link createFontSet} loads them). The bundled regular and bold faces always end the
 * fallback chain, so a user font missing a character still draws it.
 */
export function fontSources(choice: FontChoice = {}): {
  body: FontSource;
  bold: FontSource;
  title: FontSource;
  fallbacks: FontSource[];
} {
  const body = choice.body || bundledFontPaths.regular;
  const bold = choice.bold || (choice.body ? body : bundledFontPaths.bold);
  const title = choice.title || bold;
  const fallbacks = [...(choice.fallbacks ?? []), bundledFontPaths.regular, bundledFontPaths.bold];
  return { body, bold, title, fallbacks };
}

/** Resolves a {@link FontChoice} into loaded faces (see {@link fontSources} for which). */
export function createFontSet(registry: FontRegistry, choice: FontChoice = {}): FontSet {
  const sources = fontSources(choice);
  const load = (source: FontSource) => loadFontSource(registry, source);
  const body = load(sources.body);
  const bold = load(sources.bold);
  const title = load(sources.title);
  const chain = sources.fallbacks.map(load);
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

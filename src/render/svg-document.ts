/**
 * SVG markup written as strings. A poster is a flat list of a few hundred elements with known
 * attributes, so nothing needs a DOM: building one with svg.js on an svgdom window cost more than
 * everything else in the SVG renderer together (~15 ms a poster, and ~0.2 s of module loading per
 * process or worker), for the same bytes. The serialisation below is the one svgdom used, so the
 * output did not change: attributes in the order given, `&`, `<`, `>` and `"` escaped in values
 * and text, every element closed with an end tag (`<path …></path>`), no XML declaration.
 */

/** An element's attributes, written in insertion order; `undefined` values are left out. */
export type Attrs = Readonly<Record<string, string | undefined>>;

/** `&`, `<`, `>` and `"` as entities: safe in text and in double-quoted attribute values. */
export function escapeXml(s: string): string {
  return /[&<>"]/u.test(s)
    ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    : s;
}

/**
 * Attributes whose value svg.js (which wrote these documents before) normalised as a colour:
 * `#ABC` → `#aabbcc`, `rgb(1,2,3)` → `#010203`. Kept so that a theme written either way gives
 * the same bytes as before.
 */
const COLOR_ATTRIBUTES = new Set(['fill', 'stroke', 'color']);

function normaliseColor(value: string): string {
  if (/^#[a-f0-9]{3}$/iu.test(value)) {
    const [r, g, b] = value.slice(1).toLowerCase();
    return `#${r}${r}${g}${g}${b}${b}`;
  }
  if (/^#[a-f0-9]{6}$/iu.test(value)) return value.toLowerCase();
  if (value.startsWith('rgb(')) {
    const m = /rgb\((\d+),(\d+),(\d+)\)/u.exec(value.replace(/\s/gu, ''));
    if (m) {
      const hex = (v: string | undefined) =>
        Math.max(0, Math.min(255, Number(v)))
          .toString(16)
          .padStart(2, '0');
      return `#${hex(m[1])}${hex(m[2])}${hex(m[3])}`;
    }
  }
  return value;
}

function attrString(attrs: Attrs): string {
  let s = '';
  for (const name in attrs) {
    const value = attrs[name];
    if (value === undefined) continue;
    s += ` ${name}="${escapeXml(COLOR_ATTRIBUTES.has(name) ? normaliseColor(value) : value)}"`;
  }
  return s;
}

/** One element with its (already serialised) content: `<name a="…">content</name>`. */
export function element(name: string, attrs: Attrs = {}, content = ''): string {
  return `<${name}${attrString(attrs)}>${content}</${name}>`;
}

/** An element whose content is text, escaped. */
export function textElement(name: string, attrs: Attrs, text: string): string {
  return element(name, attrs, escapeXml(text));
}

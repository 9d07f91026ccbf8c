import { h } from './dom.js';

/**
 * The chart's text: a plain textarea (the input methods Chinese is typed with work in it as in
 * any form) with line numbers beside it. Lines wrap, so each number is as tall as its line
 * wraps to: a hidden copy of the textarea, one block per line, gives the heights.
 */
export class SourceView {
  readonly textarea: HTMLTextAreaElement;
  private readonly gutter: HTMLElement;
  private readonly mirror: HTMLElement;
  private marked = new Map<number, string>();

  constructor(host: HTMLElement, onInput: (text: string) => void) {
    this.textarea = h('textarea', {
      'data-testid': 'source',
      id: 'source',
      spellcheck: 'false',
      autocomplete: 'off',
      'aria-label': '防控图文件的文本（YAML）',
      oninput: () => {
        this.layoutGutter();
        onInput(this.textarea.value);
      },
      onscroll: () => {
        this.gutter.scrollTop = this.textarea.scrollTop;
      },
    });
    this.gutter = h('div', { class: 'gutter', 'aria-hidden': 'true' });
    this.mirror = h('div', { class: 'mirror', 'aria-hidden': 'true' });
    host.replaceChildren(h('div', { class: 'source-view' }, this.gutter, this.textarea, this.mirror));
    new ResizeObserver(() => this.layoutGutter()).observe(this.textarea);
  }

  get text(): string {
    return this.textarea.value;
  }

  /** Replaces the text (a file opened, a form edit), keeping the scroll position. */
  setText(text: string): void {
    if (this.textarea.value === text) return;
    const top = this.textarea.scrollTop;
    this.textarea.value = text;
    this.textarea.scrollTop = top;
    this.layoutGutter();
  }

  /** Marks lines with problems (`error`) or warnings (`warning`) in the gutter. */
  mark(lines: ReadonlyMap<number, string>): void {
    this.marked = new Map(lines);
    this.layoutGutter();
  }

  /** Selects line `line` (1-based) from `column` on, scrolls it into view and focuses the text. */
  goToLine(line: number, column = 1): void {
    const lines = this.textarea.value.split('\n');
    let start = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) start += (lines[i]?.length ?? 0) + 1;
    const length = lines[line - 1]?.length ?? 0;
    const from = start + Math.min(Math.max(column - 1, 0), length);
    this.textarea.focus();
    this.textarea.setSelectionRange(from, start + length);
    const block = this.gutter.children[line - 1] as HTMLElement | undefined;
    if (block) this.textarea.scrollTop = Math.max(0, block.offsetTop - this.textarea.clientHeight / 3);
  }

  /** Numbers each line, as tall as the line wraps to in the textarea. */
  private layoutGutter(): void {
    const lines = this.textarea.value.split('\n');
    this.mirror.style.width = `${this.textarea.clientWidth}px`;
    this.mirror.replaceChildren(...lines.map((l) => h('div', {}, l === '' ? ' ' : l)));
    const heights = [...this.mirror.children].map((c) => (c as HTMLElement).offsetHeight);
    this.gutter.replaceChildren(
      ...lines.map((_, i) =>
        h(
          'div',
          { class: this.marked.get(i + 1) ?? '', style: `height:${heights[i] ?? 0}px` },
          String(i + 1),
        ),
      ),
      // Room for the textarea's bottom padding, so the last numbers scroll as far as the text.
      h('div', { style: 'height:50vh' }),
    );
    this.gutter.scrollTop = this.textarea.scrollTop;
  }
}

import type { Problem } from '../model/problems.js';
import { h } from './dom.js';

/** A problem or a warning, as the list shows it. */
export interface ListedProblem {
  readonly problem: Problem;
  readonly severity: 'error' | 'warning';
}

/** `stages.1.risk.items.2` from a problem's path `stages[1].risk.items[2]`. */
export function problemFieldPath(path: string): string {
  return path.replace(/\[(\d+)\]/gu, '.$1').replace(/^\./u, '');
}

/**
 * Fills the problems list: each entry says where (line, field) and what, in Chinese (English
 * as its tooltip), and a click takes the text view to its line.
 */
export function renderProblems(
  list: HTMLElement,
  summary: HTMLElement,
  problems: readonly ListedProblem[],
  goTo: (line: number, column: number) => void,
): void {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  summary.textContent =
    problems.length === 0
      ? '没有问题'
      : [errors && `${errors} 个问题`, warnings && `${warnings} 个警告`].filter(Boolean).join('，');
  summary.className = errors ? 'count error' : warnings ? 'count warning' : 'count ok';
  list.replaceChildren(
    ...problems.map(({ problem: p, severity }) => {
      const where = p.line > 0 ? `第 ${p.line} 行` : '整个文件';
      const body = [
        h('span', { class: 'badge' }, severity === 'error' ? '问题' : '警告'),
        h('span', { class: 'where' }, where),
        p.field && h('span', { class: 'field-name' }, p.field),
        h('span', { class: 'message' }, p.zh),
      ];
      return h(
        'li',
        { class: severity, 'data-line': p.line },
        p.line > 0
          ? h(
              'button',
              {
                type: 'button',
                title: `${p.en}（点击转到第 ${p.line} 行）`,
                onclick: () => goTo(p.line, p.column),
              },
              ...body,
            )
          : h('div', { title: p.en }, ...body),
      );
    }),
  );
}

/**
 * Shows each problem under the form field it concerns: the field whose path is the longest
 * prefix of the problem's (an item's problem under its box's items, a missing key under its box).
 */
export function markFormFields(form: HTMLElement, problems: readonly ListedProblem[]): void {
  for (const ul of form.querySelectorAll('.field-problems')) ul.replaceChildren();
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const fields = [...form.querySelectorAll<HTMLElement>('[data-field]')];
  for (const { problem, severity } of problems) {
    if (!problem.path) continue;
    const path = problemFieldPath(problem.path);
    let best: HTMLElement | undefined;
    for (const el of fields) {
      const key = el.dataset.field ?? '';
      if ((path === key || path.startsWith(`${key}.`)) && key.length > (best?.dataset.field?.length ?? -1))
        best = el;
    }
    const target = best?.querySelector(':scope > .field-problems');
    if (!best || !target) continue;
    target.append(h('li', { class: severity }, problem.zh));
    if (severity === 'error')
      best.querySelector('input, textarea, select')?.setAttribute('aria-invalid', 'true');
  }
}

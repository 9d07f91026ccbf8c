import type { PowerChart, Stage } from './types.js';

/**
 * Where a branch leads, as the poster draws it:
 * - `exit`: no stage has its `to` — an outcome (不予受理), drawn as an end terminal beside the stage;
 * - `next`: the stage right below — the way down the flow anyway, so its condition labels that arrow;
 * - `jump`: another stage — a loop back (or to the stage itself), or a jump ahead past the next.
 */
export type BranchRoute =
  | { readonly kind: 'exit' }
  | { readonly kind: 'next' }
  | { readonly kind: 'jump'; readonly stage: number };

/**
 * The stage a branch of stage `from` goes to: the nearest stage named `to` going backwards from
 * `from` itself (a loop, as 补正后 → 受理), else the nearest going forwards; undefined when no
 * stage has that name (the branch is an exit).
 */
export function branchTarget(
  stages: readonly Pick<Stage, 'name'>[],
  from: number,
  to: string,
): number | undefined {
  for (let i = Math.min(from, stages.length - 1); i >= 0; i--) if (stages[i]?.name === to) return i;
  for (let i = from + 1; i < stages.length; i++) if (stages[i]?.name === to) return i;
  return undefined;
}

/** How branch `to` of stage `from` is drawn (see {@link BranchRoute}). */
export function branchRoute(stages: readonly Pick<Stage, 'name'>[], from: number, to: string): BranchRoute {
  const target = branchTarget(stages, from, to);
  if (target === undefined) return { kind: 'exit' };
  return target === from + 1 ? { kind: 'next' } : { kind: 'jump', stage: target };
}

/** True when the chart is a straight chain: no branches and no optional stages. */
export function isStraight(chart: Pick<PowerChart, 'stages'>): boolean {
  return chart.stages.every((s) => (s.branches ?? []).length === 0 && !s.optional);
}

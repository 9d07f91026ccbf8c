import type { RuleProblem } from './field-messages.js';
import { branchTarget } from './flow.js';

/** The parts of a chart the flow rules read. */
interface FlowChart {
  readonly stages: readonly {
    readonly name: string;
    readonly optional?: boolean;
    readonly when?: string;
    readonly branches?: readonly {
      readonly to: string;
      readonly risk?: unknown;
      readonly control?: unknown;
    }[];
  }[];
}

/**
 * The rules of a chart's flow that no single field can check: the flow starts at the first
 * stage, so it cannot be optional; a condition belongs to an optional stage; a stage's branches
 * go to different places; only an exit (not a stage of the chart) has side boxes of its own.
 */
export function flowProblems(chart: FlowChart): RuleProblem[] {
  const problems: RuleProblem[] = [];
  chart.stages.forEach((stage, i) => {
    if (i === 0 && stage.optional === true) {
      problems.push({
        path: ['stages', 0, 'optional'],
        message: {
          zh: '第一个环节不能是可选的：流程从它开始；请删去“可选”',
          en: 'the first stage cannot be optional: the flow starts there; remove "optional"',
        },
      });
    }
    if (stage.when !== undefined && stage.optional !== true) {
      problems.push({
        path: ['stages', i, 'when'],
        message: {
          zh: '环节的“条件”只用于可选环节：请加上“可选: 是”，或把它写成上一环节的“分支”',
          en: 'a stage\'s "when" belongs to an optional stage: add "optional: true", or make it a branch of the stage before',
        },
      });
    }
    const seen = new Set<string>();
    (stage.branches ?? []).forEach((branch, k) => {
      if (seen.has(branch.to)) {
        problems.push({
          path: ['stages', i, 'branches', k, 'to'],
          message: {
            zh: `本环节已有转到“${branch.to}”的分支；同一去向只写一次，条件可合并写在一起`,
            en: `this stage already has a branch to "${branch.to}"; write each destination once (join the conditions)`,
          },
        });
      }
      seen.add(branch.to);
      const target = branchTarget(chart.stages, i, branch.to);
      if (target === undefined) return;
      for (const side of ['risk', 'control'] as const) {
        if (branch[side] === undefined) continue;
        problems.push({
          path: ['stages', i, 'branches', k, side],
          message: {
            zh: `“${branch.to}”是本图的环节，分支不能另写${side === 'risk' ? '风险点' : '防控措施'}：请写在该环节下；只有办理结果（如“不予受理”）才有自己的风险点和防控措施`,
            en: `"${branch.to}" is a stage of this chart, so the branch has no ${side} box of its own: write it under that stage; only an outcome (such as 不予受理) has its own boxes`,
          },
        });
      }
    });
  });
  return problems;
}

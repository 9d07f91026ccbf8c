import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFontSet, FontRegistry } from '../../src/fonts/index.js';
import { LayoutError, layoutChart, type PageSize } from '../../src/layout/index.js';
import { branchRoute } from '../../src/model/flow.js';
import type { PowerChart, RiskLevel } from '../../src/model/index.js';
import type { Scene } from '../../src/scene/index.js';
import { colorTheme } from '../../src/theme/index.js';
import { expectPagesInvariants } from './invariants.js';
import { layoutOnePage } from './one-page.js';

const fonts = createFontSet(new FontRegistry());

const pieces = fc.constantFrom(
  '风险',
  '严格',
  '履行服务承诺制度',
  '受理',
  '，',
  '。',
  '；',
  '（',
  '）',
  '《工伤保险条例》',
  '1600-A-00400-140400',
  'Latin',
  'word',
  ' ',
  '12',
  '3.5',
  '、',
  '“',
  '”',
  'supercalifragilistic',
  '：',
);
/** Text of up to `maxPieces` pieces, cut to `maxChars` code points. */
const text = (maxPieces: number, maxChars = Number.POSITIVE_INFINITY) =>
  fc
    .array(pieces, { minLength: 1, maxLength: maxPieces })
    .map((p) => [...p.join('')].slice(0, maxChars).join('').trim() || '空');
const level = fc.constantFrom<RiskLevel | undefined>('high', 'medium', 'low', undefined);

/**
 * Random charts: up to `maxItems` items a side box (0: the stage has no such box) of up to
 * `maxPieces` pieces and `maxChars` characters; `flow` adds stage facts, optional stages and
 * branches (issue #13).
 */
function chartArb(
  stages: { min: number; max: number },
  maxItems: number,
  maxPieces: number,
  { flow = true, maxChars = Number.POSITIVE_INFINITY }: { flow?: boolean; maxChars?: number } = {},
): fc.Arbitrary<PowerChart> {
  const items = fc.array(text(maxPieces, maxChars), { minLength: 0, maxLength: maxItems });
  const maybe = <T>(arb: fc.Arbitrary<T>) =>
    flow ? fc.option(arb, { nil: undefined }) : fc.constant(undefined);
  const stage = fc
    .record({
      name: text(3, maxChars),
      // Issue #13's facts and flow: shown inside the stage box, so they must keep its text inside.
      timeLimit: maybe(text(3)),
      handler: maybe(text(3)),
      basis: maybe(text(maxPieces)),
      optional: maybe(fc.boolean()),
      when: maybe(text(4)),
      // A branch to another stage (by its index, named once the stages are known) or to an exit,
      // which may have its own 风险点 and 防控措施.
      branches: maybe(
        fc.array(
          fc.record({
            when: text(4),
            to: fc.oneof(fc.nat(stages.max), text(4)),
            risk: maybe(
              fc.record({ items: fc.array(text(maxPieces, maxChars), { minLength: 1, maxLength: 2 }) }),
            ),
            control: maybe(
              fc.record({ items: fc.array(text(maxPieces, maxChars), { minLength: 1, maxLength: 2 }) }),
            ),
          }),
          { maxLength: 3 },
        ),
      ),
      risk: fc.record({ items, level }),
      control: fc.record({
        intro: fc.option(text(maxPieces, maxChars), { nil: undefined }),
        items,
        owner: fc.option(text(3, maxChars), { nil: undefined }),
      }),
    })
    .map(({ risk, control, ...rest }) => ({
      ...rest,
      ...(risk.items.length > 0 && { risk: risk.level ? risk : { items: risk.items } }),
      ...(control.items.length > 0 && { control }),
    }));
  return fc
    .record({
      category: text(2),
      codes: fc.constantFrom(['1600-A-00400-140400'], ['1600-B-00100-140400', '1600-B-05600-140400']),
      name: text(4),
      stages: fc.array(stage, { minLength: stages.min, maxLength: stages.max }),
    })
    .map(validFlow) as unknown as fc.Arbitrary<PowerChart>;
}

type DrawnStage = PowerChart['stages'][number];
type RawBranch = {
  when: string;
  to: number | string;
  risk?: { items: string[] };
  control?: { items: string[] };
};
type RawStage = Omit<DrawnStage, 'branches'> & { branches?: RawBranch[] };

/**
 * The random flow made one the loader accepts: the first stage is not optional, a condition only
 * on an optional stage, branch targets named (a stage's name, or the exit's words), once each.
 */
function validFlow<C extends { stages: RawStage[] }>(chart: C): C & { stages: DrawnStage[] } {
  const stages = chart.stages.map((raw, i): DrawnStage => {
    const { optional, when, branches, ...rest } = raw;
    const isOptional = i > 0 && optional === true;
    // Only an exit may have boxes of its own.
    const targets = (branches ?? []).map(({ when, to, risk, control }) =>
      typeof to === 'number'
        ? { when, to: chart.stages[to % chart.stages.length]?.name ?? '' }
        : { when, to: `结果${to}`, ...(risk && { risk }), ...(control && { control }) },
    );
    const unique = targets.filter((b, k) => targets.findIndex((o) => o.to === b.to) === k);
    return {
      ...rest,
      ...(isOptional && { optional: true, ...(when !== undefined && { when }) }),
      ...(unique.length > 0 && { branches: unique }),
    };
  });
  return { ...chart, stages };
}

const page = fc.constantFrom<PageSize | 'auto'>('auto', 'A4', 'A3', 'A4-landscape', 'B5', 'A2');

/**
 * Every branch of the chart is on the poster: an exit as its terminal with a labelled arrow from
 * its stage, a loop or jump as a labelled arrow between the two stages, a branch to the next
 * stage as a label on the flow arrow; each on its stage's page.
 */
function expectBranchesDrawn(chart: PowerChart, scenes: readonly Scene[]): void {
  // Ids are unique within a page; a branch and its label are on its stage's page.
  const boxes = new Map(scenes.flatMap((scene) => scene.boxes.map((b) => [b.id, b] as const)));
  const lines = new Map(scenes.flatMap((scene) => scene.lines.map((l) => [l.id, l] as const)));
  const pageOf = (id: string) => scenes.findIndex((scene) => scene.boxes.some((b) => b.id === id)) + 1;
  chart.stages.forEach((stage, i) => {
    for (const [k, branch] of (stage.branches ?? []).entries()) {
      const route = branchRoute(chart.stages, i, branch.to);
      if (route.kind === 'next' && pageOf(`stage-${i + 1}`) !== pageOf(`stage-${i}`)) {
        expectBreakLabel(scenes[pageOf(`stage-${i}`) - 1] as Scene, i, `label-${i}-${k}`);
        continue;
      }
      const label = boxes.get(`label-${i}-${k}`);
      const line = lines.get(route.kind === 'next' ? `flow-${i}` : `branch-${i}-${k}`);
      expect(label, `the label of branch ${k} of stage ${i}`).toMatchObject({
        kind: 'label',
        line: line?.id,
      });
      expect(line, `the arrow of branch ${k} of stage ${i}`).toMatchObject({ from: `stage-${i}` });
      if (line?.kind === 'continuation') throw new Error(`branch ${k} of stage ${i} on a continuation`);
      if (route.kind === 'exit') {
        expect(line?.to).toBe(`exit-${i}-${k}`);
        expect(boxes.get(`exit-${i}-${k}`)).toMatchObject({ kind: 'exit', stage: `stage-${i}` });
        // An exit's own boxes, joined to the exit (not its stage), on its page.
        for (const kind of ['risk', 'control'] as const) {
          const side = boxes.get(`exit-${i}-${k}-${kind}`);
          if (!branch[kind]) expect(side, `exit ${i}-${k} has no ${kind} box`).toBeUndefined();
          else {
            expect(side).toMatchObject({ kind, stage: `stage-${i}`, exit: `exit-${i}-${k}` });
            expect(lines.get(`connector-exit-${i}-${k}-${kind}`)).toMatchObject({ to: `exit-${i}-${k}` });
          }
        }
      } else if (route.kind === 'next' || line?.to !== `label-${i}-${k}`)
        expect(line?.to).toBe(`stage-${route.kind === 'next' ? i + 1 : route.stage}`);
      else {
        // Across a page break: to a stub naming the target and its page, and from a stub on the
        // target's page into the target.
        const target = `stage-${route.stage}`;
        expect(pageOf(target)).not.toBe(pageOf(`stage-${i}`));
        const stub = scenes[pageOf(`label-${i}-${k}`) - 1]?.texts.filter((t) => t.box === `label-${i}-${k}`);
        const words = stub
          ?.map((t) => t.text)
          .join('')
          .replace(/\s/g, '');
        expect(words).toContain(`（第${pageOf(target)}页）`);
        expect(lines.get(`branch-${i}-${k}-in`)).toMatchObject({ from: `label-${i}-${k}-in`, to: target });
        expect(pageOf(`label-${i}-${k}-in`)).toBe(pageOf(target));
      }
    }
  });
}

/**
 * A page that ends under stage `i`'s labelled flow arrow: the label `id` is on that page, beside
 * the arrow to 接下页 (right of it, within its length), and labels that arrow.
 */
function expectBreakLabel(scene: Scene, i: number, id: string): void {
  const arrow = scene.lines.find((l) => l.kind === 'continuation' && l.direction === 'next');
  expect(arrow, `page ${scene.page.number} continues`).toMatchObject({ stage: `stage-${i}` });
  const label = scene.boxes.find((b) => b.id === id);
  expect(label, `${id} on the page of stage-${i}`).toMatchObject({ kind: 'label', line: arrow?.id });
  if (!arrow || !label) return;
  const [[x, top], [, bottom]] = arrow.points as [[number, number], [number, number]];
  expect(label.x, `${id} right of the arrow`).toBeGreaterThan(x);
  expect(label.y, `${id} beside the arrow`).toBeGreaterThanOrEqual(top);
  expect(label.y + label.height).toBeLessThanOrEqual(bottom);
}

describe('layout of random charts', () => {
  it('renders every chart of 1–40 stages with 0–15 items, over pages if need be, or refuses it naming the stage that fits no page', async () => {
    const outcomes: string[] = [];
    await fc.assert(
      fc.asyncProperty(chartArb({ min: 1, max: 40 }, 15, 12), page, async (chart, size) => {
        let scenes: Scene[];
        try {
          scenes = await layoutChart(chart, { fonts, page: size });
        } catch (err) {
          if (!(err instanceof LayoutError)) throw err;
          // B5 is the narrowest page: the lanes of exits and loops can leave no legible width.
          if (size === 'B5' && err.message.includes('B5 is too narrow')) {
            expect(chart.stages.some((s) => s.branches?.length)).toBe(true);
            outcomes.push('refused: narrow');
            return;
          }
          // The one reason left, with the default margins, is a stage too big for any page.
          expect(err.reason).toBe('illegible');
          const stage = chart.stages[err.stage ?? -1];
          expect(stage, err.message).toBeDefined();
          expect(err.message).toContain(`stage ${(err.stage ?? 0) + 1} “${stage?.name}” does not fit on`);
          outcomes.push('refused');
          return;
        }
        expectPagesInvariants(scenes, chart, colorTheme.minBodySize);
        expectBranchesDrawn(chart, scenes);
        outcomes.push(scenes.length === 1 ? 'one page' : 'pages');
      }),
      { numRuns: 40 },
    );
    // The generator reaches every outcome's code: most charts render (a loop or jump longer than
    // a page crosses the break through stubs, a page may end under a labelled flow arrow); the
    // rest are B5 too narrow for the lanes, or a stage too big for any page.
    const rendered = outcomes.filter((o) => !o.startsWith('refused')).length;
    expect(rendered, outcomes.join(', ')).toBeGreaterThanOrEqual(20);
  }, 240_000);

  it('never refuses a chart a clerk could write: 1–40 stages, 0–15 items of up to 150 characters, page auto', async () => {
    const phrase = fc.constantFrom(
      '严格执行',
      '集体研究决定',
      '，',
      '公开',
      '受理',
      '《行政许可法》',
      '；',
      '违规审批',
      '2024',
    );
    const item = fc
      .array(phrase, { minLength: 1, maxLength: 40 })
      .map((p) => [...p.join('')].slice(0, 150).join(''));
    const items = fc.array(item, { minLength: 0, maxLength: 15 });
    const stage = fc
      .record({
        name: fc.constantFrom('受理', '妥善保管查封扣押财物', '报请行政机关负责人批准', '送达'),
        risk: items,
        control: items,
      })
      .map(({ name, risk, control }) => ({
        name,
        ...(risk.length > 0 && { risk: { items: risk } }),
        ...(control.length > 0 && { control: { items: control } }),
      }));
    const chart = fc.array(stage, { minLength: 1, maxLength: 40 }).map(
      (stages): PowerChart => ({
        category: '行政处罚类',
        codes: ['1300-B-00200-140400'],
        name: '职权',
        stages,
      }),
    );
    await fc.assert(
      fc.asyncProperty(chart, async (c) => {
        // A refusal is a LayoutError and fails the property.
        expectPagesInvariants(await layoutChart(c, { fonts }), c, colorTheme.minBodySize);
      }),
      { numRuns: 20, endOnFailure: true },
    );
  }, 300_000);

  it('refuses margins that leave no page, saying so', async () => {
    const chart = fc.sample(chartArb({ min: 3, max: 3 }, 2, 4), { numRuns: 1, seed: 1 })[0] as PowerChart;
    const err = await layoutChart(chart, { fonts, margin: 150 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LayoutError);
    expect(err).toMatchObject({ reason: 'no-room', message: expect.stringContaining('页边距过大') });
  });

  // A straight one: random facts and branches of random words make stage boxes tall enough to
  // need A3 (the test above lays them out); the examples show real ones fit A4. Modest: items of
  // up to 16 characters — 6 stages of 4 items of 20 CJK characters a side already need A3 at the
  // legible minimum, as do items of 8 random pieces (up to 160 characters; CI found one).
  it('always fits a modest straight chart on one A4 page', async () => {
    await fc.assert(
      fc.asyncProperty(chartArb({ min: 1, max: 6 }, 4, 8, { flow: false, maxChars: 16 }), async (chart) => {
        const scene = await layoutOnePage(chart, { fonts });
        expect(scene.page.size).toBe('A4');
        expectPagesInvariants([scene], chart, colorTheme.minBodySize);
      }),
      { numRuns: 100, endOnFailure: true },
    );
  });

  it('paginates a chain of labelled flow arrows taller than a page, each 条件 with its arrow', async () => {
    const item = text(8, 40);
    // Each stage after the first is entered by a labelled arrow: the stage before branches to
    // it, or it is optional with a condition.
    const stage = fc.record({
      risk: fc.array(item, { minLength: 2, maxLength: 4 }),
      control: fc.array(item, { minLength: 2, maxLength: 4 }),
      into: fc.constantFrom('branch', 'optional'),
      when: text(6),
    });
    const chart = fc.array(stage, { minLength: 8, maxLength: 16 }).map(
      (stages): PowerChart => ({
        name: '标注条件的长链',
        stages: stages.map((s, i) => {
          const next = stages[i + 1];
          return {
            name: `环节${i}`,
            ...(i > 0 && s.into === 'optional' && { optional: true, when: s.when }),
            ...(next?.into === 'branch' && { branches: [{ when: next.when, to: `环节${i + 1}` }] }),
            // With a level, as offices grade risks: the legend row too, so 8 stages need two pages.
            risk: { items: s.risk, level: 'medium' },
            control: { items: s.control },
          };
        }),
      }),
    );
    let breaks = 0;
    await fc.assert(
      fc.asyncProperty(chart, async (c) => {
        const scenes = await layoutChart(c, { fonts, page: 'A4' });
        expect(scenes.length).toBeGreaterThan(1);
        expectPagesInvariants(scenes, c, colorTheme.minBodySize);
        expectBranchesDrawn(c, scenes);
        // Every page but the last ends under a labelled arrow: its label goes with the arrow.
        for (const scene of scenes.slice(0, -1)) {
          const arrow = scene.lines.find((l) => l.kind === 'continuation' && l.direction === 'next');
          const i = Number((arrow?.kind === 'continuation' ? arrow.stage : '').slice('stage-'.length));
          const into = c.stages[i + 1];
          const id = into?.optional && into.when ? `label-${i + 1}-optional` : `label-${i}-0`;
          expectBreakLabel(scene, i, id);
          breaks++;
        }
      }),
      { numRuns: 15, endOnFailure: true },
    );
    expect(breaks).toBeGreaterThanOrEqual(15);
  }, 300_000);

  it('continues a chart too long for one A4 page onto more, rather than refusing it', async () => {
    const long = 'ABCDEFG风险点内容很长'.repeat(12);
    const chart: PowerChart = {
      category: '行政许可类',
      codes: ['X'],
      name: '很长的职权',
      stages: Array.from({ length: 30 }, (_, i) => ({
        name: `环节${i}`,
        risk: { items: [long, long, long] },
        control: { items: [long, long] },
      })),
    };
    const scenes = await layoutChart(chart, { fonts, page: 'A4' });
    expect(scenes.length).toBeGreaterThan(1);
    expectPagesInvariants(scenes, chart, colorTheme.minBodySize);
  });
});

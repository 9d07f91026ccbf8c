/**
 * How the poster shows issue #13's keys: stage facts inside the stage box, branches as labelled
 * arrows to exits (end terminals beside the stage) and along the loop lane, optional
 * stages dashed, the chart's level words in badges and legend, 依据 and 监督 outside the flow.
 */
import { describe, expect, it } from 'vitest';
import { createFontSet, FontRegistry } from '../../src/fonts/index.js';
import { layoutChart } from '../../src/layout/index.js';
import { loadChart, type PowerChart } from '../../src/model/index.js';
import type { Scene } from '../../src/scene/index.js';
import { colorTheme } from '../../src/theme/index.js';
import { expectPagesInvariants, expectSceneInvariants } from './invariants.js';
import { layoutOnePage } from './one-page.js';

const fonts = createFontSet(new FontRegistry());

/** The text of a box as read: its runs joined, in order. */
function boxText(scene: Scene, id: string): string {
  return scene.texts
    .filter((t) => t.box === id)
    .map((t) => t.text)
    .join('');
}

function stageId(scene: Scene, name: string): string {
  const box = scene.boxes.find((b) => b.kind === 'stage' && boxText(scene, b.id).startsWith(name));
  if (!box) throw new Error(`no stage ${name}`);
  return box.id;
}

describe('a chart with branches, an optional stage and stage facts', () => {
  it('shows each stage’s facts inside its box, and its branches as labelled arrows', async () => {
    const scene = await layoutOnePage(await loadChart('examples/charts/xingzheng-xuke.yaml'), { fonts });
    const accept = stageId(scene, '受理');
    // Lines joined without the spaces a line break took.
    expect(boxText(scene, accept).replace(/\s/gu, '')).toContain('5个工作日·政务服务窗口');
    expect(boxText(scene, accept)).toContain('依据：行政许可法第三十二条');
    // Facts break between words, at the dot first, and no line starts with the dot.
    const runs = scene.boxes
      .filter((b) => b.kind === 'stage')
      .flatMap((b) => scene.texts.filter((t) => t.box === b.id).map((t) => t.text));
    expect(runs.filter((t) => /^\s*·/u.test(t))).toEqual([]);
    for (const word of ['政务服务窗口', '第三十二条', '分管局领导'])
      expect(
        runs.some((t) => t.includes(word)),
        word,
      ).toBe(true);
    expect(boxText(scene, accept)).not.toContain('→');
    // An optional stage says so in its box; its condition labels the flow arrow into it.
    const hearing = stageId(scene, '听证');
    expect(boxText(scene, hearing)).toContain('（可选环节）');
    expect(boxText(scene, hearing)).not.toContain('涉及重大利益关系的');
    const byId = new Map(scene.boxes.map((b) => [b.id, b]));
    const lines = new Map(scene.lines.map((l) => [l.id, l]));
    /** The label that reads `when`, and the line it labels. */
    const labelled = (when: string) => {
      const label = scene.boxes.find((b) => b.kind === 'label' && boxText(scene, b.id) === when);
      if (label?.kind !== 'label') throw new Error(`no label ${when}`);
      return lines.get(label.line);
    };
    // An exit: an end terminal beside 受理, its arrow labelled with the condition.
    const refuse = labelled('不符合受理条件');
    expect(refuse).toMatchObject({ kind: 'branch', from: accept });
    const exit = byId.get(refuse?.kind === 'branch' ? refuse.to : '');
    expect(exit).toMatchObject({ kind: 'exit', stage: accept });
    expect(boxText(scene, exit?.id ?? '')).toBe('不予受理并书面说明理由');
    // To the next stage: the condition labels the flow arrow.
    expect(labelled('材料不齐全')).toMatchObject({ kind: 'flow', from: accept });
    expect(labelled('涉及重大利益关系的')).toMatchObject({ kind: 'flow', to: hearing });
    // A loop back: an arrow from 一次性告知补正 into 受理.
    expect(labelled('补正后')).toMatchObject({
      kind: 'branch',
      from: stageId(scene, '一次性告知补正'),
      to: accept,
    });
  });

  it('dashes the optional stage only', async () => {
    const scene = await layoutOnePage(await loadChart('examples/charts/xingzheng-xuke.yaml'), { fonts });
    const hearing = stageId(scene, '听证');
    for (const box of scene.boxes) {
      if (box.kind !== 'stage') continue;
      const expected = box.id === hearing ? colorTheme.optionalDash.map((d) => d * scene.page.scale) : [];
      expect(box.dash.map((d) => Number(d.toFixed(1)))).toEqual(expected.map((d) => Number(d.toFixed(1))));
    }
  });

  it('puts the chart’s 依据 under its name and 监督 in the footer', async () => {
    const scene = await layoutOnePage(await loadChart('examples/charts/xingzheng-xuke.yaml'), { fonts });
    expect(boxText(scene, 'meta')).toContain('依据：《中华人民共和国行政许可法》第二十九条至第五十条');
    expect(boxText(scene, 'footer')).toContain('投诉举报：县纪委监委派驻人社局纪检监察组 电话 0000-1234567');
  });

  it('speaks the chart’s level words in badges and legend', async () => {
    const scene = await layoutOnePage(await loadChart('examples/charts/xingzheng-chufa.yaml'), { fonts });
    const badges = scene.boxes.filter((b) => b.kind === 'badge').map((b) => boxText(scene, b.id));
    expect(new Set(badges)).toEqual(new Set(['一级', '二级', '三级']));
    expect(boxText(scene, 'legend')).toContain('一级风险');
    const benefit = await layoutOnePage(await loadChart('examples/charts/xingzheng-jifu.yaml'), { fonts });
    expect(boxText(benefit, 'legend')).toContain('一般风险');
  });
});

describe('an optional stage’s condition', () => {
  it('stays in the box when a branch’s 条件 already labels the arrow into the stage', async () => {
    const chart: PowerChart = {
      name: '某职权',
      stages: [
        { name: '受理', branches: [{ when: '材料齐全', to: '听证' }] },
        { name: '听证', optional: true, when: '涉及重大利益的' },
        { name: '办结' },
      ],
    };
    const scene = await layoutOnePage(chart, { fonts });
    expect(boxText(scene, 'stage-1')).toContain('（可选：涉及重大利益的）');
    expect(scene.boxes.some((b) => b.id === 'label-1-optional')).toBe(false);
    expect(boxText(scene, 'label-0-0')).toBe('材料齐全');
  });
});

describe('an exit beside its stage', () => {
  /** A stage with a control box and one exit, its box as tall as its facts make it. */
  const chart = (facts: Partial<PowerChart['stages'][number]>): PowerChart => ({
    name: '某职权',
    stages: [
      { name: '申请' },
      {
        name: '决定',
        ...facts,
        branches: [{ when: '不符合法定条件', to: '不予许可并告知救济途径' }],
        control: { items: ['集体研究决定'] },
      },
      { name: '送达' },
    ],
  });
  const arrow = (scene: Scene) => scene.lines.find((l) => l.kind === 'branch')?.points;

  it.each([
    ['a time limit and handler', { timeLimit: '20个工作日', handler: '分管局领导' }],
    ['a legal basis too', { timeLimit: '20个工作日', handler: '分管局领导', basis: '行政许可法第三十八条' }],
  ])('gets a straight arrow when the control connector leaves it room: %s', async (_, facts) => {
    expect(arrow(await layoutOnePage(chart(facts), { fonts }))).toHaveLength(2);
  });

  it('steps only beside a stage shorter than the exit over the connector', async () => {
    // One line of name: the exit above the connector cannot be level with the stage's side.
    expect(arrow(await layoutOnePage(chart({}), { fonts }))).toHaveLength(4);
  });

  it('gets a straight arrow in the 行政许可 example (不予许可, beside 决定)', async () => {
    const scene = await layoutOnePage(await loadChart('examples/charts/xingzheng-xuke.yaml'), { fonts });
    const toExits = scene.lines.filter((l) => l.kind === 'branch' && l.to.startsWith('exit-'));
    expect(toExits.length).toBeGreaterThan(0);
    for (const line of toExits) expect(line.points, line.id).toHaveLength(2);
  });
});

describe('an exit with its own side boxes', () => {
  const chart: PowerChart = {
    name: '某职权',
    stages: [
      { name: '申请', risk: { items: ['材料造假'] } },
      {
        name: '受理',
        branches: [
          {
            when: '不符合条件',
            to: '不予受理',
            risk: { items: ['随意不予受理'], level: 'medium' },
            control: { items: ['书面说明理由'], owner: '科长' },
          },
          { when: '材料不全', to: '告知补正' },
        ],
        risk: { items: ['推诿拖延'] },
        control: { items: ['一次性告知'] },
      },
      { name: '办结', control: { items: ['按时办结'] } },
    ],
  };

  it('draws them on the exit’s own row below its stage, aligned with the side columns', async () => {
    const scene = await layoutOnePage(chart, { fonts });
    expectSceneInvariants(scene, colorTheme.minBodySize, 6 * scene.page.scale);
    const byId = new Map(scene.boxes.map((b) => [b.id, b]));
    const get = (id: string) => {
      const box = byId.get(id);
      if (!box) throw new Error(`no box ${id}`);
      return box;
    };
    const [exit, risk, control] = [get('exit-1-0'), get('exit-1-0-risk'), get('exit-1-0-control')];
    expect(risk).toMatchObject({ kind: 'risk', stage: 'stage-1', exit: 'exit-1-0', level: 'medium' });
    expect(control).toMatchObject({ kind: 'control', stage: 'stage-1', exit: 'exit-1-0' });
    expect(boxText(scene, risk.id)).toContain('随意不予受理');
    expect(boxText(scene, control.id)).toContain('责任人：科长');
    // Its row is between its stage's and the next stage's, the boxes in the side columns.
    const [stage, next] = [get('stage-1'), get('stage-2')];
    const below = (a: typeof stage, b: typeof stage) => a.y + a.height < b.y;
    expect(below(get('risk-1'), risk) && below(get('control-1'), control) && below(stage, exit)).toBe(true);
    expect(below(risk, next) && below(control, next) && below(exit, next)).toBe(true);
    expect(risk.x).toBeCloseTo(get('risk-1').x, 3);
    expect(control.x).toBeCloseTo(get('control-1').x, 3);
    // The connectors join the exit; its arrow leaves the stage and enters the terminal's top.
    const lines = new Map(scene.lines.map((l) => [l.id, l]));
    expect(lines.get('connector-exit-1-0-risk')).toMatchObject({ from: risk.id, to: exit.id });
    expect(lines.get('connector-exit-1-0-control')).toMatchObject({ from: control.id, to: exit.id });
    const arrow = lines.get('branch-1-0');
    expect(arrow).toMatchObject({ from: 'stage-1', to: exit.id });
    expect(arrow?.points.at(-1)?.[1]).toBeCloseTo(exit.y, 3);
    // The exit without boxes stays in the lane beside its stage.
    const plain = get('exit-1-1');
    expect(plain.y + plain.height).toBeLessThan(exit.y);
  });

  it('keeps a chart without them as it was: no exit row', async () => {
    const plain: PowerChart = {
      ...chart,
      stages: chart.stages.map((s) => ({
        ...s,
        ...(s.branches && { branches: s.branches.map(({ when, to }) => ({ when, to })) }),
      })),
    };
    const scene = await layoutOnePage(plain, { fonts });
    expect(scene.boxes.some((b) => (b.kind === 'risk' || b.kind === 'control') && b.exit)).toBe(false);
  });
});

describe('a loop or jump whose stages fall on different pages', () => {
  const long = (stage: string, side: string) =>
    [0, 1, 2, 3].map((j) => `${stage}环节${side}第${j}条，内容较长以便占满页面高度，测试跨页绘制分支。`);
  const names = ['立案', '调查取证', '审核', '告知', '听证', '决定', '送达', '执行'];
  const chart: PowerChart = {
    name: '跨页示例',
    stages: names.map((name) => ({
      name,
      ...(name === '立案' && { branches: [{ when: '案情简单', to: '决定' }] }),
      ...(name === '执行' && { branches: [{ when: '需重新调查', to: '调查取证' }] }),
      risk: { items: long(name, '风险点') },
      control: { items: long(name, '防控措施') },
    })),
  };

  it('runs on each page to a stub naming the other stage and its page', async () => {
    const scenes = await layoutChart(chart, { fonts, page: 'A4' });
    expect(scenes.length).toBeGreaterThan(1);
    expectPagesInvariants(scenes, chart, colorTheme.minBodySize);
    const pageOf = (id: string) => scenes.findIndex((s) => s.boxes.some((b) => b.id === id));
    const text = (id: string) => boxText(scenes[pageOf(id)] as Scene, id).replace(/\s/g, '');
    const line = (id: string) => scenes.flatMap((s) => s.lines).find((l) => l.id === id);
    // 执行 (stage 7) loops back to 调查取证 (stage 1) on an earlier page.
    expect(pageOf('stage-7')).toBeGreaterThan(pageOf('stage-1'));
    expect(text('label-7-0')).toBe(`需重新调查，退回至“调查取证”（第${pageOf('stage-1') + 1}页）`);
    expect(line('branch-7-0')).toMatchObject({ from: 'stage-7', to: 'label-7-0' });
    expect(pageOf('label-7-0-in')).toBe(pageOf('stage-1'));
    expect(text('label-7-0-in')).toBe(`“执行”（第${pageOf('stage-7') + 1}页）需重新调查，退回至此`);
    expect(line('branch-7-0-in')).toMatchObject({ from: 'label-7-0-in', to: 'stage-1' });
    // 立案 (stage 0) jumps ahead to 决定 (stage 5) on a later page.
    expect(pageOf('stage-5')).toBeGreaterThan(pageOf('stage-0'));
    expect(text('label-0-0')).toBe(`案情简单，转至“决定”（第${pageOf('stage-5') + 1}页）`);
    expect(line('branch-0-0-in')).toMatchObject({ from: 'label-0-0-in', to: 'stage-5' });
    // The leaving stub is below the flow for a jump ahead, above it for a loop back.
    const box = (id: string) => scenes[pageOf(id)]?.boxes.find((b) => b.id === id);
    const y = (id: string) => box(id)?.y ?? Number.NaN;
    expect(y('label-0-0')).toBeGreaterThan(y('stage-0'));
    expect(y('label-7-0')).toBeLessThan(y('stage-7'));
  });
});

describe('loops meeting one stage', () => {
  // Four loops into and out of 受理 (one to itself): each meets the stage at its own height.
  const chart: PowerChart = {
    name: '某职权',
    stages: [
      { name: '受理', branches: [{ when: '当场补正', to: '受理' }] },
      { name: '审查', branches: [{ when: '材料不全', to: '受理' }] },
      {
        name: '决定',
        branches: [
          { when: '需再审', to: '审查' },
          { when: '重新受理', to: '受理' },
        ],
      },
    ],
  };

  it('never run into each other, and the invariants would catch two lines that do', async () => {
    const scene = await layoutOnePage(chart, { fonts });
    expectSceneInvariants(scene, colorTheme.minBodySize, 6 * scene.page.scale);
    const into = scene.lines
      .filter((l) => l.kind === 'branch' && l.to === 'stage-0')
      .map((l) => l.points.at(-1)?.[1]);
    expect(new Set(into).size).toBe(3);
    // Doctored: a loop's last leg moved onto another's.
    const [a, b] = scene.lines.filter((l) => l.kind === 'branch' && l.to === 'stage-0');
    if (!a || !b) throw new Error('no loops into stage-0');
    // (On the rounded 受理 the legs end at different x; the moved one ends where the other does.)
    const [ax, y] = a.points.at(-1) as readonly [number, number];
    const last = b.points.length - 1;
    const moved = b.points.map(
      ([x, py], k) => [k === last ? ax : x, k >= last - 1 ? y : py] as [number, number],
    );
    // (Its hops, on the leg it had, go with it.)
    const { hops: _, ...bare } = b;
    const bad = { ...scene, lines: scene.lines.map((l) => (l === b ? { ...bare, points: moved } : l)) };
    expect(() => expectSceneInvariants(bad, colorTheme.minBodySize)).toThrow(/runs along/);
  });
});

/**
 * A small but realistic Scene built by hand, standing in for the layout step (written in
 * parallel) in the renderer tests: title and meta block, three stages (two terminals), a risk
 * box with band and level badge, a control box, flow arrows, connectors and a legend. Every text
 * run's width is measured with fontkit from the bundled fonts, so it is exact.
 */
import { bundledFontPaths } from '../../src/fonts/bundled.js';
import { createFontSet, type FontId, type FontSet, fontById } from '../../src/fonts/font-set.js';
import { FontRegistry } from '../../src/fonts/registry.js';
import type {
  Scene,
  SceneBox,
  SceneFont,
  SceneLevel,
  SceneLine,
  SceneStageBox,
  SceneText,
} from '../../src/scene/index.js';
import { colorTheme } from '../../src/theme/builtin.js';

/** The bundled Noto Sans SC faces, from a fresh registry. */
export function loadBundledFonts(): FontSet {
  return createFontSet(new FontRegistry());
}

export { bundledFontPaths };

const round = (v: number): number => Math.round(v * 100) / 100;

/** Width in pt of `text` in the face behind `font`, as the layout measures it (fontkit layout). */
export function measureWidth(fonts: FontSet, font: string, text: string, size: number): number {
  const { font: f } = fontById(fonts, font);
  return round((f.layout(text).advanceWidth * size) / f.unitsPerEm);
}

/** `scene` with the text of run `index` replaced (and its width measured again). */
export function withRunText(scene: Scene, fonts: FontSet, index: number, text: string): Scene {
  return {
    ...scene,
    texts: scene.texts.map((t, i) =>
      i === index ? { ...t, text, width: measureWidth(fonts, t.font, text, t.size) } : t,
    ),
  };
}

/** ISO A4 in points: 210 × 297 mm. */
export const A4 = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 } as const;

export interface SampleOptions {
  /** Extra risk items appended to the risk box (e.g. hostile strings for escaping tests). */
  extraRisks?: string[];
  /** Page size; the content stays at the top-left, as a real layout would scale it. */
  page?: { size: 'A4' | 'A3' | 'custom'; width: number; height: number };
}

/** Builds the sample Scene with `fonts` (use {@link loadBundledFonts}). */
export function sampleScene(fonts: FontSet, opts: SampleOptions = {}): Scene {
  const t = colorTheme;
  const boxes: SceneBox[] = [];
  const lines: SceneLine[] = [];
  const texts: SceneText[] = [];

  const measure = (font: FontId, text: string, size: number): number => measureWidth(fonts, font, text, size);
  const addBox = (box: SceneBox): string => {
    boxes.push(box);
    return box.id;
  };
  const addText = (
    box: string,
    font: FontId,
    size: number,
    color: string,
    text: string,
    x: number,
    y: number,
  ) => {
    const id = `${box}.${texts.filter((t) => t.box === box).length}`;
    const width = measure(font, text, size);
    // One paragraph per line: this Scene tests geometry, not reading units.
    const paragraph = texts.length;
    texts.push({
      id,
      box,
      text,
      x: round(x),
      y: round(y),
      width,
      font,
      size,
      color,
      paragraph,
      role: 'text',
    });
  };
  /** Baseline of a line of `size` text whose line box of `lh` starts at `top`. */
  const baseline = (top: number, size: number, lh: number) => top + (lh - size) / 2 + 0.88 * size;
  /** Greedy per-character wrap (the real layout follows UAX #14; any break is fine here). */
  const wrap = (font: FontId, size: number, text: string, width: number): string[] => {
    const out: string[] = [];
    let line = '';
    for (const ch of Array.from(text)) {
      if (line !== '' && measure(font, line + ch, size) > width) {
        out.push(line);
        line = '';
      }
      line += ch;
    }
    if (line !== '') out.push(line);
    return out;
  };
  const centred = (box: SceneBox, font: FontId, size: number, color: string, text: string) => {
    const w = measure(font, text, size);
    addText(
      box.id,
      font,
      size,
      color,
      text,
      box.x + (box.width - w) / 2,
      box.y + (box.height - size) / 2 + 0.88 * size,
    );
  };

  const page = opts.page ?? { size: 'A4' as const, ...A4 };
  const margin = 32;
  const left = round(
    (A4.width - (t.widths.risk + t.widths.control + t.widths.stage + 2 * t.spacing.columnGap)) / 2,
  );
  const stageX = round(left + t.widths.risk + t.spacing.columnGap);
  const controlX = round(stageX + t.widths.stage + t.spacing.columnGap);
  const stageMid = stageX + t.widths.stage / 2;
  // Title and meta block.
  const title: SceneBox = { id: 'title', kind: 'title', x: left, y: margin, width: 530, height: 30 };
  addBox(title);
  centred(title, 'title', t.sizes.title, t.colors.title, '行政职权廉政风险防控图');
  const meta = addBox({ id: 'meta', kind: 'meta', x: left, y: margin + 36, width: 530, height: 45 });
  ['行政许可类', '职权编码：1600-A-00400-140400', '职权名称：职业资格证书核发'].forEach((line, i) => {
    const lh = t.sizes.meta * t.lineHeight;
    addText(
      meta,
      'body',
      t.sizes.meta,
      t.colors.text,
      line,
      left,
      baseline(margin + 36 + i * lh, t.sizes.meta, lh),
    );
  });

  const stage = (i: number, name: string, y: number, terminal: boolean): SceneStageBox => {
    const box: SceneStageBox = {
      id: `stage-${i}`,
      kind: 'stage',
      terminal,
      x: stageX,
      y,
      width: t.widths.stage,
      height: 30,
      radius: terminal ? 15 : 3,
      fill: terminal ? t.colors.terminalFill : t.colors.stageFill,
      stroke: t.colors.stageStroke,
      strokeWidth: t.widths.stageBox,
      dash: [],
    };
    addBox(box);
    centred(box, 'bold', t.sizes.stage, t.colors.text, name);
    return box;
  };

  /** A side box: band heading, numbered items (hanging indent), closing line. */
  const sideBox = (kind: 'risk' | 'control', x: number, width: number, y: number, level?: SceneLevel) => {
    const pad = t.spacing.padding;
    const lh = t.sizes.body * t.lineHeight;
    const bandH = round(t.sizes.band * t.lineHeight + 4);
    const items =
      kind === 'risk'
        ? [
            '对提出的申请不按规定时限受理审核，故意拖延。',
            '没有一次性告知申请人需要补正的全部内容。',
            ...(opts.extraRisks ?? []),
          ]
        : ['严格履行服务承诺制，按时限办结。', '明确工作程序和审核标准，公开办事指南。'];
    const rows: { font: FontId; text: string; indent: number }[] = [];
    if (kind === 'control') {
      for (const l of wrap(
        'body',
        t.sizes.body,
        '严格按照行政许可事项的有关规定办理。具体措施如下：',
        width - 2 * pad,
      )) {
        rows.push({ font: 'body', text: l, indent: 0 });
      }
    }
    items.forEach((item, i) => {
      const prefix = `${i + 1}.`;
      const indent = measure('body', prefix, t.sizes.body);
      wrap('body', t.sizes.body, item, width - 2 * pad - indent).forEach((l, j) => {
        rows.push({ font: 'body', text: j === 0 ? prefix + l : l, indent: j === 0 ? 0 : indent });
      });
    });
    rows.push(
      kind === 'risk'
        ? { font: 'bold', text: '风险等级：中', indent: 0 }
        : { font: 'bold', text: '责任人：职业能力建设科', indent: 0 },
    );
    const height = round(bandH + pad + rows.length * lh + pad);
    const style = level ? t.levels[level] : undefined;
    const common = {
      id: `${kind}-1`,
      stage: 'stage-1',
      x,
      y,
      width,
      height,
      radius: 4,
      fill: kind === 'risk' ? t.colors.riskFill : t.colors.controlFill,
      stroke: style ? style.stroke : t.colors.controlStroke,
      strokeWidth: style ? style.strokeWidth : t.widths.box,
      dash: style ? style.dash : [],
      band: { height: bandH, fill: kind === 'risk' ? t.colors.riskBand : t.colors.controlBand },
    };
    const box: SceneBox =
      kind === 'risk' ? { ...common, kind, ...(level && { level }) } : { ...common, kind };
    const index = addBox(box);
    addText(
      index,
      'bold',
      t.sizes.band,
      t.colors.bandText,
      kind === 'risk' ? '风险点' : '防控措施',
      x + pad,
      baseline(y, t.sizes.band, bandH),
    );
    rows.forEach((row, i) => {
      const top = y + bandH + pad + i * lh;
      addText(
        index,
        row.font,
        t.sizes.body,
        t.colors.text,
        row.text,
        x + pad + row.indent,
        baseline(top, t.sizes.body, lh),
      );
    });
    if (style && level) {
      const size = t.sizes.legend;
      const badge: SceneBox = {
        id: `${index}-badge`,
        kind: 'badge',
        parent: index,
        level,
        x: round(x + width - pad - 16),
        y: round(y + (bandH - 12) / 2),
        width: 16,
        height: 12,
        radius: 2,
        fill: style.fill,
        stroke: 'none',
        strokeWidth: 0,
        dash: [],
      };
      addBox(badge);
      centred(badge, 'bold', size, style.text, '中');
    }
    return box;
  };

  const s0 = stage(0, '申请人提出申请', 130, true);
  const rowTop = 190;
  const risk = sideBox('risk', left, t.widths.risk, rowTop, 'medium');
  const control = sideBox('control', controlX, t.widths.control, rowTop);
  const rowHeight = Math.max(risk.height, control.height);
  const s1y = round(rowTop + (rowHeight - 30) / 2);
  const s1 = stage(1, '资料审核', s1y, false);
  const s2 = stage(2, '办结', round(rowTop + rowHeight + 30), true);
  const mid1 = s1y + 15;

  const flow = (from: SceneStageBox, to: SceneStageBox): SceneLine => ({
    id: `flow-${from.id}`,
    kind: 'flow',
    from: from.id,
    to: to.id,
    points: [
      [stageMid, round(from.y + from.height)],
      [stageMid, round(to.y)],
    ],
    stroke: t.colors.line,
    width: t.widths.line,
    arrow: { length: 7, halfWidth: 3.5 },
  });
  lines.push(flow(s0, s1), flow(s1, s2));
  lines.push(
    {
      id: 'connector-risk-1',
      kind: 'connector',
      from: risk.id,
      to: s1.id,
      points: [
        [round(left + t.widths.risk), round(mid1)],
        [stageX, round(mid1)],
      ],
      stroke: t.colors.line,
      width: t.widths.line,
    },
    {
      id: 'connector-control-1',
      kind: 'connector',
      from: control.id,
      to: s1.id,
      points: [
        [round(stageX + t.widths.stage), round(mid1)],
        [controlX, round(mid1)],
      ],
      stroke: t.colors.line,
      width: t.widths.line,
    },
  );

  // Legend: a label and one swatch per level; the low swatch is dashed like a low risk box.
  const legendY = round(s2.y + s2.height + 30);
  const legend = addBox({ id: 'legend', kind: 'legend', x: left, y: legendY, width: 230, height: 24 });
  addText(
    legend,
    'body',
    t.sizes.legend,
    t.colors.text,
    '风险等级：',
    left + 6,
    baseline(legendY, t.sizes.legend, 24),
  );
  (['high', 'medium', 'low'] as const).forEach((level, i) => {
    const style = t.levels[level];
    const swatch: SceneBox = {
      id: `swatch-${level}`,
      kind: 'swatch',
      parent: legend,
      level,
      x: round(left + 60 + i * 56),
      y: round(legendY + 6),
      width: 16,
      height: 12,
      radius: 2,
      fill: style.fill,
      stroke: style.stroke,
      strokeWidth: level === 'low' ? style.strokeWidth : 0,
      dash: style.dash,
    };
    addBox(swatch);
    const label = { high: '高', medium: '中', low: '低' }[level];
    centred(swatch, 'bold', t.sizes.legend, style.text, label);
    addText(
      legend,
      'body',
      t.sizes.legend,
      t.colors.text,
      `${label}风险`,
      swatch.x + 20,
      baseline(legendY, t.sizes.legend, 24),
    );
  });

  const sceneFont = (id: FontId): SceneFont => {
    const face = fontById(fonts, id);
    return { postscriptName: face.postscriptName, familyName: face.familyName };
  };
  return {
    format: 'fangkongtu-scene',
    version: 3,
    page: { ...page, margin, scale: 1, number: 1, count: 1 },
    meta: {
      title: '行政职权廉政风险防控图',
      category: '行政许可类',
      codes: ['1600-A-00400-140400'],
      name: '职业资格证书核发',
      codeLabel: '1600-A-00400-140400',
    },
    fonts: { body: sceneFont('body'), bold: sceneFont('bold'), title: sceneFont('title') },
    background: t.colors.background,
    boxes,
    lines,
    texts,
    warnings: [],
  };
}

/** The sample with a different name and code, for booklet tests. */
export function renamedScene(scene: Scene, name: string, code: string): Scene {
  return { ...scene, meta: { ...scene.meta, name, codes: [code], codeLabel: code } };
}

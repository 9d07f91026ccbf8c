/**
 * Issue #16, finding 10: the npm API checks what it is given. A chart object goes through the
 * same schema as a file (so `level: '高'` works and a missing field is a ChartError naming it);
 * a Scene is told by its marker and checked (a SceneError naming the field); whatever a caller
 * without types passes ends in one of those, never a TypeError.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ChartError,
  createFontSet,
  FontRegistry,
  layoutChart,
  loadChart,
  parseChart,
  renderBooklet,
  renderDocx,
  renderDocxBooklet,
  renderPdf,
  renderPng,
  renderSvg,
  renderTable,
  SceneError,
  validateChart,
} from '../src/index.js';
import { SCENE_VERSION } from '../src/scene/index.js';

const fonts = createFontSet(new FontRegistry());

/** A chart as someone writes it in code, without going through a file. */
function chartObject(): Record<string, unknown> {
  return {
    name: '代码里写的图',
    codes: ['1600-A-00400-140400'],
    stages: [
      { name: '申请' },
      {
        name: '受理',
        risk: { items: ['1、没有一次性告知'], level: '高' },
        control: { items: ['一次性告知'], owner: '办公室' },
      },
      { name: '办结' },
    ],
  };
}

/** What `run` throws (or undefined). */
async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('a chart object is checked as a file is', () => {
  it('accepts what a file accepts: 高, typed numbering, Chinese keys', async () => {
    const written = chartObject();
    const normalised = validateChart(written);
    expect(normalised.stages[1]?.risk).toEqual({ items: ['没有一次性告知'], level: 'high' });
    const asFile = parseChart(
      'name: 代码里写的图\ncodes: 1600-A-00400-140400\nstages:\n  - name: 申请\n  - name: 受理\n    risk: { items: [没有一次性告知], level: high }\n    control: { items: [一次性告知], owner: 办公室 }\n  - name: 办结\n',
    );
    expect(normalised).toEqual(asFile);
    const chinese = validateChart({
      职权名称: '代码里写的图',
      职权编码: '1600-A-00400-140400',
      环节: [{ 名称: '申请' }],
    });
    expect(chinese.name).toBe('代码里写的图');
    // Rendering the object as written gives the poster of the file.
    expect(await renderSvg(written as never, { fonts })).toEqual(await renderSvg(asFile, { fonts }));
  });

  it('names a missing or wrong field in a ChartError, for every entry point', async () => {
    const missingName = chartObject();
    delete missingName.name;
    const badItems = chartObject();
    (badItems.stages as unknown[])[1] = { name: '受理', risk: { items: '不是列表' } };
    const entryPoints: [string, (c: unknown) => unknown][] = [
      ['validateChart', (c) => validateChart(c)],
      ['layoutChart', (c) => layoutChart(c as never, { fonts })],
      ['renderSvg', (c) => renderSvg(c as never, { fonts })],
      ['renderPng', (c) => renderPng(c as never, { fonts, dpi: 36 })],
      ['renderPdf', (c) => renderPdf(c as never, { fonts })],
      ['renderBooklet', (c) => renderBooklet([c as never], { fonts })],
      ['renderDocx', (c) => renderDocx(c as never, { fonts })],
      ['renderDocxBooklet', (c) => renderDocxBooklet([c as never], { fonts })],
      ['renderTable', (c) => renderTable([c as never], 'csv')],
    ];
    for (const [name, call] of entryPoints) {
      const noName = await thrown(() => call(missingName));
      expect(noName, name).toBeInstanceOf(ChartError);
      expect((noName as ChartError).message, name).toMatch(
        /^<chart>: name: 缺少必填项.* \/ required field is missing/u,
      );
      const items = await thrown(() => call(badItems));
      expect(
        (items as ChartError).problems.map((p) => p.path),
        name,
      ).toEqual(['stages[1].risk.items']);
    }
  });

  it('refuses values no file could hold, naming their field', () => {
    const withFunction = chartObject();
    withFunction.name = () => '图';
    const selfish = chartObject();
    (selfish.stages as Record<string, unknown>[])[0] = { name: '申请', control: selfish };
    const withMap = chartObject();
    withMap.footer = new Map([['unit', '某局']]);
    const cases: [unknown, string][] = [
      [withFunction, 'name: 应为数据，实际为 function / expected data, found a function'],
      [selfish, 'stages[0].control: 对象引用了自身 / the object contains itself'],
      [
        withMap,
        'footer: 应为普通对象、列表或文字，实际为 Map / expected a plain object, a list or text, found a Map',
      ],
      [null, '应为一张防控图（对象），实际为 null / expected a chart (an object), found null'],
      ['name: 图', '应为一张防控图（对象），实际为 a string / expected a chart (an object), found a string'],
      [[chartObject()], '应为一张防控图（对象），实际为 a list / expected a chart (an object), found a list'],
    ];
    for (const [value, message] of cases) {
      const error = (() => {
        try {
          validateChart(value);
        } catch (err) {
          return err;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ChartError);
      expect((error as ChartError).message).toBe(`<chart>: ${message}`);
    }
  });

  it('parseChart and loadChart refuse what is not text or a path with a ChartError', async () => {
    expect(await thrown(() => parseChart(42 as never))).toBeInstanceOf(ChartError);
    expect(await thrown(() => loadChart(undefined as never))).toBeInstanceOf(ChartError);
  });

  it('never throws anything but a ChartError for any value, nor for a valid chart with one field replaced', () => {
    const field = fc.constantFrom('name', 'codes', 'category', 'stages', 'footer', 'title');
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.tuple(field, fc.anything())), (input) => {
        const value =
          Array.isArray(input) && input.length === 2 && typeof input[0] === 'string'
            ? { ...chartObject(), [input[0]]: input[1] }
            : input;
        try {
          validateChart(value);
        } catch (err) {
          if (!(err instanceof ChartError)) throw err;
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** A Scene as plain JSON that a test breaks on purpose, writing values of the wrong type. */
// biome-ignore lint/suspicious/noExplicitAny: the point is to write what the types forbid.
type Loose = any;

describe('a Scene is recognised by its marker and checked (finding 10)', () => {
  /** A laid-out Scene as plain JSON, changed by `change`. */
  async function brokenScene(change: (s: Loose) => void): Promise<unknown> {
    const [page] = await layoutChart(chartObject() as never, { fonts });
    const scene = structuredClone(page) as Loose;
    change(scene);
    return scene;
  }

  it('names the field of a broken Scene in a SceneError, for every entry point, and never lays it out as a chart', async () => {
    const cases: [string, (s: Loose) => void, string][] = [
      ['a later version', (s) => (s.version = SCENE_VERSION + 1), 'version'],
      ['a text run on a box that does not exist', (s) => (s.texts[0].box = 'box-9999'), 'texts[0].box'],
      ['a NaN coordinate', (s) => (s.boxes[1].x = Number.NaN), 'boxes[1].x'],
      ['no marker, boxes of an older Scene', (s) => delete s.format, 'format'],
    ];
    const entryPoints: [string, (s: unknown) => unknown][] = [
      ['renderSvg', (s) => renderSvg(s as never, { fonts })],
      ['renderPng', (s) => renderPng(s as never, { fonts, dpi: 36 })],
      ['renderPdf', (s) => renderPdf(s as never, { fonts })],
      ['renderBooklet', (s) => renderBooklet([s as never], { fonts })],
      ['renderDocx', (s) => renderDocx(s as never, { fonts })],
    ];
    for (const [what, change, field] of cases) {
      const scene = await brokenScene(change);
      for (const [name, call] of entryPoints) {
        const error = await thrown(() => call(scene));
        expect(error, `${what} → ${name}`).toBeInstanceOf(SceneError);
        expect((error as SceneError).field, `${what} → ${name}`).toBe(field);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createFontSet, FontRegistry } from '../../src/fonts/index.js';
import { parseChart } from '../../src/model/index.js';
import type { Scene } from '../../src/scene/index.js';
import { layoutOnePage } from './one-page.js';

const fonts = createFontSet(new FontRegistry());

/** The poster's reading units: each paragraph's runs joined, in paragraph order. */
function paragraphs(scene: Scene): { text: string; roles: string[] }[] {
  const out: { text: string; roles: string[] }[] = [];
  for (const run of scene.texts) {
    const p = out[run.paragraph] ?? { text: '', roles: [] };
    out[run.paragraph] = p;
    p.text += run.text;
    if (!p.roles.includes(run.role)) p.roles.push(run.role);
  }
  return out;
}

const chart = parseChart(`
category: 行政许可类
codes: 1600-A-00400-140400
name: 职业资格证书核发
stages:
  - name: 申请
  - name: 受理
    risk:
      items:
        - 对提出的申请不重视或不接受，没有一次性告知申请人所需提供的全部材料，致使申请人多次往返；
        - 不按规定程序受理。
      level: high
    control:
      intro: 严格按照有关规定办理。具体措施如下：
      items: [严格履行服务承诺制度；]
      owner: 办公室
  - name: 办结
`);

describe('reading units (SceneText.paragraph and role)', () => {
  it('gives each list item one paragraph, number and wrapped lines together, in reading order', async () => {
    const scene = await layoutOnePage(chart, { fonts });
    const units = paragraphs(scene);
    // Paragraph numbers are dense and follow the runs' order.
    expect(units.every((u) => u !== undefined)).toBe(true);
    const first = scene.texts.map((t) => t.paragraph);
    expect(first).toEqual([...first].sort((a, b) => a - b));

    const item = units.find((u) => u.text.includes('对提出的申请'));
    expect(item?.text).toBe(
      '1.对提出的申请不重视或不接受，没有一次性告知申请人所需提供的全部材料，致使申请人多次往返；',
    );
    expect(item?.roles).toEqual(['label', 'item']);
    const wrapped = scene.texts.filter((t) => units[t.paragraph] === item);
    expect(new Set(wrapped.map((t) => t.y)).size, 'the item wraps').toBeGreaterThan(1);

    expect(units.map((u) => u.text)).toEqual(
      expect.arrayContaining(['风险点', '防控措施', '2.不按规定程序受理。', '责任人：办公室']),
    );
    expect(units.find((u) => u.text === '风险点')?.roles).toEqual(['heading']);
  });

  it('reads a level badge on from its line: 风险等级：高', async () => {
    const scene = await layoutOnePage(chart, { fonts });
    const level = paragraphs(scene).find((u) => u.text.startsWith('风险等级'));
    expect(level?.text).toBe('风险等级：高');
    const box = (id: string) => scene.boxes.find((b) => b.id === id);
    const badge = scene.texts.find((t) => {
      const holder = box(t.box);
      return t.text === '高' && holder?.kind === 'badge' && box(holder.parent)?.kind === 'risk';
    });
    expect(badge && paragraphs(scene)[badge.paragraph]?.text).toBe('风险等级：高');
  });
});

import { describe, expect, it } from 'vitest';
import { HEADER, importWorkbook, workbook } from './helpers.js';

describe('import: the shapes offices keep their lists in', () => {
  it('merged 职权名称 and 环节, several numbered points in a cell, a title and note above the header', async () => {
    const bytes = await workbook({
      name: '人社局',
      rows: [
        ['某某局廉政风险点及防控措施一览表'],
        ['填报单位：办公室', null, null, null, null, null, '2026年1月'],
        HEADER,
        [1, '职业资格证书核发', '申请人提出申请'],
        [
          null,
          null,
          '受理',
          '1、对提出的申请不重视或不接受；\n2、没有一次性告知申请所需提供的材料。',
          '中',
          '1、严格履行首问责任制；\n2、公开办事流程。',
          '办公室',
        ],
        [null, null, '审核', '1、违反程序、违规越权办理；', '高', '1、强化监管；', '考务室'],
        [null, null, null, '2、无故超期办理。', '高', '2、实行责任追究制。', '考务室'],
        [null, null, '办结'],
      ],
      merges: ['A1:G1', 'A4:A8', 'B4:B8', 'C6:C7'],
    });
    const { charts, notes } = await importWorkbook(bytes);
    expect(notes).toEqual([]);
    expect(charts.map((c) => c.chart)).toStrictEqual([
      {
        name: '职业资格证书核发',
        stages: [
          { name: '申请人提出申请' },
          {
            name: '受理',
            risk: {
              items: ['对提出的申请不重视或不接受；', '没有一次性告知申请所需提供的材料。'],
              level: 'medium',
            },
            control: { items: ['严格履行首问责任制；', '公开办事流程。'], owner: '办公室' },
          },
          {
            name: '审核',
            risk: { items: ['违反程序、违规越权办理；', '无故超期办理。'], level: 'high' },
            control: { items: ['强化监管；', '实行责任追究制。'], owner: '考务室' },
          },
          { name: '办结' },
        ],
      },
    ]);
    expect(charts[0]?.rows).toEqual([4, 8]);
    expect(charts[0]?.sheet).toBe('人社局');
  });

  it('several powers per sheet, grouped by 职权编码, with category; blanks continue the power above', async () => {
    const bytes = await workbook({
      name: 'Sheet1',
      rows: [
        [
          '序号',
          '职权类别',
          '职权编码',
          '职权名称',
          '流程环节',
          '主要风险点',
          '等级',
          '主要防控措施',
          '直接责任人',
        ],
        [
          1,
          '行政许可类',
          '1600-A-00400-140400',
          '职业资格证书核发',
          '受理',
          '不按规定程序受理',
          '低',
          '一次性告知',
          '窗口',
        ],
        [null, null, null, null, '办结'],
        [
          2,
          '行政给付类',
          '1600-G-00100-140400\n1600-G-00199-140400',
          '养老保险待遇支付',
          '审核',
          '审核不严',
          '高风险',
          '双人复核',
          '待遇科',
        ],
      ],
    });
    const { charts } = await importWorkbook(bytes);
    expect(charts.map((c) => c.chart)).toStrictEqual([
      {
        category: '行政许可类',
        codes: ['1600-A-00400-140400'],
        name: '职业资格证书核发',
        stages: [
          {
            name: '受理',
            risk: { items: ['不按规定程序受理'], level: 'low' },
            control: { items: ['一次性告知'], owner: '窗口' },
          },
          { name: '办结' },
        ],
      },
      {
        category: '行政给付类',
        codes: ['1600-G-00100-140400', '1600-G-00199-140400'],
        name: '养老保险待遇支付',
        // The list wrote 高风险: the poster keeps its words.
        levelScale: '高风险/中风险/低风险',
        stages: [
          {
            name: '审核',
            risk: { items: ['审核不严'], level: 'high' },
            control: { items: ['双人复核'], owner: '待遇科' },
          },
        ],
      },
    ]);
  });

  it('one power per sheet with neither code nor name column: the sheet names the power', async () => {
    const bytes = await workbook(
      {
        name: '工伤认定',
        rows: [
          ['环节', '风险点', '防控措施'],
          ['受理', '不受理', '公开'],
        ],
      },
      {
        name: '失业保险待遇给付',
        rows: [
          ['环节', '风险点', '防控措施'],
          ['审核', '审核不严', '复核'],
        ],
      },
    );
    const { charts } = await importWorkbook(bytes);
    expect(charts.map((c) => [c.chart.name, c.chart.stages[0]?.name])).toEqual([
      ['工伤认定', '受理'],
      ['失业保险待遇给付', '审核'],
    ]);
  });

  it('extra columns are left out and named; header words with spaces, line breaks and remarks are known', async () => {
    const bytes = await workbook({
      name: 'S',
      rows: [
        [
          '序号',
          '单位/科室',
          '职权名称',
          '环 节',
          '风险点',
          '风险\n等级',
          '防控措施（办法）',
          '责任人',
          '部门责任人',
          '责任领导',
          '备注',
        ],
        [1, '办公室', '工伤认定', '受理', '不受理', '中', '公开', '窗口', '张三', '李四', '无'],
      ],
    });
    const { charts, notes } = await importWorkbook(bytes);
    expect(notes).toEqual(['t.xlsx!S: 未导入的列：单位/科室、部门责任人、责任领导、备注']);
    expect(charts[0]?.chart.stages[0]).toStrictEqual({
      name: '受理',
      risk: { items: ['不受理'], level: 'medium' },
      control: { items: ['公开'], owner: '窗口' },
    });
  });

  it('one row per risk point under a merged 环节: one stage, items in order, the gravest level (with a note)', async () => {
    const bytes = await workbook({
      name: 'S',
      rows: [
        HEADER,
        [1, '工伤认定', '调查核实', '不深入调查', '中', '双人调查', '工伤科'],
        [2, null, null, '收受好处', '高', '回避制度', '工伤科'],
        [3, null, null, '超期办理', '低', '限时办结', '窗口'],
      ],
      merges: ['B2:B4', 'C2:C4'],
    });
    const { charts, notes } = await importWorkbook(bytes);
    expect(charts[0]?.chart.stages).toStrictEqual([
      {
        name: '调查核实',
        risk: { items: ['不深入调查', '收受好处', '超期办理'], level: 'high' },
        control: { items: ['双人调查', '回避制度', '限时办结'], owner: '工伤科、窗口' },
      },
    ]);
    expect(notes).toEqual(['t.xlsx!S!E3: 环节“调查核实”的各行风险等级不同（中、高、低），取最高的“高”']);
  });

  it('points numbered within one line, a lead sentence before the measures, wrapped points and Chinese numbers', async () => {
    const bytes = await workbook({
      name: 'S',
      rows: [
        HEADER,
        [
          1,
          '工伤认定',
          '受理',
          '1、不受理；2、不告知；3、超期。',
          '中',
          '严格按照有关规定办理。具体措施如下：\n一、公开办事\n流程；\n二、首问负责。',
          '责任人：窗口',
        ],
      ],
    });
    const { charts } = await importWorkbook(bytes);
    expect(charts[0]?.chart.stages[0]).toStrictEqual({
      name: '受理',
      risk: { items: ['不受理；', '不告知；', '超期。'], level: 'medium' },
      control: {
        intro: '严格按照有关规定办理。具体措施如下：',
        items: ['公开办事流程；', '首问负责。'],
        owner: '窗口',
      },
    });
  });

  it('时限, 依据 and 承办 columns become each stage\u2019s 时限, 承办 and 依据', async () => {
    const bytes = await workbook({
      name: 'S',
      rows: [
        [...HEADER, '办理时限', '法律依据', '承办岗位'],
        [
          1,
          '工伤认定',
          '受理',
          '不受理',
          '中',
          '公开',
          '窗口',
          '1个工作日',
          '《工伤保险条例》第十七条',
          '工伤科',
        ],
      ],
    });
    const { charts } = await importWorkbook(bytes);
    expect(charts[0]?.yaml).toContain(
      [
        '  - 名称: 受理',
        '    时限: 1个工作日',
        '    承办: 工伤科',
        '    依据: 《工伤保险条例》第十七条',
      ].join('\n'),
    );
  });

  it('a hidden sheet and a sheet without a header are skipped with a note; a heading row between powers too', async () => {
    const bytes = await workbook(
      { name: '说明', rows: [['请按要求填写']] },
      { name: '旧表', hidden: true, rows: [HEADER] },
      {
        name: '表',
        rows: [HEADER, ['一、行政许可类'], [1, '工伤认定', '受理', '不受理', '中', '公开', '窗口']],
        merges: ['A2:G2'],
      },
    );
    const { charts, notes } = await importWorkbook(bytes);
    expect(charts.map((c) => c.chart.name)).toEqual(['工伤认定']);
    expect(notes).toEqual([
      't.xlsx!旧表: 隐藏的工作表，已跳过',
      't.xlsx!说明: 没有找到表头，已跳过',
      't.xlsx!表!A2: 标题行“一、行政许可类”，已跳过',
    ]);
  });

  it('the imported file is YAML with Chinese keys that says where it came from', async () => {
    const bytes = await workbook({
      name: 'S',
      rows: [HEADER, [1, '工伤认定', '受理', '不受理', '中', '公开', '窗口']],
    });
    const { charts } = await importWorkbook(bytes);
    expect(charts[0]?.yaml).toBe(
      [
        '# 工伤认定 — 由 fangkongtu 从 t.xlsx 的工作表“S” 第 2 行导入。',
        '',
        '职权名称: 工伤认定',
        '环节:',
        '  - 名称: 受理',
        '    风险点:',
        '      内容:',
        '        - 不受理',
        '      风险等级: 中',
        '    防控措施:',
        '      内容:',
        '        - 公开',
        '      责任人: 窗口',
        '',
      ].join('\n'),
    );
  });

  it("the loader's warnings about an imported chart are reported at the cell they concern", async () => {
    const bytes = await workbook({
      name: 'S',
      rows: [
        ['职权名称', '环节', '风险点', '防控措施'],
        ['工伤认定', '受理', '1、不受理；\n2、不告知。', '公开'],
        [null, '审核', '审核不严', '复核'],
        [null, '办结', null, '归档'],
      ],
      merges: ['A2:A4'],
    });
    const { charts, warnings } = await importWorkbook(bytes);
    expect(charts).toHaveLength(1);
    // No 风险等级 column: each risk box is drawn without a level, which its author should know.
    expect(warnings).toEqual(
      ['C2', 'C3'].map((cell) => ({
        where: `t.xlsx!S!${cell}`,
        zh: '风险点没有写“风险等级”（高、中、低），图上不会显示风险等级',
        en: 'the risk box has no "风险等级" (high, medium or low); the poster shows no level for it',
        kind: 'missing-level',
      })),
    );
  });
});

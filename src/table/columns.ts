/**
 * The columns of the 廉政风险点及防控措施一览表: what each holds, the header written on export and
 * the header words offices use for it (matched on import after {@link normaliseHeader}).
 */

/** What a column holds. */
export type ColumnKey =
  | 'seq'
  | 'category'
  | 'code'
  | 'name'
  | 'stage'
  | 'risk'
  | 'level'
  | 'control'
  | 'owner'
  | 'timeLimit'
  | 'basis'
  | 'handler'
  | 'unit'
  | 'hotline'
  | 'date'
  | 'title';

/**
 * Where a column's value belongs: `power` — one value per power (merged down over its rows);
 * `stage` — per stage; `ignored` — the list's own row numbers.
 */
export type ColumnScope = 'power' | 'stage' | 'ignored';

export interface ColumnSpec {
  readonly key: ColumnKey;
  /** The header written on export (and the first word accepted on import). */
  readonly header: string;
  /** Every header accepted for the column on import, normalised. */
  readonly aliases: readonly string[];
  readonly scope: ColumnScope;
}

const spec = (key: ColumnKey, scope: ColumnScope, ...aliases: [string, ...string[]]): ColumnSpec => ({
  key,
  header: aliases[0],
  aliases,
  scope,
});

/** Every column, in the order the 一览表 is written. */
export const COLUMNS: readonly ColumnSpec[] = [
  spec('seq', 'ignored', '序号'),
  spec('category', 'power', '职权类别', '类别', '职权类型'),
  spec('code', 'power', '职权编码', '事项编码', '编码'),
  spec('name', 'power', '职权名称', '事项名称', '权力名称'),
  spec('stage', 'stage', '环节', '流程环节', '重要环节', '办理环节'),
  spec('risk', 'stage', '风险点', '风险点描述', '主要风险点', '廉政风险点'),
  spec('level', 'stage', '风险等级', '等级'),
  spec('control', 'stage', '防控措施', '防控措施及办法', '主要防控措施'),
  spec('owner', 'stage', '责任人', '防控责任人', '直接责任人', '责任岗位'),
  spec('timeLimit', 'stage', '办理时限', '时限'),
  spec('basis', 'stage', '法律依据', '依据', '设定依据'),
  spec('handler', 'stage', '承办岗位', '承办', '涉及岗位'),
  spec('unit', 'power', '编制单位'),
  spec('hotline', 'power', '监督电话'),
  spec('date', 'power', '日期', '编制日期'),
  spec('title', 'power', '防控图标题'),
];

/** The spec of a column key. */
export function columnSpec(key: ColumnKey): ColumnSpec {
  return COLUMNS.find((c) => c.key === key) as ColumnSpec;
}

/**
 * A header cell as compared on import: without spaces (also full-width and line breaks, as in
 * "风险\n等级") and without a bracketed remark ("风险等级（高/中/低）", "责任人(岗位)").
 */
export function normaliseHeader(text: string): string {
  return text.replace(/[（(][^）)]*[）)]/gu, '').replace(/[\s\u3000]+/gu, '');
}

/** The column a header names, or undefined for a column the 一览表 does not know. */
export function columnForHeader(text: string): ColumnSpec | undefined {
  const word = normaliseHeader(text);
  return word === '' ? undefined : COLUMNS.find((c) => c.aliases.includes(word));
}

/** True for the columns written once per power and merged down over its rows (序号 among them). */
export function perPower(column: ColumnSpec): boolean {
  return column.scope === 'power' || column.key === 'seq';
}

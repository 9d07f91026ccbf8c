/**
 * Placeholders and one-line help for the form's fields, by dotted English path (list indices
 * left out). A field without an entry shows just its label: a key the model gains needs no
 * entry here to be editable.
 */
export const FIELD_HINTS: Readonly<
  Record<string, { readonly placeholder?: string; readonly help?: string }>
> = {
  title: { placeholder: '行政职权廉政风险防控图', help: '不填时用默认标题' },
  category: { placeholder: '例如：行政许可类' },
  codes: { placeholder: '例如：1600-A-00400-140400', help: '编码范围时在右边填最后一个编码' },
  name: { placeholder: '例如：职业资格证书核发' },
  'stages.name': { placeholder: '例如：受理' },
  'stages.risk.items': { help: '每行一条，不用写序号，图上自动编号' },
  'stages.control.intro': { placeholder: '可不填，例如：严格按照有关规定办理。具体措施如下：' },
  'stages.control.items': { help: '每行一条，不用写序号，图上自动编号' },
  'stages.control.owner': { placeholder: '例如：办公室' },
  'footer.unit': { placeholder: '例如：某某市人力资源和社会保障局' },
  'footer.hotline': { placeholder: '例如：0000-12345678' },
  'footer.date': { placeholder: '例如：2026年1月' },
};

/** The key of {@link FIELD_HINTS} for a path: its English keys joined by dots. */
export function hintKey(path: readonly (string | number)[]): string {
  return path.filter((s) => typeof s === 'string').join('.');
}

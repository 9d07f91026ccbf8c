import type { ChartDoc, FieldPath, FieldValue } from './chart-doc.js';
import { type Child, h } from './dom.js';
import { FIELD_HINTS, hintKey } from './form-hints.js';
import { type Choice, type FieldSpec, levelChoices } from './form-spec.js';

/** How the form changes the chart: through the document, then the page updates the rest. */
export interface FormEdits {
  /**
   * Applies `change` to the document. `rerender` when the form's shape changed (an entry or a
   * box added, removed or moved); `focus` is the `data-path` of the field to focus afterwards.
   */
  edit(
    change: (doc: ChartDoc) => void,
    after?: { readonly rerender?: boolean; readonly focus?: string },
  ): void;
}

/** The `data-path` of a field: its path joined by dots (`stages.2.risk.items`). */
export function pathKey(path: FieldPath): string {
  return path.join('.');
}

/** Draws the whole form for `doc` into `root`. */
export function renderForm(
  root: HTMLElement,
  fields: readonly FieldSpec[],
  doc: ChartDoc,
  edits: FormEdits,
): void {
  root.replaceChildren(...fields.map((spec) => field(spec, [spec.key], doc, edits)));
}

function field(spec: FieldSpec, path: FieldPath, doc: ChartDoc, edits: FormEdits): HTMLElement {
  switch (spec.kind) {
    case 'text':
      return textField(spec, path, doc, edits);
    case 'lines':
      return linesField(spec, path, doc, edits);
    case 'choice':
      return choiceField(spec, path, doc, edits);
    case 'level':
      return choiceField({ ...spec, kind: 'choice', choices: levelChoices(doc) }, path, doc, edits);
    case 'flag':
      return flagField(spec, path, doc, edits);
    case 'codes':
      return codesField(spec, path, doc, edits);
    case 'group':
      return groupField(spec, path, doc, edits);
    case 'list':
      return listField(spec, path, doc, edits);
    case 'unsupported':
      return labelled(spec, path, h('p', { class: 'note' }, '这一项请在“文本”里编辑。'));
  }
}

const inputId = (path: FieldPath) => `f-${path.join('-')}`;

/** A field's label, its control, its help line and a place for its problems. */
function labelled(spec: FieldSpec, path: FieldPath, ...controls: Child[]): HTMLElement {
  const help = FIELD_HINTS[hintKey(path)]?.help;
  return h(
    'div',
    { class: `field field-${spec.kind}`, 'data-field': pathKey(path) },
    h(
      'label',
      { for: inputId(path) },
      spec.label,
      spec.required && h('span', { class: 'required', title: '必填' }, '*'),
    ),
    ...controls,
    help && h('small', { class: 'help' }, help),
    h('ul', { class: 'field-problems' }),
  );
}

/** A scalar as the form shows it: text as written, numbers and yes/no as text, nothing else. */
function scalarText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';
}

function textField(spec: FieldSpec & { kind: 'text' }, path: FieldPath, doc: ChartDoc, edits: FormEdits) {
  const input = h('input', {
    type: 'text',
    id: inputId(path),
    'data-path': pathKey(path),
    value: scalarText(doc.get(path)),
    placeholder: FIELD_HINTS[hintKey(path)]?.placeholder,
    maxlength: spec.maxLength,
    required: spec.required,
    oninput: () => {
      const v = input.value;
      edits.edit((d) => d.set(path, v === '' && !spec.required ? undefined : v));
    },
  });
  return labelled(spec, path, input);
}

/** A list of one-line entries as the lines of a text box: one entry a line, blank lines skipped. */
function linesField(spec: FieldSpec & { kind: 'lines' }, path: FieldPath, doc: ChartDoc, edits: FormEdits) {
  const raw = doc.get(path);
  const lines = Array.isArray(raw) ? raw.map(scalarText) : raw === undefined ? [] : [scalarText(raw)];
  const area = h('textarea', {
    id: inputId(path),
    'data-path': pathKey(path),
    rows: Math.max(2, lines.length + 1),
    placeholder: '每行一条',
    required: spec.required,
    oninput: () => {
      area.rows = Math.max(2, area.value.split('\n').length + 1);
      const entries = area.value.split('\n').filter((l) => l.trim() !== '');
      edits.edit((d) => d.set(path, entries.length === 0 && !spec.required ? undefined : entries));
    },
  });
  area.value = lines.join('\n');
  return labelled(spec, path, area);
}

function choiceField(spec: FieldSpec & { kind: 'choice' }, path: FieldPath, doc: ChartDoc, edits: FormEdits) {
  const raw = scalarText(doc.get(path));
  const known = spec.choices.find((c) => c.zh === raw || c.en.toLowerCase() === raw.toLowerCase());
  // The file's own way of writing the value: an English file (or value) gets the English word.
  const english = known
    ? known.en.toLowerCase() === raw.toLowerCase() && known.zh !== raw
    : doc.language === 'en';
  const select = h(
    'select',
    {
      id: inputId(path),
      'data-path': pathKey(path),
      onchange: () => {
        const choice = spec.choices[Number(select.value)];
        edits.edit((d) => d.set(path, choice ? (english ? choice.en : choice.zh) : undefined));
      },
    },
    h('option', { value: '' }, spec.required ? '请选择' : '（不填）'),
    ...spec.choices.map((c: Choice, i) => h('option', { value: String(i), selected: c === known }, c.label)),
    raw !== '' && !known && h('option', { value: 'raw', selected: true, disabled: true }, `${raw}（无效）`),
  );
  return labelled(spec, path, select);
}

function flagField(spec: FieldSpec & { kind: 'flag' }, path: FieldPath, doc: ChartDoc, edits: FormEdits) {
  const box = h('input', {
    type: 'checkbox',
    id: inputId(path),
    'data-path': pathKey(path),
    checked: doc.get(path) === true,
    onchange: () => edits.edit((d) => d.set(path, box.checked ? true : undefined)),
  });
  return labelled(spec, path, box);
}

/** The ways a code range is written: `first----last`, `first---last`, or a list. */
const RANGE = /^(.*?)\s*-{3,4}\s*(.*)$/u;

/** One code, or the first and last of a range, written back in the file's own style. */
function codesField(spec: FieldSpec & { kind: 'codes' }, path: FieldPath, doc: ChartDoc, edits: FormEdits) {
  const raw = doc.get(path);
  const asList = Array.isArray(raw);
  const [first, last] = asList
    ? [scalarText(raw[0]), scalarText(raw[1])]
    : ((RANGE.exec(scalarText(raw))?.slice(1) as [string, string] | undefined) ?? [scalarText(raw), '']);
  const write = () => {
    const a = start.value.trim();
    const b = end.value.trim();
    const value: FieldValue | undefined =
      a === '' && b === '' ? undefined : b === '' ? a : asList ? [a, b] : `${a}----${b}`;
    edits.edit((d) => d.set(path, value));
  };
  const placeholder = FIELD_HINTS[hintKey(path)]?.placeholder;
  const start = h('input', {
    type: 'text',
    id: inputId(path),
    'data-path': pathKey(path),
    value: first,
    placeholder,
    oninput: write,
  });
  const end = h('input', {
    type: 'text',
    'data-path': `${pathKey(path)}.last`,
    'aria-label': `${spec.label}（范围的最后一个）`,
    value: last,
    placeholder: '范围的最后一个（可不填）',
    oninput: write,
  });
  return labelled(
    spec,
    path,
    h('div', { class: 'codes' }, start, h('span', { 'aria-hidden': 'true' }, '至'), end),
  );
}

/** The value a box gets when added: its required lists empty, for the clerk to fill in. */
function initialValue(spec: FieldSpec & { kind: 'group' | 'list' }): { [key: string]: FieldValue } {
  const value: { [key: string]: FieldValue } = {};
  for (const f of spec.fields) if (f.required && f.kind === 'lines') value[f.key] = [];
  return value;
}

/** The first field of a box, to focus when it is added. */
function firstInput(spec: FieldSpec & { kind: 'group' | 'list' }, path: FieldPath): string {
  const first = spec.fields.find((f) => f.required) ?? spec.fields[0];
  return pathKey(first ? [...path, first.key] : path);
}

function groupField(spec: FieldSpec & { kind: 'group' }, path: FieldPath, doc: ChartDoc, edits: FormEdits) {
  if (doc.get(path) === undefined && !spec.required) {
    return h(
      'button',
      {
        type: 'button',
        class: 'add-group',
        'data-field': pathKey(path),
        onclick: () =>
          edits.edit((d) => d.set(path, initialValue(spec)), {
            rerender: true,
            focus: firstInput(spec, path),
          }),
      },
      `＋ 添加${spec.label}`,
    );
  }
  const remove =
    !spec.required &&
    h(
      'button',
      {
        type: 'button',
        class: 'remove',
        title: `删除${spec.label}`,
        onclick: () => {
          if (window.confirm(`删除这个${spec.label}和其中的全部内容？`)) {
            edits.edit((d) => d.set(path, undefined), { rerender: true });
          }
        },
      },
      '删除',
    );
  return h(
    'fieldset',
    { class: `group group-${spec.key}`, 'data-field': pathKey(path) },
    h('legend', {}, spec.label, remove),
    h('ul', { class: 'field-problems' }),
    ...spec.fields.map((f) => field(f, [...path, f.key], doc, edits)),
  );
}

/** `data-testid` of each list's add button, the stable hooks the tests use. */
const ADD_TEST_IDS: Readonly<Record<string, string>> = { stages: 'stage-add' };

function listField(spec: FieldSpec & { kind: 'list' }, path: FieldPath, doc: ChartDoc, edits: FormEdits) {
  const raw = doc.get(path);
  const count = Array.isArray(raw) ? raw.length : 0;
  const full = spec.maxItems !== undefined && count >= spec.maxItems;
  const entryName = (i: number) => scalarText(doc.get([...path, i, 'name']));
  const insertAt = (index: number) =>
    edits.edit((d) => d.insert(path, index, { ...initialValue(spec), name: `新${spec.label}` }), {
      rerender: true,
      focus: pathKey([...path, index, 'name']),
    });
  // A new stage goes before the last one (办结, 结案: the end of the flow) when there is one.
  const addIndex = count >= 2 ? count - 1 : count;
  const entries = Array.from({ length: count }, (_, i) =>
    entryCard(spec, path, i, count, entryName(i), doc, edits, insertAt),
  );
  return h(
    'section',
    { class: `list list-${spec.key}`, 'data-field': pathKey(path) },
    h('h2', {}, spec.label, spec.required && h('span', { class: 'required', title: '必填' }, '*')),
    h('ul', { class: 'field-problems' }),
    h('ol', { class: 'entries' }, ...entries),
    h(
      'button',
      {
        type: 'button',
        class: 'add-entry',
        'data-testid': path.length === 1 ? ADD_TEST_IDS[spec.key] : undefined,
        disabled: full,
        title: full ? `最多 ${spec.maxItems} 个${spec.label}` : undefined,
        onclick: () => insertAt(addIndex),
      },
      count >= 2
        ? `＋ 添加${spec.label}（加在最后一个“${entryName(count - 1)}”之前）`
        : `＋ 添加${spec.label}`,
    ),
  );
}

/** The drag data type of an entry of the list at `path` (its index): a drop only into that list. */
const dragType = (path: FieldPath) => `application/x-fangkongtu-${path.join('-')}`.toLowerCase();

function entryCard(
  spec: FieldSpec & { kind: 'list' },
  path: FieldPath,
  i: number,
  count: number,
  name: string,
  doc: ChartDoc,
  edits: FormEdits,
  insertAt: (index: number) => void,
): HTMLElement {
  const type = dragType(path);
  const move = (to: number) =>
    edits.edit((d) => d.move(path, i, to), { rerender: true, focus: `${pathKey(path)}.${to}.name` });
  const button = (label: string, title: string, onclick: () => void, disabled = false) =>
    h(
      'button',
      { type: 'button', class: 'entry-action', title, 'aria-label': title, disabled, onclick },
      label,
    );
  const title = h('span', { class: 'entry-name' }, name);
  const head = h(
    'div',
    { class: 'entry-head', draggable: 'true', title: '拖动可以调整顺序' },
    h('span', { class: 'grip', 'aria-hidden': 'true' }, '⠿'),
    h('span', { class: 'entry-no' }, `第 ${i + 1} 个${spec.label}`),
    title,
    h(
      'span',
      { class: 'entry-actions' },
      button('↑', '上移', () => move(i - 1), i === 0),
      button('↓', '下移', () => move(i + 1), i === count - 1),
      button(
        '＋',
        `在下面插入${spec.label}`,
        () => insertAt(i + 1),
        spec.maxItems !== undefined && count >= spec.maxItems,
      ),
      button('删除', `删除这个${spec.label}`, () => {
        if (window.confirm(`删除第 ${i + 1} 个${spec.label}「${name}」和它的全部内容？`)) {
          edits.edit((d) => d.remove(path, i), { rerender: true });
        }
      }),
    ),
  );
  const card = h(
    'li',
    { class: 'entry', 'data-field': pathKey([...path, i]) },
    head,
    h('ul', { class: 'field-problems' }),
    h('div', { class: 'entry-body' }, ...spec.fields.map((f) => field(f, [...path, i, f.key], doc, edits))),
  );
  // The header shows the entry's name as it is typed.
  card.addEventListener('input', (e) => {
    const target = e.target as HTMLElement;
    if (target.dataset.path === pathKey([...path, i, 'name']))
      title.textContent = (target as HTMLInputElement).value;
  });
  head.addEventListener('dragstart', (e) => {
    e.dataTransfer?.setData(type, String(i));
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    card.classList.add('dragging');
  });
  head.addEventListener('dragend', () => card.classList.remove('dragging'));
  const after = (e: DragEvent) => e.clientY > card.getBoundingClientRect().top + card.offsetHeight / 2;
  card.addEventListener('dragover', (e) => {
    if (!e.dataTransfer?.types.includes(type)) return;
    e.stopPropagation();
    e.preventDefault();
    card.classList.toggle('drop-before', !after(e));
    card.classList.toggle('drop-after', after(e));
  });
  card.addEventListener('dragleave', () => card.classList.remove('drop-before', 'drop-after'));
  card.addEventListener('drop', (e) => {
    card.classList.remove('drop-before', 'drop-after');
    if (!e.dataTransfer?.types.includes(type)) return;
    const from = Number(e.dataTransfer.getData(type));
    e.preventDefault();
    e.stopPropagation();
    const target = after(e) ? i + 1 : i;
    const to = from < target ? target - 1 : target;
    if (to !== from) edits.edit((d) => d.move(path, from, to), { rerender: true });
  });
  return card;
}

import { ChartError, type ChartWarning, type PowerChart, parseChart, starterYaml } from '../browser/index.js';
import { type OpenedChart, Refusal } from '../protocol/editor-api.js';
import { createChart, listCharts, openChart, saveChart } from './api.js';
import { type ChartDoc, openChartDoc } from './chart-doc.js';
import { byId, h } from './dom.js';
import { type FormEdits, renderForm } from './form.js';
import { chartForm } from './form-spec.js';
import { downloadBytes, loadFonts, type PosterSettings, previewSvg, type Sheet } from './preview.js';
import { type ListedProblem, markFormFields, renderProblems } from './problems.js';
import { SourceView } from './source.js';

/** How long typing must pause before the preview is drawn again. */
const PREVIEW_DELAY_MS = 300;

const form = byId('form');
const preview = byId('preview');
const previewNote = byId('preview-note');
const status = byId('status');
const fileList = byId('file-list');
const fileTitle = byId('file-title');
const saveButton = byId<HTMLButtonElement>('save');
const downloads = [...document.querySelectorAll<HTMLButtonElement>('[data-download]')];
const pageSelect = byId<HTMLSelectElement>('page');
const themeSelect = byId<HTMLSelectElement>('theme');
const conflict = byId('conflict');
const printButton = byId<HTMLButtonElement>('print');
const fileNote = byId('file-note');
const fields = chartForm();

/** The file being edited: what was opened or last saved, to tell unsaved changes. */
let file: { path: string; version: string; saved: string; json: boolean } | undefined;
let doc: ChartDoc | undefined;
let chart: PowerChart | undefined;
let fonts: Awaited<ReturnType<typeof loadFonts>> | undefined;
let previewTimer: ReturnType<typeof setTimeout> | undefined;
/** Counts preview requests, so a slow render that finishes after a newer one is dropped. */
let previewRun = 0;

const source = new SourceView(byId('source-host'), (text) => textChanged(text, { fromText: true }));

function say(message: string, kind: 'info' | 'error' | 'ok' = 'info'): void {
  status.textContent = message;
  status.className = kind;
}

function dirty(): boolean {
  return file !== undefined && source.text !== file.saved;
}

function showTitle(): void {
  fileTitle.textContent = file ? `${dirty() ? '● ' : ''}${file.path}` : '未打开文件';
  document.title = file ? `${dirty() ? '● ' : ''}${file.path} — 防控图编辑器` : '防控图编辑器';
  saveButton.disabled = !file || !dirty();
}

const edits: FormEdits = {
  edit(change, after = {}) {
    if (!doc) return;
    change(doc);
    const text = doc.toString();
    source.setText(text);
    textChanged(text, { fromText: false, rerender: after.rerender ?? false });
    if (after.focus) form.querySelector<HTMLElement>(`[data-path="${after.focus}"]`)?.focus();
  },
};

/** Everything that follows a change of the text, wherever it was made. */
function textChanged(text: string, how: { fromText: boolean; rerender?: boolean }): void {
  const listed: ListedProblem[] = [];
  const onWarning = (w: ChartWarning) => listed.push({ problem: w, severity: 'warning' });
  try {
    chart = parseChart(text, { filename: file?.path ?? 'chart.yaml', onWarning });
  } catch (error) {
    if (!(error instanceof ChartError)) throw error;
    chart = undefined;
    listed.push(...error.problems.map((p) => ({ problem: p, severity: 'error' as const })));
  }
  listed.sort((a, b) => a.problem.line - b.problem.line || a.problem.column - b.problem.column);
  if (how.fromText || how.rerender) {
    doc = openChartDoc(text, file?.json ?? false);
    drawForm();
  }
  renderProblems(byId('problems'), byId('problem-count'), listed, (line, column) => {
    showTab('text');
    source.goToLine(line, column);
  });
  markFormFields(form, listed);
  source.mark(new Map(listed.filter((p) => p.problem.line > 0).map((p) => [p.problem.line, p.severity])));
  enableOutputs();
  showTitle();
  schedulePreview();
}

/** Downloads and printing need a chart without problems (and the fonts); the buttons say why not. */
function enableOutputs(): void {
  const why = !fonts
    ? '字体还在载入'
    : !chart
      ? '文件有问题，按“问题”里的提示改好后才能下载和打印'
      : undefined;
  for (const b of [...downloads, printButton]) {
    b.dataset.title ??= b.title;
    b.disabled = why !== undefined;
    b.title = why ?? b.dataset.title;
  }
}

function drawForm(): void {
  if (!doc) {
    form.replaceChildren(
      h(
        'p',
        { class: 'form-off' },
        '文本里有语法错误，表单暂时不能使用。请按“问题”里的提示在“文本”中改正，改好后表单会自动恢复。',
      ),
    );
    return;
  }
  // A redraw keeps the place the clerk was working at.
  const top = form.scrollTop;
  renderForm(form, fields, doc, edits);
  form.scrollTop = top;
}

function settings(): PosterSettings {
  return {
    page: pageSelect.value === 'A3' || pageSelect.value === 'A4' ? pageSelect.value : 'auto',
    theme: themeSelect.value === 'mono' ? 'mono' : 'color',
  };
}

function schedulePreview(): void {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => void updatePreview(), PREVIEW_DELAY_MS);
}

async function updatePreview(): Promise<void> {
  const run = ++previewRun;
  if (!fonts) return;
  if (!chart) {
    preview.classList.toggle('stale', preview.childElementCount > 0);
    previewNote.textContent = file ? '文件有问题（见左边“问题”），预览显示的是上一次正确的内容。' : '';
    return;
  }
  previewNote.textContent = '正在更新预览…';
  const result = await previewSvg(chart, fonts, settings()).catch((e: Error) => ({
    ok: false as const,
    zh: `画图时出错：${e.message}`,
    en: e.message,
  }));
  if (run !== previewRun) return;
  if (result.ok) {
    preview.innerHTML = result.svgs.join('');
    preview.classList.remove('stale');
    setPrintPage(result.sheet);
    // A long chart continues on further pages (each printed on its own sheet, each downloaded).
    previewNote.textContent = result.svgs.length > 1 ? `共 ${result.svgs.length} 页，接续排列如下。` : '';
  } else {
    preview.classList.add('stale');
    previewNote.textContent = result.zh;
  }
}

function showTab(which: 'form' | 'text'): void {
  for (const tab of document.querySelectorAll<HTMLElement>('[role="tab"]')) {
    const selected = tab.dataset.tab === which;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    byId(tab.getAttribute('aria-controls') ?? '').hidden = !selected;
  }
}

function opened(chartFile: OpenedChart): void {
  file = {
    path: chartFile.path,
    version: chartFile.version,
    saved: chartFile.text,
    json: /\.json$/iu.test(chartFile.path),
  };
  conflict.hidden = true;
  // The text tab names the file's own language.
  byId('tab-text').textContent = file.json ? '文本（JSON）' : '文本（YAML）';
  source.setText(chartFile.text);
  preview.replaceChildren();
  textChanged(chartFile.text, { fromText: true });
  for (const li of fileList.querySelectorAll('li'))
    li.classList.toggle('current', li.dataset.path === chartFile.path);
  history.replaceState(null, '', `?file=${encodeURIComponent(chartFile.path)}`);
  // A file in GBK or UTF-16 is saved as UTF-8: said beside its name for as long as it is open.
  fileNote.textContent = chartFile.note ? `${chartFile.encoding} 编码，保存时改存为 UTF-8` : '';
  fileNote.title = chartFile.note ? `${chartFile.note.zh} / ${chartFile.note.en}` : '';
  say(`已打开 ${chartFile.path}`);
}

async function open(path: string): Promise<void> {
  if (dirty() && !window.confirm(`${file?.path} 还没有保存，确定要放弃修改、打开别的文件吗？`)) return;
  try {
    opened(await openChart(path));
  } catch (error) {
    say(apiMessage(error), 'error');
  }
}

function apiMessage(error: unknown): string {
  if (error instanceof Refusal) return error.zh;
  return `出错了：${(error as Error).message}`;
}

async function refreshFiles(): Promise<void> {
  const { files, truncated } = await listCharts();
  fileList.replaceChildren(
    ...files.map((f) =>
      h(
        'li',
        { 'data-path': f.path, class: f.path === file?.path ? 'current' : undefined },
        h(
          'button',
          { type: 'button', class: 'file-button', title: f.path, onclick: () => void open(f.path) },
          f.path,
        ),
      ),
    ),
  );
  if (files.length === 0)
    fileList.append(h('li', { class: 'empty' }, '这个文件夹里还没有防控图文件，点“新建”开始。'));
  if (truncated) fileList.append(h('li', { class: 'empty' }, '文件太多，只列出了一部分。'));
}

async function save(): Promise<void> {
  if (!file || !dirty()) return;
  const text = source.text;
  try {
    const saved = await saveChart(file.path, text, file.version);
    file = { ...file, version: saved.version, saved: text };
    showTitle();
    say(
      chart ? `已保存 ${file.path}` : `已保存 ${file.path}（文件里还有问题，见“问题”）`,
      chart ? 'ok' : 'info',
    );
  } catch (error) {
    if (error instanceof Refusal && error.code === 'changed-on-disk') {
      conflict.hidden = false;
      byId('conflict-text').textContent = error.zh;
    }
    say(apiMessage(error), 'error');
  }
}

/** A file name not yet in the list: 新防控图.yaml, 新防控图2.yaml, … */
function freeName(): string {
  const taken = new Set([...fileList.querySelectorAll('li')].map((li) => li.dataset.path));
  for (let i = 1; ; i++) {
    const name = `新防控图${i === 1 ? '' : i}.yaml`;
    if (!taken.has(name)) return name;
  }
}

/** Asks for a name and creates a chart from the starter, or from `text` (保存为新文件). */
function createDialog(text?: string): void {
  const dialog = byId<HTMLDialogElement>('new-dialog');
  const name = byId<HTMLInputElement>('new-name');
  const english = byId<HTMLInputElement>('new-english');
  const error = byId('new-error');
  byId('new-title').textContent = text === undefined ? '新建防控图' : '另存为新文件';
  byId('new-language').hidden = text !== undefined;
  name.value = freeName();
  error.textContent = '';
  dialog.showModal();
  name.select();
  byId('new-form').onsubmit = async (event) => {
    event.preventDefault();
    let path = name.value.trim();
    if (!/\.(ya?ml|json)$/iu.test(path)) path += '.yaml';
    try {
      await createChart(path, text ?? starterYaml(english.checked));
      if (text !== undefined && file) file = { ...file, saved: source.text };
      dialog.close();
      await refreshFiles();
      opened(await openChart(path));
    } catch (e) {
      error.textContent = apiMessage(e);
    }
  };
}

async function download(format: 'svg' | 'png' | 'pdf', button: HTMLButtonElement): Promise<void> {
  if (!chart || !fonts || !file) return;
  const label = button.textContent;
  button.disabled = true;
  button.textContent = '生成中…';
  try {
    const blobs = await downloadBytes(format, chart, fonts, settings());
    const stem = file.path.replace(/^.*\//u, '').replace(/\.[^.]*$/u, '');
    // Pages after the first are name-2.svg, name-3.svg …, as the command line names them.
    for (const [i, blob] of blobs.entries()) {
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: `${stem}${i === 0 ? '' : `-${i + 1}`}.${format}` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }
  } catch (e) {
    say(`生成 ${format.toUpperCase()} 时出错：${(e as Error).message}`, 'error');
  } finally {
    button.textContent = label;
    enableOutputs();
  }
}

/** The print CSS's paper: the sheet the preview was laid out on (auto's choice), one page a sheet. */
function setPrintPage(sheet: Sheet): void {
  byId('page-style').textContent = `@page { size: ${sheet.width}pt ${sheet.height}pt; margin: 0; }`;
}

function wire(): void {
  // Enter in a field must not submit (and reload) the form.
  form.addEventListener('submit', (e) => e.preventDefault());
  for (const tab of document.querySelectorAll<HTMLElement>('[role="tab"]')) {
    tab.addEventListener('click', () => showTab(tab.dataset.tab === 'text' ? 'text' : 'form'));
  }
  saveButton.addEventListener('click', () => void save());
  byId('new').addEventListener('click', () => createDialog());
  byId('new-cancel').addEventListener('click', () => byId<HTMLDialogElement>('new-dialog').close());
  byId('conflict-reload').addEventListener('click', () => {
    if (file && window.confirm('重新打开会丢掉这里还没保存的修改，确定吗？')) {
      const path = file.path;
      file = { ...file, saved: source.text };
      void open(path);
    }
  });
  byId('conflict-save-as').addEventListener('click', () => createDialog(source.text));
  for (const button of downloads) {
    button.addEventListener(
      'click',
      () => void download(button.dataset.download as 'svg' | 'png' | 'pdf', button),
    );
  }
  printButton.addEventListener('click', () => window.print());
  for (const select of [pageSelect, themeSelect]) {
    select.addEventListener('change', () => schedulePreview());
  }
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void save();
    }
  });
  window.addEventListener('beforeunload', (e) => {
    if (dirty()) e.preventDefault();
  });
}

async function start(): Promise<void> {
  wire();
  showTab('form');
  showTitle();
  say('正在载入字体…');
  const loadingFonts = loadFonts((loaded, total) => {
    previewNote.textContent =
      total > 0
        ? `正在载入字体 ${(loaded / 1e6).toFixed(1)} / ${(total / 1e6).toFixed(1)} MB（只在第一次需要）…`
        : '正在载入字体…';
  });
  await refreshFiles().catch((e: unknown) => say(apiMessage(e), 'error'));
  const wanted = new URLSearchParams(location.search).get('file');
  const first = wanted ?? fileList.querySelector<HTMLElement>('li[data-path]')?.dataset.path;
  if (first) await open(first);
  else previewNote.textContent = '点左边的文件打开，或点“新建”。';
  try {
    fonts = await loadingFonts;
    if (status.textContent === '正在载入字体…') say(file ? `已打开 ${file.path}` : '就绪');
    enableOutputs();
    // Draw now, and not again when an update the opened file scheduled comes due.
    clearTimeout(previewTimer);
    void updatePreview();
  } catch (e) {
    say(`字体载入失败：${(e as Error).message}`, 'error');
  }
}

void start();

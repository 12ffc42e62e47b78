/**
 * The app's page (issue 16): screens for the file, its schema, the synthesizer, the run and the result. The page
 * only renders what its worker (app/worker.ts) sends and forwards the user's choices; every computation runs in
 * the worker, so this thread stays free. Cancelling a run terminates the worker and starts a fresh one with the
 * same file and schema.
 */
import type {
  ColumnInfo,
  FromWorker,
  MetadataJSON,
  RunResult,
  RunSpec,
  SchemaInfo,
  SynthesizerChoice,
  ToWorker,
} from './protocol.js';
import { memoryLimit, MEMORY_FACTOR, sizeText, tooLargeText } from './memory.js';

const KINDS = ['numeric', 'categorical', 'boolean', 'datetime', 'id', 'text'] as const;
const ROLES = ['', 'id', 'quasi-identifier', 'sensitive', 'target'] as const;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

const state: {
  worker: Worker | null;
  file: File | null;
  info: SchemaInfo | null;
  metadata: MetadataJSON | null;
  synthesizers: SynthesizerChoice[];
  running: boolean;
  started: number;
  urls: string[];
} = {
  worker: null,
  file: null,
  info: null,
  metadata: null,
  synthesizers: [],
  running: false,
  started: 0,
  urls: [],
};

function show(id: string, on = true): void {
  $(id).hidden = !on;
}

function showError(message: string, problems: string[] = [], needsPublic = false): void {
  const box = $('error');
  box.replaceChildren(el('p', {}, message));
  // a LookalikeError's message already lists its problems, as the CLI prints it; others get the list
  if (problems.some((p) => !message.includes(p)))
    box.append(el('ul', {}, ...problems.map((p) => el('li', {}, p))));
  if (needsPublic) {
    const b = el(
      'button',
      { type: 'button', id: 'error-declare-public' },
      'Declare every domain and schema fact public',
    );
    b.addEventListener('click', () => {
      clearError();
      declarePublic();
    });
    box.append(
      el(
        'p',
        {},
        'Only declare them public when the bounds and categories are public knowledge (a codebook, a standard); ' +
          'review them in the schema table afterwards.',
      ),
      b,
    );
  }
  box.hidden = false;
  box.scrollIntoView({ block: 'center' });
}

function clearError(): void {
  $('error').hidden = true;
  $('error').replaceChildren();
}

function send(m: ToWorker): void {
  state.worker!.postMessage(m);
}

function startWorker(): void {
  state.worker?.terminate();
  const w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'lookalike' });
  w.onmessage = (e: MessageEvent<FromWorker>) => onWorker(e.data);
  w.onerror = (e) => {
    e.preventDefault();
    finishRun();
    showError(`the worker stopped: ${e.message || 'unknown error'} (the browser may have run out of memory)`);
  };
  state.worker = w;
}

function onWorker(m: FromWorker): void {
  switch (m.type) {
    case 'ready':
      state.synthesizers = m.synthesizers;
      fillSynthesizers();
      return;
    case 'schema':
      state.info = m.info;
      state.metadata = m.info.metadata;
      renderSchema(m.info);
      syncForm();
      show('screen-schema');
      show('screen-synth');
      $('open-status').textContent = '';
      return;
    case 'step':
      log(m.text);
      return;
    case 'note':
      log(`note: ${m.text}`, 'note');
      return;
    case 'progress': {
      const bar = $<HTMLProgressElement>('progress');
      if (m.total && m.done !== undefined) {
        bar.max = m.total;
        bar.value = m.done;
      } else bar.removeAttribute('value');
      $('progress-phase').textContent = m.message ?? m.phase;
      return;
    }
    case 'result':
      finishRun();
      renderResult(m.result);
      return;
    case 'error':
      if (m.stage === 'open') {
        $('open-status').textContent = '';
        show('screen-schema', false);
        show('screen-synth', false);
      }
      if (m.stage === 'run') finishRun();
      showError(m.message, m.problems, m.needsPublic);
      return;
  }
}

// ---------- screen 1: the file ----------

function openFile(file: File): void {
  clearError();
  show('screen-result', false);
  const limit = memoryLimit(location.search);
  if (file.size * MEMORY_FACTOR > limit) {
    showError(tooLargeText(file.size, limit));
    return;
  }
  state.file = file;
  state.metadata = null;
  $('open-status').textContent = `reading ${file.name} …`;
  send({ type: 'open', file, memoryLimit: limit });
}

function setupOpen(): void {
  const drop = $('drop');
  const input = $<HTMLInputElement>('file');
  input.addEventListener('change', () => {
    if (input.files?.[0]) openFile(input.files[0]);
    input.value = '';
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer?.files[0];
    if (f) openFile(f);
  });
  const limit = memoryLimit(location.search);
  $('limit').textContent =
    `Files up to ${sizeText(limit / MEMORY_FACTOR)}: the page's stated working-memory limit is ${sizeText(limit)}, ` +
    `about ${MEMORY_FACTOR}× the file.`;
}

// ---------- screen 2: the schema ----------

function domainText(c: ColumnInfo): string {
  const d = c.domain as Record<string, unknown> | undefined;
  if (!d) return '—';
  if (Array.isArray(d.categories)) {
    const cats = d.categories as string[];
    return `${cats.length} categories`;
  }
  return `${String(d.min)} … ${String(d.max)}`;
}

/** The metadata entry of a column, created on first edit (only what the user declared is in it). */
function entry(name: string): { name: string } & Record<string, unknown> {
  state.metadata ??= { version: 1, columns: [] };
  let e = state.metadata.columns.find((c) => c.name === name);
  if (!e) {
    e = { name };
    state.metadata.columns.push(e);
  }
  return e;
}

function sendMetadata(): void {
  clearError();
  const m = state.metadata;
  const cols = m ? m.columns.filter((c) => Object.keys(c).length > 1) : [];
  send({
    type: 'metadata',
    metadata: m && (cols.length || m.missingValues?.length) ? { ...m, columns: cols } : null,
  });
}

function declarePublic(): void {
  send({ type: 'declare-public' });
}

function renderSchema(info: SchemaInfo): void {
  $('schema-summary').textContent =
    `${info.file}: ${info.rows.toLocaleString('en-US')} rows × ${info.columns.length} columns ` +
    `(${info.format.toUpperCase()}, ${(info.bytes / 2 ** 20).toFixed(1)} MB), read in this page.`;
  $('schema-warnings').replaceChildren(...info.warnings.map((w) => el('li', {}, w)));
  const body = $('schema-body');
  body.replaceChildren(
    ...info.columns.map((c) => {
      const kind = el('select', { 'aria-label': `kind of ${c.name}` });
      for (const k of KINDS)
        kind.append(el('option', k === c.kind ? { value: k, selected: '' } : { value: k }, k));
      kind.addEventListener('change', () => {
        const e = entry(c.name);
        e.kind = kind.value;
        delete e.domain; // a domain of the old kind no longer fits
        sendMetadata();
      });
      const role = el('select', { 'aria-label': `role of ${c.name}` });
      for (const r of ROLES)
        role.append(el('option', r === (c.role ?? '') ? { value: r, selected: '' } : { value: r }, r || '—'));
      role.addEventListener('change', () => {
        const e = entry(c.name);
        if (role.value) e.role = role.value;
        else delete e.role;
        sendMetadata();
      });
      const domainCell = el('td', {}, domainEditor(c));
      const source = c.domain ? (c.domain as { source: string }).source : '';
      const facts = c.inferredFacts?.length ? `read off the data: ${c.inferredFacts.join(', ')}` : 'declared';
      return el(
        'tr',
        {},
        el('th', { scope: 'row' }, c.name),
        el('td', {}, kind),
        el('td', {}, role),
        el('td', { class: 'num' }, c.missing.toLocaleString('en-US')),
        domainCell,
        el('td', { class: `source ${source}` }, source || '—'),
        el('td', { class: 'facts' }, facts),
      );
    }),
  );
}

function domainEditor(c: ColumnInfo): Node {
  const d = c.domain as Record<string, unknown> | undefined;
  if (!d) return document.createTextNode('—');
  const details = el('details', {}, el('summary', {}, domainText(c)));
  const isCat = Array.isArray(d.categories);
  const apply = el('button', { type: 'button' }, 'Declare this domain public');
  let read: () => Record<string, unknown>;
  if (isCat) {
    const area = el('textarea', { rows: '5', 'aria-label': `categories of ${c.name}` });
    area.value = (d.categories as string[]).join('\n');
    details.append(el('label', {}, 'categories, one per line', area));
    read = () => ({ categories: area.value.split('\n').filter((s) => s !== ''), source: 'public' });
  } else {
    const numeric = typeof d.min === 'number';
    const min = el('input', { type: numeric ? 'number' : 'text', 'aria-label': `minimum of ${c.name}` });
    const max = el('input', { type: numeric ? 'number' : 'text', 'aria-label': `maximum of ${c.name}` });
    min.value = String(d.min);
    max.value = String(d.max);
    details.append(el('label', {}, 'min ', min), el('label', {}, 'max ', max));
    read = () => ({
      min: numeric ? Number(min.value) : min.value,
      max: numeric ? Number(max.value) : max.value,
      source: 'public',
    });
  }
  apply.addEventListener('click', () => {
    entry(c.name).domain = read();
    sendMetadata();
  });
  details.append(apply);
  return details;
}

// ---------- screen 3: the synthesizer ----------

function fillSynthesizers(): void {
  const sel = $<HTMLSelectElement>('synthesizer');
  sel.replaceChildren(
    ...state.synthesizers.map((s) =>
      el(
        'option',
        s.name === 'gaussian-copula' ? { value: s.name, selected: '' } : { value: s.name },
        `${s.name} — ${s.privacy === 'dp' ? 'differentially private' : s.privacy === 'either' ? 'DP with ε' : 'not DP'}`,
      ),
    ),
  );
  syncForm();
}

function syncForm(): void {
  const s = state.synthesizers.find((x) => x.name === $<HTMLSelectElement>('synthesizer').value);
  $('synth-description').textContent = s ? s.description : '';
  const sweep = $<HTMLInputElement>('mode-sweep').checked;
  const dp = s?.privacy === 'dp' || s?.privacy === 'either';
  $<HTMLInputElement>('mode-sweep').disabled = !dp;
  if (!dp && sweep) $<HTMLInputElement>('mode-single').checked = true;
  const isSweep = $<HTMLInputElement>('mode-sweep').checked;
  show('epsilon-row', !!dp && !isSweep);
  show('epsilons-row', isSweep);
  show('baselines-row', isSweep);
  show('delta-row', !!dp);
  $<HTMLInputElement>('epsilon').required = s?.privacy === 'dp' && !isSweep;
  const target = $<HTMLSelectElement>('target');
  const cols = state.info?.columns ?? [];
  const current = target.value;
  const byRole = cols.find((c) => c.role === 'target')?.name ?? '';
  target.replaceChildren(
    el('option', { value: '' }, byRole ? `— (the target role: ${byRole})` : '— (none)'),
    ...cols.map((c) =>
      el('option', c.name === current ? { value: c.name, selected: '' } : { value: c.name }, c.name),
    ),
  );
}

function readSpec(): RunSpec | string {
  const s = state.synthesizers.find((x) => x.name === $<HTMLSelectElement>('synthesizer').value);
  if (!s) return 'choose a synthesizer';
  const sweep = $<HTMLInputElement>('mode-sweep').checked;
  const num = (id: string) => $<HTMLInputElement>(id).value.trim();
  const seed = Number(num('seed') || '0');
  if (!Number.isSafeInteger(seed) || seed < 0) return 'the seed must be a whole number ≥ 0';
  const spec: RunSpec = {
    mode: sweep ? 'sweep' : 'single',
    synthesizer: s.name,
    seed,
    attacks: $<HTMLInputElement>('attacks').checked,
  };
  const target = $<HTMLSelectElement>('target').value;
  if (target) spec.target = target;
  const dp = s.privacy === 'dp' || s.privacy === 'either';
  if (dp && num('delta')) {
    const d = Number(num('delta'));
    if (!(d > 0 && d < 1)) return 'δ must be in (0, 1)';
    spec.delta = d;
  }
  if (sweep) {
    const eps = num('epsilons')
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(Number);
    if (!eps.length || eps.some((e) => !(e > 0 && Number.isFinite(e))))
      return 'list the ε values of the sweep as positive numbers, e.g. 0.5, 1, 2, 4';
    spec.epsilons = eps;
    spec.baselines = $<HTMLInputElement>('baselines').checked;
  } else if (dp && num('epsilon')) {
    const e = Number(num('epsilon'));
    if (!(e > 0 && Number.isFinite(e))) return 'ε must be a positive number';
    spec.epsilon = e;
  } else if (s.privacy === 'dp') return `${s.name} is differentially private: give ε`;
  return spec;
}

// ---------- screen 4: the run ----------

function log(text: string, cls = ''): void {
  const li = el(
    'li',
    cls ? { class: cls } : {},
    `${((performance.now() - state.started) / 1000).toFixed(1)} s  ${text}`,
  );
  $('log').append(li);
}

function startRun(): void {
  clearError();
  const spec = readSpec();
  if (typeof spec === 'string') {
    showError(spec);
    return;
  }
  state.running = true;
  state.started = performance.now();
  $('log').replaceChildren();
  $<HTMLButtonElement>('run').disabled = true;
  show('screen-result', false);
  show('screen-progress');
  $('progress-phase').textContent = 'starting';
  $<HTMLProgressElement>('progress').removeAttribute('value');
  send({ type: 'run', spec });
}

function finishRun(): void {
  state.running = false;
  $<HTMLButtonElement>('run').disabled = false;
  show('screen-progress', false);
}

function cancelRun(): void {
  if (!state.running) return;
  finishRun();
  // a run cannot be interrupted from outside: end the worker, start a fresh one with the same file and schema
  startWorker();
  if (state.file) {
    const metadata = state.metadata;
    send({ type: 'open', file: state.file, memoryLimit: memoryLimit(location.search) });
    if (metadata) send({ type: 'metadata', metadata });
  }
  $('cancelled').hidden = false;
  setTimeout(() => ($('cancelled').hidden = true), 4000);
}

// ---------- screen 5: the result ----------

function download(id: string, name: string, data: Blob): HTMLElement {
  const url = URL.createObjectURL(data);
  state.urls.push(url);
  const kb = Math.max(1, Math.round(data.size / 1024));
  return el(
    'li',
    {},
    el('a', { id, href: url, download: name }, name),
    ` (${kb.toLocaleString('en-US')} KB)`,
  );
}

function renderResult(r: RunResult): void {
  for (const u of state.urls) URL.revokeObjectURL(u);
  state.urls = [];
  $('result-title').textContent = r.title;
  const n = (x: number) => x.toLocaleString('en-US');
  $('result-summary').replaceChildren(
    el('li', {}, r.guarantee),
    el('li', {}, `quality ${r.quality === null ? '—' : r.quality.toFixed(3)} · ${r.verdict}`),
    el(
      'li',
      {},
      `rows: ${n(r.rows.input)} in (${n(r.rows.fitted)} fitted, ${n(r.rows.holdout)} held out), ` +
        `${n(r.rows.synthetic)} synthetic · ${r.seconds.toFixed(1)} s`,
    ),
    ...(r.recommendation ? [el('li', {}, `recommended: ${r.recommendation}`)] : []),
  );
  const d = r.downloads;
  $('downloads').replaceChildren(
    download('dl-synthetic', 'synthetic.csv', d.synthetic),
    download('dl-model', 'model.json', d.model),
    download('dl-report', 'report.html', d.report),
    download('dl-metadata', 'metadata.json', d.metadata),
    download('dl-evaluation', 'evaluation.json', d.evaluation),
    ...(d.sweep ? [download('dl-sweep', 'sweep.html', d.sweep)] : []),
  );
  show('screen-result');
  // the report and the chart are self-contained pages with no script (a sandbox keeps it so), shown from the
  // worker's Blobs: the page's thread never holds their text
  $<HTMLIFrameElement>('report-frame').src = state.urls[2];
  show('sweep-block', !!d.sweep);
  $<HTMLIFrameElement>('sweep-frame').src = d.sweep ? state.urls[5] : 'about:blank';
  $('screen-result').scrollIntoView({ block: 'start' });
}

// ---------- wiring ----------

function main(): void {
  startWorker();
  setupOpen();
  $('declare-public').addEventListener('click', declarePublic);
  $('reset-schema').addEventListener('click', () => {
    state.metadata = null;
    clearError();
    send({ type: 'metadata', metadata: null });
  });
  for (const id of ['synthesizer', 'mode-single', 'mode-sweep']) $(id).addEventListener('change', syncForm);
  $('synth-form').addEventListener('submit', (e) => {
    e.preventDefault();
    startRun();
  });
  $('cancel').addEventListener('click', cancelRun);
  document.documentElement.dataset.ready = 'true';
}

main();

/**
 * The app's worker (issue 16): reads the dropped file, builds the table and its schema, runs the job — the same
 * library calls as `lookalike run` and `lookalike sweep` (runJob, holdOut, sweep) — and renders the downloads.
 * The page stays responsive because all of this happens here; cancelling terminates this worker.
 */
import {
  BUILTIN_CATALOG,
  buildTable,
  DEFAULT_SWEEP_BASELINES,
  holdOut,
  jobSummary,
  LookalikeError,
  memorySweepStore,
  missingCount,
  openModel,
  plainJsonRecords,
  privacyLabel,
  renderSweepHtml,
  runJob,
  recommend,
  sample,
  schemaToMetadata,
  sweep,
  tableText,
  type RawColumn,
  type Schema,
  type Table,
} from '../src/browser.js';
import type { FromWorker, MetadataJSON, RunResult, RunSpec, SchemaInfo, ToWorker } from './protocol.js';
import { readBytes } from './read.js';
import { MEMORY_FACTOR, tooLargeText } from './memory.js';

interface Scope {
  postMessage(m: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as Scope;
const post = (m: FromWorker) => scope.postMessage(m);

interface Loaded {
  file: string;
  format: string;
  bytes: number;
  raw: RawColumn[];
  readWarnings: string[];
  metadata: MetadataJSON | null;
  table: Table;
  schema: Schema;
  warnings: string[];
}
let loaded: Loaded | null = null;

function fail(stage: 'open' | 'schema' | 'run', e: unknown): void {
  if (e instanceof LookalikeError) {
    post({
      type: 'error',
      stage,
      message: e.message,
      problems: [...e.problems],
      needsPublic: e.kind === 'privacy' && /public|declare/i.test(e.message),
    });
  } else {
    const err = e as Error;
    const oom = err instanceof RangeError && /allocation|memory|Array buffer/i.test(err.message);
    post({
      type: 'error',
      stage,
      message: oom
        ? 'the browser ran out of memory for this table; use fewer rows or columns (see the size limit on the first screen)'
        : `unexpected error: ${err?.message ?? String(e)}`,
      problems: [],
      needsPublic: false,
    });
  }
}

function info(l: Loaded): SchemaInfo {
  return {
    file: l.file,
    format: l.format,
    bytes: l.bytes,
    rows: l.table.nRows,
    warnings: [...l.readWarnings, ...l.warnings],
    metadata: l.metadata,
    columns: l.schema.columns.map((c) => ({
      name: c.name,
      kind: c.kind,
      ...(c.integer !== undefined ? { integer: c.integer } : {}),
      ...(c.role ? { role: c.role } : {}),
      ...(c.domain ? { domain: c.domain } : {}),
      ...(c.inferredFacts?.length ? { inferredFacts: c.inferredFacts } : {}),
      missing: l.table.has(c.name) ? missingCount(l.table.column(c.name)) : 0,
    })),
  };
}

function build(l: Omit<Loaded, 'table' | 'schema' | 'warnings'>): Loaded {
  const built = buildTable(l.raw, {
    ...(l.metadata ? { metadata: l.metadata } : {}),
    source: l.file,
  });
  return { ...l, table: built.table, schema: built.schema, warnings: built.warnings };
}

async function open(file: File, memoryLimit: number): Promise<void> {
  // the page checked the size against the limit before sending; the worker checks again (a direct caller)
  if (file.size * MEMORY_FACTOR > memoryLimit) throw new LookalikeError(tooLargeText(file.size, memoryLimit));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const readWarnings: string[] = [];
  let raw: RawColumn[];
  let format: string;
  const ext = file.name.toLowerCase();
  const plain =
    ext.endsWith('.json') || ext.endsWith('.jsonl') || ext.endsWith('.ndjson')
      ? plainJson(bytes, ext.endsWith('.json') ? 'json' : 'jsonl')
      : undefined;
  if (plain) {
    // the CLI reads such files the same way (io/read.ts: plain flat records), so the tables agree
    raw = plain;
    format = ext.endsWith('.json') ? 'json' : 'jsonl';
  } else ({ columns: raw, format } = await readBytes(file.name, bytes, readWarnings));
  loaded = build({ file: file.name, format, bytes: file.size, raw, readWarnings, metadata: null });
  post({ type: 'schema', info: info(loaded) });
}

function plainJson(bytes: Uint8Array, format: 'json' | 'jsonl'): RawColumn[] | undefined {
  try {
    return plainJsonRecords(new TextDecoder('utf-8', { fatal: true }).decode(bytes), format);
  } catch {
    return undefined;
  }
}

const CSV = 'text/csv;charset=utf-8';
const JSON_TYPE = 'application/json;charset=utf-8';
const HTML = 'text/html;charset=utf-8';
const blob = (text: string, type: string) => new Blob([text], { type });

function needLoaded(): Loaded {
  if (!loaded) throw new LookalikeError('no table yet: drop or pick a file first');
  return loaded;
}

async function run(spec: RunSpec): Promise<RunResult> {
  const l = needLoaded();
  const t0 = performance.now();
  const hooks = {
    onStep: (text: string) => post({ type: 'step', text }),
    onNote: (text: string) => post({ type: 'note', text }),
    onProgress: (e: { phase: string; done?: number; total?: number; message?: string }) =>
      post({ type: 'progress', ...e }),
  };
  const fit = {
    synthesizer: spec.synthesizer,
    seed: spec.seed,
    ...(spec.epsilon !== undefined ? { epsilon: spec.epsilon } : {}),
    ...(spec.delta !== undefined ? { delta: spec.delta } : {}),
  };
  const attacks = spec.attacks ? {} : { attacks: 'none' as const };
  const target = spec.target ? { target: spec.target } : {};
  const title = `${spec.synthesizer} on ${l.file}`;
  if (spec.mode === 'single') {
    const job = await runJob(l.table, l.schema, {
      ...fit,
      ...hooks,
      ...attacks,
      ...target,
      holdout: { fraction: 0.2, seed: spec.seed },
      title,
    });
    const used = job.model.privacy.type === 'dp' ? job.model.schema : l.schema;
    const s = jobSummary(job);
    return {
      title,
      guarantee: `${spec.synthesizer} — ${privacyLabel(job.privacy)}`,
      verdict: job.gate?.scorecard.summary ?? '',
      quality: job.evaluation?.aggregates.quality ?? null,
      rows: s.rows,
      seconds: (performance.now() - t0) / 1000,
      downloads: {
        synthetic: blob(tableText(job.synthetic, 'csv'), CSV),
        model: blob(`${JSON.stringify(job.model.toJSON())}\n`, JSON_TYPE),
        report: blob(job.report ?? '', HTML),
        metadata: blob(`${JSON.stringify(schemaToMetadata(used), null, 2)}\n`, JSON_TYPE),
        evaluation: blob(`${JSON.stringify(job.evaluation)}\n`, JSON_TYPE),
      },
    };
  }
  // a sweep: the same steps as `lookalike sweep` (hold out once, every ε, the trade-off chart, a recommendation)
  const split = holdOut(l.table, { fraction: 0.2, seed: spec.seed }, hooks);
  const store = memorySweepStore();
  const result = await sweep(
    split.train,
    split.holdout,
    l.schema,
    {
      synthesizers: [spec.synthesizer],
      // the non-DP baselines at ε = ∞, as `lookalike sweep` draws them (unticked: --baselines none)
      baselines: spec.baselines ? DEFAULT_SWEEP_BASELINES : [],
      ...(spec.epsilons ? { epsilons: spec.epsilons } : {}),
      ...(spec.delta !== undefined ? { delta: spec.delta } : {}),
      seed: spec.seed,
      ...attacks,
      ...target,
      ...hooks,
    },
    store,
  );
  // the downloads are a point of the swept synthesizer, never a baseline: when the recommendation (or, with none,
  // the closest point) is a baseline, the swept synthesizer's own best point
  const swept = result.points.filter((p) => p.synthesizer === spec.synthesizer && p.epsilon !== null);
  const own = recommend(swept);
  const chosen =
    [result.recommendation.point, result.recommendation.closest].find((p) => p && swept.includes(p)) ??
    own.point ??
    own.closest ??
    swept[0];
  if (!chosen)
    throw new LookalikeError(
      'no point of the sweep finished:',
      result.failures.map((f) => `${f.synthesizer} at ε = ${f.epsilon ?? '—'}: ${f.error}`),
    );
  const key =
    chosen.epsilon === null ? `${chosen.synthesizer}-nodp` : `${chosen.synthesizer}-eps${chosen.epsilon}`;
  const record = store.records.get(key)!;
  const model = await openModel(record.model);
  const synthetic = sample(model, model.defaultRows ?? split.train.nRows, { seed: spec.seed });
  const used = model.privacy.type === 'dp' ? model.schema : l.schema;
  const sweepHtml = await renderSweepHtml(result.points, {
    title: `ε trade-off: ${spec.synthesizer} on ${l.file}`,
    failures: result.failures,
    pointReports: false,
  });
  return {
    title: `ε sweep: ${spec.synthesizer} on ${l.file}`,
    guarantee: `${chosen.synthesizer} — ${privacyLabel(chosen.privacy)}`,
    verdict: chosen.scorecard.summary,
    quality: chosen.scores.quality ?? null,
    rows: {
      input: l.table.nRows,
      fitted: split.train.nRows,
      holdout: split.holdout?.nRows ?? 0,
      synthetic: synthetic.nRows,
    },
    seconds: (performance.now() - t0) / 1000,
    recommendation:
      chosen === result.recommendation.point || chosen === result.recommendation.closest
        ? result.recommendation.reason
        : `${result.recommendation.reason} The downloads are ${spec.synthesizer}'s closest point, at ε = ${chosen.epsilon}.`,
    downloads: {
      synthetic: blob(tableText(synthetic, 'csv'), CSV),
      model: blob(`${JSON.stringify(record.model)}\n`, JSON_TYPE),
      report: blob(record.report, HTML),
      metadata: blob(`${JSON.stringify(schemaToMetadata(used), null, 2)}\n`, JSON_TYPE),
      evaluation: blob(`${JSON.stringify(record.evaluation)}\n`, JSON_TYPE),
      sweep: blob(sweepHtml, HTML),
    },
  };
}

/** One message at a time, in order: a file being read is there before the metadata or run that follows it. */
async function handle(m: ToWorker): Promise<void> {
  switch (m.type) {
    case 'open':
      loaded = null;
      return open(m.file, m.memoryLimit).catch((err: unknown) => fail('open', err));
    case 'metadata':
      try {
        const l = needLoaded();
        loaded = build({ ...l, metadata: m.metadata });
        post({ type: 'schema', info: info(loaded) });
      } catch (err) {
        fail('schema', err);
      }
      return;
    case 'declare-public':
      try {
        const l = needLoaded();
        const metadata = schemaToMetadata(l.schema, true, l.table) as unknown as MetadataJSON;
        loaded = build({ ...l, metadata });
        post({ type: 'schema', info: info(loaded) });
      } catch (err) {
        fail('schema', err);
      }
      return;
    case 'run':
      return run(m.spec).then(
        (result) => post({ type: 'result', result }),
        (err: unknown) => fail('run', err),
      );
  }
}

let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e: MessageEvent<ToWorker>) => {
  queue = queue.then(() => handle(e.data));
};

post({
  type: 'ready',
  synthesizers: BUILTIN_CATALOG.map((c) => ({
    name: c.info.name,
    privacy: c.info.privacy,
    description: c.info.description,
  })),
});

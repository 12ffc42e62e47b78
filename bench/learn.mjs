// Bench of the tree learner and the cart synthesizer on Adult (issue 4 targets).
// Run: npx tsc -p tsconfig.build.json && node bench/learn.mjs [--no-python] [--only boost|cart|agree]
// Needs ../shared/datasets/adult (skips with a message otherwise). The Python columns use Debian's scikit-learn
// through /usr/bin/python3 and ../shared/tools/judge.py; they are skipped when those are missing.
import './help.mjs';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { tmpdir, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import {
  makeLearnData,
  makeTarget,
  presentRows,
  fitBoosting,
  fitForest,
  fitLogistic,
  rocAuc,
} from '../dist/learn/index.js';
import { tableFromRecords } from '../dist/table/infer.js';

const here = dirname(fileURLToPath(import.meta.url));
const shared = join(here, '..', '..', 'shared');
const adultDir = join(shared, 'datasets', 'adult');
const judge = join(shared, 'tools', 'judge.py');
const args = process.argv.slice(2);
const usePython = !args.includes('--no-python') && existsSync('/usr/bin/python3');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;

if (!existsSync(join(adultDir, 'adult_train.csv'))) {
  console.log(`skipped: ${adultDir} not found (the Adult dataset lives in ../shared/datasets)`);
  process.exit(0);
}

/** Adult's CSV has no quoted fields: split on commas; empty = missing; numbers stay numbers. */
function readCsv(path) {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length);
  const header = lines[0].split(',');
  const rows = [];
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i].split(',');
    const row = {};
    header.forEach((h, j) => {
      const v = f[j] ?? '';
      row[h] = v === '' ? null : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    });
    rows.push(row);
  }
  return rows;
}

const trainPath = join(adultDir, 'adult_train.csv');
const testPath = join(adultDir, 'adult_test.csv');
const { table: train } = tableFromRecords(readCsv(trainPath));
const { table: test } = tableFromRecords(readCsv(testPath));
const features = train.names.filter((n) => n !== 'income');
const results = [];
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Run fn once; wall and CPU seconds (CPU time is less sensitive to other processes on a shared machine). */
function timed(fn) {
  const w = performance.now();
  const c = cpu();
  const value = fn();
  return { value, wall: (performance.now() - w) / 1000, cpu: cpu() - c };
}

if (!only || only === 'boost') {
  const bin = timed(() => makeLearnData(train, features));
  const dTrain = bin.value;
  const { target, classes } = makeTarget(train.column('income'), 'classification', ['<=50K', '>50K']);
  const dTest = makeLearnData(test, features, { reference: dTrain });
  const yTest = makeTarget(test.column('income'), 'classification', classes).target.labels;
  const runs = [
    [
      'boosting 100 trees × depth 6 (binning + fit)',
      () => fitBoosting(dTrain, target, { nTrees: 100, maxDepth: 6 }),
      true,
    ],
    [
      'boosting, early stopping',
      () => fitBoosting(dTrain, target, { nTrees: 100, maxDepth: 6, earlyStopping: true }),
    ],
    ['forest 50 trees (sqrt features, full depth)', () => fitForest(dTrain, target, { nTrees: 50, seed: 1 })],
    ['logistic regression (l2 = 1)', () => fitLogistic(dTrain, target)],
  ];
  for (const [task, fit, withBin] of runs) {
    const r = timed(fit);
    const p = timed(() => r.value.predict(dTest));
    results.push({
      task,
      wall: r.wall + (withBin ? bin.wall : 0),
      cpu: r.cpu + (withBin ? bin.cpu : 0),
      quality: `test AUC ${rocAuc(p.value, yTest).toFixed(4)}`,
      note: `${withBin ? `binning ${bin.wall.toFixed(2)} s, ` : ''}predict 16,281 rows ${p.wall.toFixed(2)} s`,
    });
  }

  if (usePython) {
    const py = `
import time, numpy as np, pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
tr = pd.read_csv(${JSON.stringify(trainPath)}); te = pd.read_csv(${JSON.stringify(testPath)})
feats = [c for c in tr.columns if c != 'income']
cat = [c for c in feats if tr[c].dtype == object]
def X(df):
    out = []
    for c in feats:
        if c in cat:
            cats = sorted(set(tr[c].dropna()))
            out.append(df[c].map({v: i for i, v in enumerate(cats)}).astype(float).values)
        else:
            out.append(df[c].astype(float).values)
    return np.column_stack(out)
mask = np.array([c in cat for c in feats])
Xtr, Xte = X(tr), X(te); ytr = (tr.income == '>50K').astype(int).values; yte = (te.income == '>50K').astype(int).values
for name, kw in (('defaults (early stopping auto, 31 leaves)', {}), ('100 iter, depth 6, no early stop', dict(max_iter=100, max_depth=6, max_leaf_nodes=None, early_stopping=False))):
    t = time.perf_counter(); m = HistGradientBoostingClassifier(categorical_features=mask, random_state=0, **kw).fit(Xtr, ytr); dt = time.perf_counter() - t
    print(f'{name}\\t{dt:.3f}\\t{roc_auc_score(yte, m.predict_proba(Xte)[:, 1]):.4f}')
`;
    try {
      const out = execFileSync('/usr/bin/python3', ['-c', py], { encoding: 'utf8' });
      for (const line of out.trim().split('\n')) {
        const [name, s, auc] = line.split('\t');
        results.push({
          task: `sklearn HistGB ${name}`,
          wall: Number(s),
          cpu: NaN,
          quality: `test AUC ${auc}`,
          note: 'sklearn 1.2, same split',
        });
      }
    } catch (e) {
      results.push({
        task: 'sklearn HistGB',
        wall: NaN,
        cpu: NaN,
        quality: 'failed',
        note: String(e.message).split('\n')[0],
      });
    }
  }
}

if (!only || only === 'cart') {
  let cart;
  try {
    cart = await import('../dist/synthesizers/cart/index.js');
  } catch {
    cart = null;
  }
  if (cart) {
    const { inferSchema } = await import('../dist/table/infer.js');
    const schema = inferSchema(train);
    for (const smoothing of ['none', 'density']) {
      const w0 = performance.now();
      const c0 = cpu();
      const model = await cart.cartSynthesizer.fit(train, schema, { seed: 42, options: { smoothing } });
      const fit = { wall: (performance.now() - w0) / 1000, cpu: cpu() - c0 };
      const s = timed(() => model.sample(train.nRows, { seed: 42 }));
      const syn = s.value;
      const json = JSON.stringify(model.toJSON());
      // TSTR with lookalike's own boosting: trained on the synthetic table, tested on adult_test
      const dSyn = makeLearnData(syn, features);
      const tSyn = makeTarget(syn.column('income'), 'classification', ['<=50K', '>50K']);
      const keep = presentRows(syn.column('income'));
      const ownTstr = (() => {
        const d = keep.length === syn.nRows ? dSyn : makeLearnData(syn.take(keep), features);
        const m = fitBoosting(d, tSyn.target, { nTrees: 100, maxDepth: 6 });
        const dT = makeLearnData(test, features, { reference: d });
        return rocAuc(
          m.predict(dT),
          makeTarget(test.column('income'), 'classification', ['<=50K', '>50K']).target.labels,
        );
      })();
      let quality = '';
      if (usePython && existsSync(judge)) {
        const dir = mkdtempSync(join(tmpdir(), 'lookalike-bench-'));
        const file = join(dir, 'synthetic.csv');
        writeFileSync(file, toCsv(syn));
        try {
          const out = JSON.parse(
            execFileSync(
              '/usr/bin/python3',
              [judge, trainPath, file, '--holdout', testPath, '--target', 'income', '--json'],
              { encoding: 'utf8' },
            ),
          );
          quality = `own-boosting TSTR AUC ${ownTstr.toFixed(4)}; judge: quality ${out.quality.toFixed(3)}, w3_err ${out.w3_err.toFixed(3)}, TSTR ${out.tstr.tstr.toFixed(3)} / TRTR ${out.tstr.trtr.toFixed(3)} = ${out.tstr.ratio.toFixed(3)}, dcr_share ${out.dcr_share.toFixed(3)}, exact ${out.exact_match.toFixed(3)}`;
        } catch (e) {
          quality = `judge failed: ${String(e.message).split('\n')[0]}`;
        }
      }
      results.push({
        task: `cart smoothing=${smoothing}: fit + sample 32,561`,
        wall: fit.wall + s.wall,
        cpu: fit.cpu + s.cpu,
        quality,
        note: `fit ${fit.wall.toFixed(2)} s, sample ${s.wall.toFixed(2)} s (wall); model ${(json.length / 1e6).toFixed(1)} MB JSON`,
      });
    }
  } else
    results.push({
      task: 'cart',
      wall: NaN,
      cpu: NaN,
      quality: 'dist/synthesizers/cart not built',
      note: '',
    });
}

if (only === 'agree') {
  // agreement with scikit-learn on other tasks: regression (California housing, first 15,000 rows train, the rest
  // test) and multiclass (Adult relationship, 6 classes); same settings on both sides
  const housingPath = join(shared, 'datasets', 'california_housing', 'housing.csv');
  const { table: house } = tableFromRecords(readCsv(housingPath));
  const tr = house.slice(0, 15000);
  const te = house.slice(15000);
  const hf = house.names.filter((n) => n !== 'median_house_value');
  const d = makeLearnData(tr, hf);
  const dt = makeLearnData(te, hf, { reference: d });
  const yt = te.column('median_house_value').values;
  const r = timed(() => fitBoosting(d, makeTarget(tr.column('median_house_value')).target));
  const p = r.value.predict(dt);
  let mean = 0;
  for (const v of yt) mean += v / yt.length;
  let ss = 0;
  let st = 0;
  for (let i = 0; i < yt.length; i++) {
    ss += (p[i] - yt[i]) ** 2;
    st += (yt[i] - mean) ** 2;
  }
  results.push({
    task: 'boosting regression, housing',
    wall: r.wall,
    cpu: r.cpu,
    quality: `test R² ${(1 - ss / st).toFixed(4)}`,
    note: '',
  });
  const f2 = train.names.filter((n) => n !== 'relationship');
  const d2 = makeLearnData(train, f2);
  const d2t = makeLearnData(test, f2, { reference: d2 });
  const { target: t2, classes } = makeTarget(train.column('relationship'));
  const y2 = makeTarget(test.column('relationship'), 'classification', classes).target.labels;
  const r2 = timed(() => fitBoosting(d2, t2));
  const p2 = r2.value.predict(d2t);
  const K = classes.length;
  let ok = 0;
  for (let i = 0; i < y2.length; i++) {
    let b = 0;
    for (let k = 1; k < K; k++) if (p2[i * K + k] > p2[i * K + b]) b = k;
    if (b === y2[i]) ok++;
  }
  results.push({
    task: 'boosting multiclass, Adult relationship (6)',
    wall: r2.wall,
    cpu: r2.cpu,
    quality: `test accuracy ${(ok / y2.length).toFixed(4)}`,
    note: '',
  });
  if (usePython) {
    const py = `
import time, numpy as np, pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor, HistGradientBoostingClassifier
from sklearn.metrics import r2_score, accuracy_score
def X(df, ref, feats):
    out = []
    for c in feats:
        if ref[c].dtype == object:
            cats = sorted(set(ref[c].dropna())); out.append(df[c].map({v: i for i, v in enumerate(cats)}).astype(float).values)
        else:
            out.append(df[c].astype(float).values)
    return np.column_stack(out)
kw = dict(random_state=0, max_iter=100, max_depth=6, max_leaf_nodes=None, early_stopping=False, l2_regularization=1)
h = pd.read_csv(${JSON.stringify(housingPath)}); tr, te = h.iloc[:15000], h.iloc[15000:]
f = [c for c in h.columns if c != 'median_house_value']
t = time.perf_counter(); m = HistGradientBoostingRegressor(categorical_features=np.array([h[c].dtype == object for c in f]), **kw).fit(X(tr, h, f), tr.median_house_value); dt = time.perf_counter() - t
print(f'sklearn regression, housing\t{dt:.3f}\ttest R² {r2_score(te.median_house_value, m.predict(X(te, h, f))):.4f}')
a = pd.read_csv(${JSON.stringify(trainPath)}); at = pd.read_csv(${JSON.stringify(testPath)})
f = [c for c in a.columns if c != 'relationship']
t = time.perf_counter(); m = HistGradientBoostingClassifier(categorical_features=np.array([a[c].dtype == object for c in f]), **kw).fit(X(a, a, f), a.relationship); dt = time.perf_counter() - t
print(f'sklearn multiclass, Adult relationship (6)\t{dt:.3f}\ttest accuracy {accuracy_score(at.relationship, m.predict(X(at, a, f))):.4f}')
`;
    const out = execFileSync('/usr/bin/python3', ['-c', py], { encoding: 'utf8' });
    for (const line of out.trim().split('\n')) {
      const [task, s, quality] = line.split('\t');
      results.push({
        task,
        wall: Number(s),
        cpu: NaN,
        quality,
        note: 'sklearn 1.2: 100 iterations, depth 6, l2 1',
      });
    }
  }
}

function toCsv(t) {
  const names = t.names;
  const lines = [names.join(',')];
  const recs = t.toRecords();
  for (const r of recs) lines.push(names.map((n) => (r[n] === null ? '' : String(r[n]))).join(','));
  return lines.join('\n') + '\n';
}

const f = (x) => (Number.isNaN(x) ? '—' : x.toFixed(2));
console.log(`| task | wall s | CPU s | quality | note |\n|---|---|---|---|---|`);
for (const r of results) console.log(`| ${r.task} | ${f(r.wall)} | ${f(r.cpu)} | ${r.quality} | ${r.note} |`);
console.log(
  `\nnode ${process.version}, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);

import { describe, expect, it, vi } from 'vitest';
import {
  categoricalDistributionSpec,
  densityGridSpec,
  groupedBarsSpec,
  heatmapSpec,
  histogramSpec,
  intervalsSpec,
  numericDistributionSpec,
  renderSvg,
  rocSpec,
} from '../../src/report/charts.js';
import { markCount } from './helpers.js';

describe('charts render to SVG headless', () => {
  it('every builder produces an SVG with marks', async () => {
    const specs = [
      numericDistributionSpec({
        name: 'age <x>',
        edges: [0, 1, 2, 3],
        real: [0.2, 0.5, 0.3],
        synthetic: [0.3, 0.4, 0.3],
      }),
      categoricalDistributionSpec({
        name: 'sex',
        categories: ['F', 'M', '<b>&'],
        real: [0.5, 0.4, 0.1],
        synthetic: [0.45, 0.45, 0.1],
      }),
      heatmapSpec({
        title: 'corr',
        columns: ['a', 'b'],
        matrix: [1, 0.3, 0.3, null],
        domain: [-1, 1],
        scheme: 'redblue',
      }),
      densityGridSpec({
        title: 'pca',
        bins: 2,
        xRange: [0, 1],
        yRange: [0, 1],
        real: [0.25, 0.25, 0.25, 0.25],
        synthetic: [0.5, 0, 0, 0.5],
      }),
      groupedBarsSpec({
        title: 'u',
        xTitle: 'AUC',
        rows: [
          { group: 'boosting', series: 'TRTR', value: 0.9 },
          { group: 'boosting', series: 'TSTR', value: 0.85 },
        ],
      }),
      histogramSpec(
        'dcr',
        [0, 0.5, 1],
        [
          { name: 'train', counts: [3, 1] },
          { name: 'holdout', counts: [2, 2] },
        ],
        'distance',
      ),
      rocSpec('roc', [{ name: 'dist', x: [0, 0.5, 1], y: [0, 0.6, 1] }]),
      intervalsSpec(
        'risks',
        [
          {
            label: 'singling out',
            value: 0.01,
            lo: 0,
            hi: 0.04,
            baseline: 0.005,
            target: 0.05,
            status: 'pass',
          },
        ],
        'risk',
      ),
    ];
    for (const s of specs) {
      const svg = await renderSvg(s);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(markCount(svg)).toBeGreaterThan(0);
      expect(svg).not.toMatch(/<b>|NaN/);
    }
  });
});

describe('names from the table that spell Object.prototype members', () => {
  it('render as titles, categories and sort orders ("constructor", "toString", "__proto__")', async () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const svg = await renderSvg(
        categoricalDistributionSpec({
          name,
          categories: [name, 'valueOf', 'b'],
          real: [0.5, 0.3, 0.2],
          synthetic: [0.4, 0.4, 0.2],
        }),
      );
      expect(svg).toContain('<svg');
      expect(svg).toContain(name);
    }
  });
});

describe('datetime distribution chart', () => {
  it('renders without a vega-lite warning on stderr', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const svg = await renderSvg(
        numericDistributionSpec({
          name: 'date',
          edges: [Date.UTC(2020, 0, 1), Date.UTC(2020, 6, 1), Date.UTC(2021, 0, 1)],
          real: [0.4, 0.6],
          synthetic: [0.5, 0.5],
          datetime: true,
        }),
      );
      expect(svg).toContain('<svg');
      const calls = [...warn.mock.calls, ...error.mock.calls, ...log.mock.calls].map((c) => c.join(' '));
      expect(calls.filter((c) => /zero/.test(c))).toEqual([]);
    } finally {
      warn.mockRestore();
      error.mockRestore();
      log.mockRestore();
    }
  });
});

/**
 * How large a file the page takes (issue 16: "too large for the browser's memory — say so before crashing").
 * A page cannot ask how much memory it may use, so the limit is stated: DEFAULT_MEMORY_LIMIT of working memory
 * (a tab's JavaScript heap is capped at about 4 GB in Chromium and often less on small machines), or
 * `?memory=N` MB in the address. A file is refused before it is read when MEMORY_FACTOR × its size exceeds it.
 */

/**
 * Bytes of working memory per byte of file, an estimate (docs/app.md "Bad input"): a text cell of ~8 bytes in the
 * file becomes a JS string and an array slot (~40–64 bytes), the file's bytes and decoded text are held while it
 * is parsed, and the split, model, synthetic table and metrics copy columns about three more times.
 * bench/app.mjs measured the renderer's peak memory growing by 54–63 × the file size on Adult (gaussian-copula,
 * attacks on; bench/RESULTS-app.md), so the factor is 64, not the first estimate of 30.
 */
export const MEMORY_FACTOR = 64;

/** The stated working-memory limit: 2 GB. */
export const DEFAULT_MEMORY_LIMIT = 2 * 2 ** 30;

/** The limit in bytes, from `?memory=<MB>` when given (a positive number), else the default. */
export function memoryLimit(search: string): number {
  const v = new URLSearchParams(search).get('memory');
  const mb = v === null ? NaN : Number(v);
  return mb > 0 && Number.isFinite(mb) ? mb * 2 ** 20 : DEFAULT_MEMORY_LIMIT;
}

/** A size for people: KB below 1 MB, MB with one decimal below 10 MB. */
export function sizeText(b: number): string {
  if (b < 2 ** 20) return `${Math.ceil(b / 1024)} KB`;
  const m = b / 2 ** 20;
  return `${m < 10 ? m.toFixed(1) : Math.round(m).toLocaleString('en-US')} MB`;
}

/** The message for a file too large for the limit (sizes only). */
export function tooLargeText(size: number, limit: number): string {
  return (
    `this file is ${sizeText(size)}; working on it in the browser needs about ${sizeText(size * MEMORY_FACTOR)}, more than ` +
    `the page's limit of ${sizeText(limit)}. Use a sample of the rows or fewer columns, or run \`lookalike run\` in a ` +
    'terminal, which reads large files out of core'
  );
}

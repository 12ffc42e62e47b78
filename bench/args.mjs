// The bench scripts' command line: `--key value` pairs, a `--flag` followed by another option or nothing is `true`,
// anything not after a `--key` is ignored. Keys named in `repeated` collect every value in an array (empty when
// absent); any other key keeps its last value. (The key is read before the index moves on to the value: an earlier
// copy in dp-real-one keyed values by their own text, so a child never saw --data and re-ran the whole table.)
export function benchArgs(repeated = []) {
  const a = process.argv.slice(2);
  const o = Object.fromEntries(repeated.map((k) => [k, []]));
  for (let i = 0; i < a.length; i++) {
    if (!a[i].startsWith('--')) continue;
    const k = a[i].slice(2);
    const v = a[i + 1] && !a[i + 1].startsWith('--') ? a[++i] : true;
    if (repeated.includes(k)) o[k].push(v);
    else o[k] = v;
  }
  return o;
}

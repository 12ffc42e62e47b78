/** Number of drawn mark items (path/rect/line/text… inside role-mark groups). */
export function markCount(svg: string): number {
  let n = 0;
  const re = /<g class="mark-(\w+) role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(svg))) n += (m[2].match(/<(path|rect|line|text|circle)\b/g) ?? []).length;
  return n;
}

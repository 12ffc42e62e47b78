/**
 * Control characters that must not reach a terminal from data: C0 controls other than tab and line feed (ESC
 * starts ANSI sequences that recolour, move the cursor, retitle the window or write to the clipboard; CR overwrites
 * a line; BEL rings), DEL, the C1 controls (U+009B is an 8-bit CSI), and the Unicode bidirectional overrides and
 * isolates that reorder what is shown ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` with every such character written as a visible `\uXXXX` escape. Every message and result the CLI prints
 * goes through it (column names, file names and values come from the user's files). In JSON output the escape is
 * JSON's own, so printed JSON parses to the same strings.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

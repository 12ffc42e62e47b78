// `--help` / `-h` for every bench script: imported first, it prints the script's leading comment block (its usage)
// and exits before the bench starts, so asking for help never runs a bench or rewrites a RESULTS file.
import { readFileSync } from 'node:fs';

const wanted = process.argv.slice(2).some((a) => a === '--help' || a === '-h');
if (wanted && process.argv[1]) {
  const lines = readFileSync(process.argv[1], 'utf8').split('\n');
  const usage = [];
  for (const line of lines) {
    if (line.startsWith('#!')) continue;
    if (!line.startsWith('//')) break;
    usage.push(line.replace(/^\/\/ ?/, ''));
  }
  process.stdout.write(`${usage.join('\n').trim() || 'No usage written at the top of this script.'}\n`);
  process.exit(0);
}

#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// A reader that stops early (`lookalike synthesizers | head -1`) closes the pipe: end quietly, as Unix tools do,
// instead of an unhandled EPIPE error; any other stdout error is still thrown.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));

import type { Command } from '../command.js';
import { int } from '../args.js';
import { startAppServer } from '../../io/app-server.js';

/** The port `lookalike app` listens on unless --port says otherwise. */
export const APP_PORT = 8787;

export const appCommand: Command = {
  name: 'app',
  summary: 'start the browser app on 127.0.0.1: drop a table, choose the trade-off, download the results',
  usage: 'lookalike app [--port N]',
  description:
    'Serves the browser-local app (docs/app.md) on http://127.0.0.1:PORT/ and prints the address; open it in a ' +
    'browser. The page reads the table you drop, fits, samples, evaluates and renders the report in a Web Worker ' +
    'on this machine: nothing is uploaded, and its Content-Security-Policy forbids every network request. The ' +
    'server listens on 127.0.0.1 only and serves the page’s own files. Stop it with Ctrl-C.',
  positionals: [],
  options: {
    port: {
      type: 'string',
      placeholder: 'N',
      description: `port on 127.0.0.1 (default ${APP_PORT}; 0 = any free port)`,
    },
  },
  examples: ['npx lookalike app', 'npx lookalike app --port 9000'],
  needsSynthesizers: false,
  async run(args, ctx) {
    const port = int(args, 'port', { min: 0, max: 65535 }) ?? APP_PORT;
    const server = await startAppServer({ port });
    // the signal handlers first: whoever reads the address may stop the server at once
    const stopped = new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    if (ctx.json) ctx.out(JSON.stringify({ url: server.url }));
    else ctx.out(`lookalike app: open ${server.url} in a browser (Ctrl-C stops it)`);
    await stopped;
    await server.close();
    return 0;
  },
};

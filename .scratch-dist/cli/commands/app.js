import { int } from '../args.js';
import { startAppServer, untilStopSignal } from '../../io/app-server.js';
/** The port `lookalike app` listens on unless --port says otherwise. */
const APP_PORT = 8787;
export const command = {
    name: 'app',
    positionals: [],
    needsSynthesizers: false,
    async run(args, ctx) {
        const port = int(args, 'port', { min: 0, max: 65535 }) ?? APP_PORT;
        const server = await startAppServer({ port });
        const stopped = untilStopSignal(); // before the address is printed
        if (ctx.json)
            ctx.out(JSON.stringify({ url: server.url }));
        else
            ctx.out(`lookalike app: open ${server.url} in a browser (Ctrl-C stops it)`);
        await stopped;
        await server.close();
        return 0;
    },
};
//# sourceMappingURL=app.js.map
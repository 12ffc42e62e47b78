/**
 * The page's policy. 'wasm-unsafe-eval' lets the worker compile the WebAssembly training kernel (it is not
 * `eval`); 'unsafe-inline' styles let the embedded report (a self-contained HTML page with inline styles and SVG)
 * display; `connect-src 'none'` is what keeps every byte on the machine.
 */
export declare const APP_CSP: string;
/** Headers every response carries (see the module comment). */
export declare const APP_HEADERS: Readonly<Record<string, string>>;
/** The built app: `dist/app/` of this package (the same path from `src/io/` and from `dist/io/`). */
export declare function appRoot(): string;
export interface AppServer {
    /** e.g. `http://127.0.0.1:8787/` */
    readonly url: string;
    readonly port: number;
    close(): Promise<void>;
}
export interface AppServerOptions {
    /** The folder served; default `appRoot()`. */
    readonly root?: string;
    /** 0 = any free port. */
    readonly port: number;
}
/** Starts the server; throws a LookalikeError when the app is not built or the port is taken. */
export declare function startAppServer(opts: AppServerOptions): Promise<AppServer>;
/**
 * Resolves on the first SIGINT or SIGTERM (Ctrl-C, a service manager), its handlers then removed. Listen before
 * announcing the address: whoever reads it may stop the server at once.
 */
export declare function untilStopSignal(): Promise<void>;

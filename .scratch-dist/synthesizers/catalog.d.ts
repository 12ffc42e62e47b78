import type { Synthesizer, SynthesizerInfo } from './types.js';
/**
 * The built-in synthesizers as info + loader: what `lookalike synthesizers` and `--help` need, without loading
 * any model code (this file imports no registry either: `lookalike synthesizers` reads it alone).
 * `registerBuiltinCatalog()` (register-catalog.ts) registers them lazily (each loads its code on first fit, or through
 * `loadSynthesizer` before `loadModel`); the CLI uses it so a command loads only the synthesizer it runs. The
 * library entry registers the same synthesizers with their code (`builtin.ts`); a test keeps the two in step.
 */
export declare const BUILTIN_CATALOG: readonly {
    info: SynthesizerInfo;
    load: () => Promise<Synthesizer>;
}[];
/**
 * Synthesizers as JSON — name, guarantee, description, options (a help line each, and the schema) — what
 * `lookalike synthesizers --json` prints and a page can list (default: the built-in catalog).
 */
export declare function synthesizersJSON(infos?: readonly SynthesizerInfo[]): {
    name: string;
    privacy: "dp" | "none" | "either";
    description: string;
    options: {
        [k: string]: string;
    };
    optionSchema: Record<string, unknown>[];
}[];
/** Synthesizers as text: a table of name, guarantee and description, then each one's options with help. */
export declare function formatSynthesizers(infos?: readonly SynthesizerInfo[]): string;

/** Every synthesizer that ships with lookalike, registered by name. Importing this module registers them. */
export declare const BUILTIN_SYNTHESIZERS: import("./types.js").Synthesizer[];

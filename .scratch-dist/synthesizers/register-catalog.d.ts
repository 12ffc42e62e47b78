/** Register every built-in synthesizer lazily (a synthesizer already registered with its code is kept). */
export declare function registerBuiltinCatalog(): void;

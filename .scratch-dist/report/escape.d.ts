/** Escape text for HTML element content and attribute values. */
export declare function esc(s: unknown): string;

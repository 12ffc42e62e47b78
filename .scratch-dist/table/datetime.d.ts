export interface DatetimeCodec {
    readonly format: string;
    /** Epoch milliseconds, or NaN when `s` does not match the format or is not a real date. */
    parse(s: string): number;
    format_(ms: number): string;
}
export declare const ISO_FORMAT = "ISO";
/** A parser/formatter for `format` (cached). */
export declare function datetimeCodec(format: string): DatetimeCodec;
/** Formats tried, in order, when inferring a text column's datetime format. */
export declare const CANDIDATE_FORMATS: readonly string[];
/** The first candidate format that parses every given (non-empty) string, or null. */
export declare function detectDatetimeFormat(values: readonly string[]): string | null;

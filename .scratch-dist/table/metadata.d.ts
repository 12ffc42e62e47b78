import { type ColumnKind } from './column.js';
import { type IdStyle, type SchemaFact, type Domain, type Role, type Schema } from './schema.js';
import type { Table } from './table.js';
/**
 * A metadata file: a partial schema the user writes (or edits from `lookalike inspect --out`). Every entry is
 * optional except `name`; what is left out is inferred from the data. A domain written here without a `source`
 * counts as declared public — writing it down is the declaration.
 *
 * ```json
 * { "version": 1, "missingValues": ["?"],
 *   "columns": [
 *     { "name": "age", "kind": "numeric", "integer": true, "role": "quasi-identifier",
 *       "domain": { "min": 17, "max": 90, "source": "public" } },
 *     { "name": "income", "kind": "categorical", "role": "target",
 *       "domain": { "categories": ["<=50K", ">50K"] } } ] }
 * ```
 */
export interface ColumnMetadata {
    name: string;
    kind?: ColumnKind;
    integer?: boolean;
    /** Decimal places synthetic values are rounded to; null: not rounded (declared so). */
    decimals?: number | null;
    format?: string;
    role?: Role;
    /** Declared: the column may (true) or may not (false: missing values are refused) hold missing values. */
    nullable?: boolean;
    /** Id columns: how synthetic ids are written (`integer`: 1, 2, …; `prefixed`: syn-1, …). */
    idStyle?: IdStyle;
    domain?: Domain;
    /** Model-file schemas only: facts read off the data (see ColumnSpec.inferredFacts). */
    inferredFacts?: SchemaFact[];
}
export interface Metadata {
    version: 1;
    missingValues: string[];
    columns: ColumnMetadata[];
    /**
     * Business rules (docs/constraints.md), kept as written: they name columns whose kinds are known only once the
     * schema is built, so `parseRules` (constraints/parse.ts) validates them against the schema.
     */
    constraints?: unknown[];
}
/** Most values a numeric domain's `values` list may hold (a short list: modelled one code per value). */
export declare const MAX_DOMAIN_VALUES = 1000;
/** Numeric columns with at most this many distinct values get a `values` list from `inspect --out`. */
export declare const INSPECT_VALUES_MAX = 32;
/** Validate a metadata file's parsed JSON; throws a LookalikeError listing every problem. */
export declare function parseMetadata(json: unknown, source?: string): Metadata;
/** Problems with a full schema (as stored in a model file); empty when valid. */
export declare function validateSchema(json: unknown, what?: string): string[];
/**
 * A schema as a metadata file (for `inspect --out`); `publicDomains` marks every domain as declared public. Every
 * schema fact (kind, integer, decimals, format, nullable, idStyle) is written out, so the file declares them when
 * read back: the user reviews them like the domains (a DP fit refuses facts read off the data, issue 10).
 */
export declare function schemaToMetadata(schema: Schema, publicDomains?: boolean, table?: Table): Record<string, unknown>;
/**
 * The schema a metadata file declares on its own, without a table (issue 15: rows counted where they live are never
 * read, so nothing can be inferred). Every column must declare its kind (a LookalikeError lists those that do not);
 * a fact left undeclared (integer, decimals, format, nullable, idStyle) is listed in `inferredFacts`, so that a DP
 * fit refuses it with the usual message (`privacy/requireDeclaredFacts`). A domain without a source is public:
 * writing it down is the declaration.
 */
export declare function schemaFromMetadata(meta: Metadata, source?: string): Schema;

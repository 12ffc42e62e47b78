import type { Schema } from '../table/schema.js';
import type { ForbiddenRegion } from '../synthesizers/types.js';
import type { ConstraintPlan } from './transform.js';
/**
 * The forbidden regions of a constraint plan (`FitOptions.forbidden`), over the columns the synthesizer models:
 * a conditional rule `if C in S then lo ≤ X ≤ hi` forbids {C ∈ S, X < lo} and {C ∈ S, X > hi}. The DP-marginal
 * synthesizers make them structural zeros of their graphical model (synthesizers/structural-zeros.ts), so the
 * disallowed cells have probability 0 — a public fact: built from the rules and the schema, never from rows, and
 * costing no budget.
 *
 * An inequality `low ≤ high` between two columns forbids {low > high} (an `order` region: the pairs of bins wholly
 * past the diagonal become zeros, structural-zeros.ts), and a conditional one `if C in S then low ≤ high` forbids
 * {C ∈ S, low > high} — when neither side is rebuilt (planConstraints leaves inequalities unreparameterised for the
 * synthesizers that take zeros, `PlanOptions.orderZeros`).
 *
 * Only what maps onto modelled columns: the `then` column(s) modelled as they are (not a rebuilt side of an
 * inequality, not computed, not in a merged group), and the `if` column modelled as it is or inside a merged group
 * (its term is then the set of merged categories that match). Other rules stay checked and redrawn by the
 * constraints layer, as every rule is.
 */
export declare function forbiddenRegions(plan: ConstraintPlan, schema: Schema): ForbiddenRegion[];

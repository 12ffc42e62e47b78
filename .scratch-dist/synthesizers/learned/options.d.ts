import { type OptionSpec } from '../options.js';
/**
 * Option specs shared by the learned synthesizers (tvae, ctgan): imported by their info modules, so it imports
 * nothing heavy.
 */
/**
 * Options every learned synthesizer of this family takes (the network-specific ones come in each info.ts); `dp`:
 * the defaults of a DP fit (with --epsilon), for a synthesizer that has one.
 */
export declare function trainingOptions(defaults: {
    epochs: number;
    batchSize: number;
    lr: number;
    patience: number;
    /** the validation share's default (0.1 unless the synthesizer's early stopping is not worth its rows) */
    validation?: number;
}, dp?: {
    epochs: number;
    batchSize: number;
    lr: number;
}): OptionSpec[];
/** A list of hidden-layer widths, e.g. [128, 128]. */
export declare function layerWidths(name: string, help: string, dflt: number[]): OptionSpec;
/** The options of a learned synthesizer's DP mode (DP-SGD on public or DP-released preprocessing). */
export declare function dpTrainingOptions(): OptionSpec[];

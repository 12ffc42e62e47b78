import type { SynthesizerInfo } from '../types.js';
export declare const CART_MODEL_NOTE = "the cart model file stores observed values of the training rows in its leaves: keep it as confidential as the data";
/** `cart`: what it is and its options (the code is in index.ts). */
export declare const cartInfo: SynthesizerInfo;

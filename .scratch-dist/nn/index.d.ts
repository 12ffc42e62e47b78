/**
 * The training engine (see docs/nn.md): layers with hand-derived backward passes, losses, Adam, per-example
 * gradients for DP-SGD, weights in model files, and the GEMM they all multiply with. Core code: runs in Node and in
 * the browser. Other modules import from here.
 */
export type { Gemm, PackedB } from './kernel/gemm.js';
export { referenceGemm } from './kernel/reference.js';
export { createGemm, createGemmSync, wasmSimdSupported, type GemmBackend, type GemmOptions, } from './kernel/wasm.js';
export { setThreadSpawner, threadSpawner, KERNEL_WORKER_SOURCE, type ThreadSpawner, type KernelWorkerInit, type KernelWorkerHandle, } from './kernel/threads.js';
export { Param, mat, reuse, gaussian, copyRows, fillGaussian, type Mat, type Ctx, type BackwardOptions, type ParamGradMode, } from './tensor.js';
export { Dense, Activation, Dropout, BatchNorm, LayerNorm, Sequential, Embedding, SpanActivation, softmaxInPlace, gumbel, initUniform, type Layer, type Span, } from './layers.js';
export { crossEntropy, gaussianNll, klStandardNormal, squaredError } from './losses.js';
export { Adam, clipGradNorm, gradNorm, allFinite, type AdamOptions } from './optim.js';
export { clipPerExample, type ClipResult, type PerExampleModule } from './per-example.js';
export { DpSgd, clippedSum, clippedSumFloatSlack, batchCapFor, type DpSgdOptions } from './dp-sgd.js';
export { writeWeights, readWeights, bytesToBase64, base64ToBytes, type WeightEntry } from './serialize.js';
export { exp, log, log1p, tanh, sigmoid, softplus, logSumExp } from './math.js';

export { referenceGemm } from './kernel/reference.js';
export { createGemm, createGemmSync, wasmSimdSupported, } from './kernel/wasm.js';
export { setThreadSpawner, threadSpawner, KERNEL_WORKER_SOURCE, } from './kernel/threads.js';
export { Param, mat, reuse, gaussian, copyRows, fillGaussian, } from './tensor.js';
export { Dense, Activation, Dropout, BatchNorm, LayerNorm, Sequential, Embedding, SpanActivation, softmaxInPlace, gumbel, initUniform, } from './layers.js';
export { crossEntropy, gaussianNll, klStandardNormal, squaredError } from './losses.js';
export { Adam, clipGradNorm, gradNorm, allFinite } from './optim.js';
export { clipPerExample } from './per-example.js';
export { DpSgd, clippedSum, clippedSumFloatSlack, batchCapFor } from './dp-sgd.js';
export { writeWeights, readWeights, bytesToBase64, base64ToBytes } from './serialize.js';
export { exp, log, log1p, tanh, sigmoid, softplus, logSumExp } from './math.js';
//# sourceMappingURL=index.js.map
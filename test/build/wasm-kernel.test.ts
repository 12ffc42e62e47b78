import { describe, expect, it } from 'vitest';
import { GEMM_WASM, GEMM_WASM_SHARED } from '../../src/nn/kernel/gemm-wasm.generated.js';
import { LATTICE_NOISE_WASM } from '../../src/nn/kernel/lattice-noise-wasm.generated.js';

describe('the embedded nn kernel', () => {
  it(
    'is the compilation of its AssemblyScript source (rebuilt by npm run build, never stale)',
    { timeout: 180_000 },
    async () => {
      // @ts-expect-error: a plain .mjs build script without type declarations
      const { compileKernel } = await import('../../scripts/build-wasm.mjs');
      expect(await compileKernel(false)).toBe(GEMM_WASM);
      expect(await compileKernel(true)).toBe(GEMM_WASM_SHARED);
      // the DP-SGD noise kernel (privacy/lattice-gaussian.ts), a module of its own
      expect(await compileKernel(false, 'src/nn/kernel/assembly/lattice-noise.ts')).toBe(LATTICE_NOISE_WASM);
    },
  );
});

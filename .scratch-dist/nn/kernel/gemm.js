export {};
//# sourceMappingURL=gemm.js.map
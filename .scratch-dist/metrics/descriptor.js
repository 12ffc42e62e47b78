export {};
//# sourceMappingURL=descriptor.js.map
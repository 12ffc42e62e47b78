export {};
//# sourceMappingURL=progress.js.map
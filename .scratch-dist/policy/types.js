export const OPERATORS = ['>=', '>', '<=', '<'];
//# sourceMappingURL=types.js.map
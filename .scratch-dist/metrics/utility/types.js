/** The utility suite's detail in an evaluation: TRTR and TSTR scores per model, importances, subgroups. */
export {};
//# sourceMappingURL=types.js.map
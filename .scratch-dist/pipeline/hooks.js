/** Wall-clock seconds since `t0` (a `performance.now()` reading); browser and Node alike. */
export function secondsSince(t0) {
    return (performance.now() - t0) / 1000;
}
//# sourceMappingURL=hooks.js.map
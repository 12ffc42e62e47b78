/** `gaussian-copula`: what it is (the code is in index.ts). It takes no options. */
export const gaussianCopulaInfo = {
    name: 'gaussian-copula',
    description: 'Gaussian copula over empirical marginals with data-ordered categories and modelled missingness',
    privacy: 'none',
    options: [],
};
//# sourceMappingURL=info.js.map
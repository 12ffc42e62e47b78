/**
 * Federated synthesis (issue 15): `measureSite` at each site → a site file of noisy marginals with its ledger;
 * `combineSites` → one model from every site's file (docs/federated.md). An explicit list of exports.
 */
export { formatSiteMeasurements, measureSite, readSiteFile, schemaHash, SITE_FORMAT, SITE_PROTOCOL, } from './site.js';
export { combinedSummary, combineSites, CombinedModel, formatSiteGuarantees, } from './combine.js';
//# sourceMappingURL=index.js.map
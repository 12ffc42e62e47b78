/**
 * Federated synthesis (issue 15): `measureSite` at each site → a site file of noisy marginals with its ledger;
 * `combineSites` → one model from every site's file (docs/federated.md). An explicit list of exports.
 */
export { formatSiteMeasurements, measureSite, readSiteFile, schemaHash, SITE_FORMAT, SITE_PROTOCOL, type SiteFile, type SiteMeasurement, type SiteMeasurements, type SiteOptions, } from './site.js';
export { combinedSummary, combineSites, CombinedModel, formatSiteGuarantees, type CombineOptions, type SiteGuarantee, } from './combine.js';

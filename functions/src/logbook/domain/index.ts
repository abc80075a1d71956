export { BundleInvalidError, parseBundle, type BundleIssue } from "./bundle.js";
export { validateApplication } from "./engine.js";
export { DEFAULT_POLICY, deepMerge, policySchema, resolvePolicy, type Policy } from "../../platform/domain/policy.js";
export type { Finding, Report, Requirement, Severity, Summary } from "./report.js";
export * from "./schema.js";
// For other features (recertification): the CME screening, and how reports are built.
export { screenCmeEntries, type CreditedEvent } from "./screen-cme-entries.js";
export { error, warning, sortFindings, round2 } from "./report.js";

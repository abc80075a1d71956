// The server's pure engine and schemas, bundled into the client: the live
// report the candidate sees is computed by the same code as validation/current.
export {
  judgeApplication,
  type ApplicationDocs,
  type Doc,
  type LiveReport,
} from "../../functions/src/logbook/domain/application-docs";
export { EDITABLE_STATUSES, type ApplicationStatus } from "../../functions/src/logbook/domain/application-docs";
export {
  caseSchema,
  cmeEntrySchema,
  trainingPeriodSchema,
  peerRecognitionSchema,
  CASE_CATEGORIES,
  CME_KINDS,
  CONGENITAL_LESIONS,
  ROUTES,
  type Case,
  type CaseCategory,
  type Route,
} from "../../functions/src/logbook/domain/schema";
export type { Finding, Requirement } from "../../functions/src/logbook/domain/report";
export { patientRefProblem } from "../../functions/src/logbook/domain/patient-ref";
export { describeIssue } from "../../functions/src/platform/domain/issues";
export { DEFAULT_POLICY, resolvePolicy, type Policy } from "../../functions/src/platform/domain/policy";

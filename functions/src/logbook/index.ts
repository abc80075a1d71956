// The logbook feature: the rules engine (domain/), live revalidation,
// submission and the logbook deadlines. Other features use only what is
// exported here.
export { revalidateOnApplicationWrite, revalidateOnLogbookWrite } from "./triggers/revalidate-application.js";
export { revalidateOnProfileWrite } from "./triggers/revalidate-on-profile-write.js";
export {
  revalidateOnCertificationWrite,
  revalidateOnExamResultWrite,
  revalidateOnSupervisorWrite,
} from "./triggers/revalidate-on-registry-write.js";
export { recomputeReport } from "./tasks/recompute-report.js";
export { submitApplication } from "./callables/submit-application.js";
export { withdrawApplication } from "./callables/withdraw-application.js";
export { returnForModification } from "./callables/return-for-modification.js";
export { logbookDeadlines } from "./schedules/logbook-deadlines.js";
export { onApplicationDeleted } from "./triggers/on-application-deleted.js";
// logbook access (issue 12)
export { checkLogbookAccess } from "./callables/check-logbook-access.js";
// The pure engine pieces other features reuse (recertification's CME screening).
export { screenCmeEntries, error, warning, sortFindings, round2, cmeEntrySchema } from "./domain/index.js";
export type { CmeEntry, CreditedEvent, Finding, Requirement } from "./domain/index.js";
// For functions/src/requests: the logbook deadline an extension moves.
export { examResultSchema, logbookDeadline } from "./domain/deadline.js";
// For functions/src/requests: a request that changes reports revalidates the candidate's applications.
export { revalidateApplicationsOf } from "./revalidate-owner.js";

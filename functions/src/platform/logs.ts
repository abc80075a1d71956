// Every log event of the backend, in one place. Structured fields only: ids
// and counts, never names, e-mail addresses or patient references.
import * as logger from "firebase-functions/logger";

export const logs = {
  jobDocumentInvalid: (job: string, path: string, issues: string[]) =>
    logger.error("scheduled job found a malformed document", { job, path, issues }),
  jobItemFailed: (job: string, path: string, error: unknown) =>
    logger.error("scheduled job could not process a document; the next run retries", {
      job,
      path,
      error: error instanceof Error ? error.message : String(error),
    }),
  jobFinished: (job: string, today: string, stats: object) =>
    logger.info("scheduled job finished", { job, today, ...stats }),
  evidenceChecked: (uid: string, evidenceId: string, status: string) =>
    logger.info("evidence checked", { uid, evidenceId, status }),
  roleChanged: (uid: string, role: string | null, by: string) => logger.info("role changed", { uid, role, by }),
  policyInvalid: (issues: string[]) => logger.error("config/policy is invalid; the default policy applies", { issues }),
  reportComputed: (appId: string, judgedUpTo: string, reads: number, written: boolean, eligible: boolean) =>
    logger.info("report computed", { appId, judgedUpTo, reads, written, eligible }),
  reportNotLive: (appId: string, status: unknown) =>
    logger.debug("report not recomputed: application is not editable", { appId, status }),
  stalePendingReplaced: (appId: string) => logger.warn("replaced a revalidation flag whose task never ran", { appId }),
  applicationSubmitted: (appId: string, submission: number) =>
    logger.info("application submitted", { appId, submission }),
  applicationStatusChanged: (appId: string, from: string, to: string) =>
    logger.info("application status changed", { appId, from, to }),
  personalDataExported: (uid: string) => logger.info("personal data exported", { uid }),
  erasureRequested: (uid: string, erased: number, kept: number) =>
    logger.info("erasure request carried out", { uid, erased, kept }),
};

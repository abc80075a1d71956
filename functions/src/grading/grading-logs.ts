// The grading feature's log events: ids and counts only, never names.
import * as logger from "firebase-functions/logger";

export const gradingLogs = {
  assigned: (appId: string, submission: number, graders: number, reads: number) =>
    logger.info("graders assigned", { appId, submission, graders, reads }),
  unassigned: (appId: string, submission: number, eligible: number) =>
    logger.warn("application waits for graders: fewer than needed are eligible", { appId, submission, eligible }),
  alreadyAssigned: (appId: string, submission: number) =>
    logger.debug("assignment already done for this submission", { appId, submission }),
  documentInvalid: (path: string, issues: string[]) =>
    logger.error("grading found a malformed document", { path, issues }),
  roundClosed: (appId: string, submission: number, status: string) =>
    logger.info("grading round closed", { appId, submission, status }),
  decided: (appId: string, submission: number, outcome: string) =>
    logger.info("application decided", { appId, submission, outcome }),
  registerSynced: (uid: string, listed: boolean) => logger.info("register row synced", { uid, listed }),
  certificateStored: (certId: string, path: string, bytes: number) =>
    logger.info("certificate stored", { certId, path, bytes }),
  certificateFailed: (certId: string, error: unknown) =>
    logger.error("certificate could not be generated; the retry will try again", {
      certId,
      error: error instanceof Error ? error.message : String(error),
    }),
};

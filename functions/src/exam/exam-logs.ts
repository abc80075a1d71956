// The exam feature's log events: ids and counts only, never names.
import * as logger from "firebase-functions/logger";

export const examLogs = {
  completionCertificateIssued: (resultId: string, stored: boolean, bytes: number) =>
    logger.info("exam completion certificate issued", { resultId, stored, bytes }),
  completionCertificateSkipped: (resultId: string) =>
    logger.debug("exam completion certificate already issued", { resultId }),
  completionCertificateFailed: (resultId: string, error: unknown) =>
    logger.error("exam completion certificate could not be issued; the retry will try again", {
      resultId,
      error: error instanceof Error ? error.message : String(error),
    }),
};

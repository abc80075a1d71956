// The recertification feature's log events: ids and amounts only, never names.
import * as logger from "firebase-functions/logger";

export const recertificationLogs = {
  opened: (appId: string, certId: string) => logger.info("recertification application opened", { appId, certId }),
  paid: (appId: string, method: string, reference: string) =>
    logger.info("recertification application paid", { appId, method, reference }),
  paymentNotApplied: (appId: string, paymentId: string, verdict: string, message: string) =>
    logger.warn("payment not applied to the recertification application", { appId, paymentId, verdict, message }),
  reportComputed: (appId: string, eligible: boolean, written: boolean) =>
    logger.info("recertification report computed", { appId, eligible, written }),
  submitted: (appId: string, submission: number) =>
    logger.info("recertification application submitted", { appId, submission }),
  decided: (appId: string, outcome: string) => logger.info("recertification decided", { appId, outcome }),
  documentInvalid: (path: string, issues: string[]) =>
    logger.error("recertification found a malformed document", { path, issues }),
};

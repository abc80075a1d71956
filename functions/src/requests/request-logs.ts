// The requests feature's log events: ids only, never names or texts.
import * as logger from "firebase-functions/logger";

export const requestLogs = {
  transition: (requestId: string, kind: string, status: string) =>
    logger.info("request transition", { requestId, kind, status }),
  statementAdded: (requestId: string) => logger.info("supervisor statement added", { requestId }),
};

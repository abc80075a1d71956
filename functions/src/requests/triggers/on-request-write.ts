// After a request changes: (1) a remote-supervision or special-circumstances
// request whose status or decision changed revalidates the candidate's
// editable applications (the engine reads the granted ones); (2) a
// supervisor's statement (written by the supervisor under firestore.rules)
// is recorded in the history and the candidate is told.
import { isDeepStrictEqual } from "node:util";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { firestore } from "../../platform/firestore.js";
import { revalidateApplicationsOf } from "../../logbook/index.js";
import { recordStatement, statementToRecord } from "../statement-service.js";

const AFFECTS_REPORTS = ["remote-supervision", "special-circumstances"];

export const onRequestWrite = onDocumentWritten("requests/{requestId}", async (event) => {
  const before = event.data?.before.data();
  const after = event.data?.after.data();
  const db = firestore();
  const kind = (after ?? before)?.kind;
  const uid = (after ?? before)?.candidateUid;
  const changed = before?.status !== after?.status || !isDeepStrictEqual(before?.decision, after?.decision);
  if (AFFECTS_REPORTS.includes(kind) && typeof uid === "string" && changed) {
    const committedAt = event.data?.after?.exists ? event.data.after.updateTime : undefined;
    await revalidateApplicationsOf(db, uid, { id: event.id, committedAt });
  }
  if (after && statementToRecord(after)) await recordStatement(db, event.params.requestId, new Date());
});

// A named supervisor's statement: written by the supervisor themself
// (firestore.rules allow them that one field, once, while the request is
// open); the trigger then records it in the history and tells the candidate,
// exactly once (statementRecorded).
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { calendarDateIn, PROGRAMME_TIME_ZONE } from "../platform/domain/dates.js";
import { message } from "../platform/domain/mail.js";
import { prepareMessages, recipientOf } from "../platform/outbox.js";
import { historyEventId, KIND_TITLES, requestMailId } from "./domain/index.js";
import { requestDocSchema } from "./documents.js";
import { requestHistoryPath, requestPath } from "./request-service.js";
import { requestLogs } from "./request-logs.js";

export const statementToRecord = (data: Record<string, unknown>) =>
  typeof data.supervisorStatement === "object" && data.supervisorStatement !== null && data.statementRecorded !== true;

export async function recordStatement(db: Firestore, requestId: string, now: Date) {
  await db.runTransaction(async (tx) => {
    const ref = db.doc(requestPath(requestId));
    const snap = await tx.get(ref);
    const data = snap.data();
    const req = requestDocSchema.safeParse(data);
    if (!data || !req.success || !statementToRecord(data)) return;
    const by = String((data.supervisorStatement as { by?: unknown }).by ?? "");
    const historyId = historyEventId(req.data.events + 1, "statement-added");
    const { recipient } = await recipientOf(db, tx, req.data.candidateUid);
    const out = await prepareMessages(
      db,
      tx,
      recipient,
      [
        {
          id: requestMailId(requestId, historyId, recipient.uid),
          msg: message(`CMR certification: a supervisor's statement on your ${KIND_TITLES[req.data.kind]}`, [
            `Supervisor ${by} added their statement to your ${KIND_TITLES[req.data.kind]} ${requestId}.`,
          ]),
        },
      ],
      `request ${requestId}`,
    );
    tx.update(ref, { statementRecorded: true, events: req.data.events + 1 });
    tx.set(db.doc(`${requestHistoryPath(requestId)}/${historyId}`), {
      event: "statement-added",
      status: req.data.status,
      by,
      reason: null,
      on: calendarDateIn(PROGRAMME_TIME_ZONE, now),
      at: FieldValue.serverTimestamp(),
    });
    out.send();
    requestLogs.statementAdded(requestId);
  });
}

// The daily logbook-deadline job: reminders before the deadline and, once it
// has passed without a submitted logbook, the exam pass expires for the
// logbook and the draft applications based on it close (their data is kept).
import { FieldValue, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import type { IsoDate } from "../platform/domain/dates.js";
import type { Policy } from "../platform/domain/policy.js";
import {
  examResultSchema,
  logbookExpiredMail,
  logbookMailIds,
  logbookReminderMail,
  planLogbookDeadline,
} from "./domain/deadline.js";
import { prepareMessages, recipientOf } from "../platform/outbox.js";
import { COLLECTIONS } from "../platform/paths.js";
import { processDue, readDue, type JobStats } from "../platform/jobs/paging.js";

async function processExam(db: Firestore, ref: DocumentReference, today: IsoDate, policy: Policy, stats: JobStats) {
  await db.runTransaction(async (tx) => {
    const exam = await readDue(tx, ref, examResultSchema, "logbook-deadline", stats);
    if (!exam) return;
    const plan = planLogbookDeadline(exam, today, policy);
    const expire = plan.actions.some((a) => a.kind === "expire");
    const drafts = expire
      ? await tx.get(
          db
            .collection(COLLECTIONS.applications)
            .where("examResultId", "==", exam.id)
            .where("ownerUid", "==", exam.uid)
            .where("status", "==", "draft"),
        )
      : null;
    stats.documentsRead += drafts ? Math.max(1, drafts.size) : 0;
    const { recipient } = await recipientOf(db, tx, exam.uid);
    stats.documentsRead += 1;

    const messages = plan.actions.map((action) =>
      action.kind === "remind"
        ? { id: logbookMailIds.reminder(exam.id, action.milestone), msg: logbookReminderMail(exam, policy) }
        : { id: logbookMailIds.expired(exam.id), msg: logbookExpiredMail(exam, policy) },
    );
    const outbox = await prepareMessages(db, tx, recipient, messages, `exam result ${exam.id}`);
    stats.documentsRead += outbox.reads;
    stats.messages += outbox.send();

    const update: Record<string, unknown> = { nextActionOn: plan.nextActionOn };
    if (expire) {
      Object.assign(update, { status: "expired-for-logbook", statusChangedAt: FieldValue.serverTimestamp() });
      stats.transitions += 1;
      for (const draft of drafts?.docs ?? []) {
        // Only the status changes: the candidate's logbook stays as it was.
        tx.update(draft.ref, { status: "expired", expiredOn: today });
        stats.transitions += 1;
      }
    }
    tx.update(ref, update);
  });
}

export async function runLogbookDeadlineJob(db: Firestore, today: IsoDate, policy: Policy): Promise<JobStats> {
  return processDue(db, "logbook-deadline", COLLECTIONS.examResults, today, (ref, stats) =>
    processExam(db, ref, today, policy, stats),
  );
}

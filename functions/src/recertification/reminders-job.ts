// The daily recertification job: reminders and expiries for the
// certifications that are due (certifications.nextActionOn <= today).
import { FieldValue, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import type { IsoDate } from "../platform/domain/dates.js";
import type { Policy } from "../platform/domain/policy.js";
import { certificationSchema, lapsedMail, mailIds, planRecertification, reminderMail } from "./domain/reminders.js";
import { prepareMessages, recipientOf } from "../platform/outbox.js";
import { COLLECTIONS, paths } from "../platform/paths.js";
import { appendRecertificationHistory } from "./application-service.js";
import { EDITABLE_RECERTIFICATION_STATUSES } from "./domain/application.js";
import { processDue, readDue, type JobStats } from "../platform/jobs/paging.js";

async function processCertification(
  db: Firestore,
  ref: DocumentReference,
  today: IsoDate,
  policy: Policy,
  stats: JobStats,
) {
  await db.runTransaction(async (tx) => {
    const cert = await readDue(tx, ref, certificationSchema, "recertification", stats);
    if (!cert) return;
    // The open application, if any: submitted, it stops everything until its
    // decision (also for certifications written before submit set the flag);
    // still open to the holder, it lapses with the certification.
    const appRef = cert.recertificationApplicationId
      ? db.doc(paths.recertification(cert.recertificationApplicationId))
      : null;
    const appStatus = appRef ? ((await tx.get(appRef)).get("status") as unknown) : null;
    if (appRef) stats.documentsRead += 1;
    const submitted = cert.recertificationSubmitted || appStatus === "submitted";
    const plan = planRecertification({ ...cert, recertificationSubmitted: submitted }, today, policy);
    const { recipient, tier } = await recipientOf(db, tx, cert.uid);
    stats.documentsRead += 1;

    const messages = plan.actions.flatMap((action) => {
      if (action.kind === "remind") {
        return [
          {
            id: mailIds.reminder(cert.id, action.milestone),
            msg: reminderMail(cert, action.milestone, tier, today, policy),
          },
        ];
      }
      if (action.kind === "lapse") return [{ id: mailIds.lapsed(cert.id), msg: lapsedMail(cert, policy) }];
      return [];
    });
    const outbox = await prepareMessages(db, tx, recipient, messages, `certification ${cert.id}`);
    stats.documentsRead += outbox.reads;
    stats.messages += outbox.send();
    const update: Record<string, unknown> = { nextActionOn: plan.nextActionOn };
    for (const action of plan.actions) {
      if (action.kind === "expire") update.status = "expired";
      if (action.kind === "lapse") {
        update.status = "lapsed";
        update.lapsedOn = today;
        // The register row (keyed by the holder's uid) follows the status:
        // grading's syncRegisterOnCertificationWrite recomputes it on this write.
      }
    }
    const lapses = plan.actions.some((action) => action.kind === "lapse");
    if (lapses && appRef && (EDITABLE_RECERTIFICATION_STATUSES as readonly unknown[]).includes(appStatus)) {
      tx.update(appRef, { status: "lapsed", lapsedOn: today, updatedAt: FieldValue.serverTimestamp() });
      appendRecertificationHistory(db, tx, appRef.id, "999-lapsed", { event: "lapsed", on: today });
      update.recertificationApplicationId = null;
    }
    if (update.status) {
      update.statusChangedAt = FieldValue.serverTimestamp();
      stats.transitions += 1;
    }
    tx.update(ref, update);
  });
}

export async function runRecertificationJob(db: Firestore, today: IsoDate, policy: Policy): Promise<JobStats> {
  return processDue(db, "recertification", COLLECTIONS.certifications, today, (ref, stats) =>
    processCertification(db, ref, today, policy, stats),
  );
}

// The daily recertification job: reminders and expiries for the
// certifications that are due (certifications.nextActionOn <= today).
import { FieldValue, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import type { IsoDate } from "../platform/domain/dates.js";
import type { Policy } from "../platform/domain/policy.js";
import { certificationSchema, lapsedMail, mailIds, planRecertification, reminderMail } from "./domain/reminders.js";
import { prepareMessages, recipientOf } from "../platform/outbox.js";
import { COLLECTIONS } from "../platform/paths.js";
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
    const plan = planRecertification(cert, today, policy);
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

// The daily retention job: erases what has passed its retention (withdrawn
// applications, drafts closed by the deadline or abandoned, evidence no longer
// referenced) and leaves one audit record per erasure. The decisions are
// domain/retention.ts; the queries select candidates, the domain decides.
import {
  FieldPath,
  Timestamp,
  type DocumentSnapshot,
  type Firestore,
  type QueryDocumentSnapshot,
} from "firebase-admin/firestore";
import { addDaysIso, addMonthsIso, maxIso, toDate, type IsoDate } from "../platform/domain/dates.js";
import type { Policy } from "../platform/domain/policy.js";
import { emptyStats, forEachDue, type JobStats } from "../platform/jobs/paging.js";
import { logs } from "../platform/logs.js";
import { COLLECTIONS, paths } from "../platform/paths.js";
import { applicationRetention, evidenceRetention, type ApplicationFacts, type Verdict } from "./domain/retention.js";
import {
  auditIdFor,
  dayOf,
  eraseApplication,
  eraseEvidence,
  evidenceReferences,
  isFrozen,
  writeAudit,
  type FileStore,
} from "./erase.js";

const JOB = "retention";

/** The first instant of the Paris day after `day`, as an upper bound for "on or before `day`" (a superset). */
const endOf = (day: IsoDate) => Timestamp.fromDate(toDate(addDaysIso(day, 2)));

/** What the retention rules need about an application: its status, dates, and latest activity. */
export async function applicationFacts(db: Firestore, app: DocumentSnapshot): Promise<ApplicationFacts> {
  const state = await db.doc(paths.revalidationState(app.id)).get();
  const updated = dayOf(app.updateTime) ?? "1970-01-01";
  const judged = dayOf(state.get("judgedUpTo")); // the latest recomputation follows the latest logbook write
  return {
    status: String(app.get("status")),
    withdrawnOn: dayOf(app.get("withdrawnAt")),
    expiredOn: typeof app.get("expiredOn") === "string" ? app.get("expiredOn") : null,
    decidedOn: typeof app.get("decidedOn") === "string" ? app.get("decidedOn") : null,
    lastActivityOn: judged ? maxIso(updated, judged) : updated,
  };
}

export async function runRetentionJob(
  db: Firestore,
  today: IsoDate,
  policy: Policy,
  files: FileStore,
): Promise<JobStats> {
  const r = policy.retention;
  const stats = emptyStats();
  const onError = (doc: QueryDocumentSnapshot, error: unknown) => logs.jobItemFailed(JOB, doc.ref.path, error);
  const erased = async (path: string, verdict: Verdict) => {
    await writeAudit(
      db,
      auditIdFor(`retention-${today}`, path),
      {
        kind: JOB,
        day: today,
        erased: [{ path, reason: verdict.reason }],
        kept: [],
      },
      r,
    );
    stats.transitions += 1;
  };

  const applications = db.collection(COLLECTIONS.applications);
  const judgeApplication = async (app: QueryDocumentSnapshot) => {
    const verdict = applicationRetention(await applicationFacts(db, app), today, r);
    stats.documentsRead += 1;
    if (!verdict.erase) return;
    await eraseApplication(db, app.id);
    await erased(app.ref.path, verdict);
  };
  const byDate = (field: string, bound: unknown) =>
    applications.where(field, "<=", bound).orderBy(field).orderBy(FieldPath.documentId());
  // Withdrawn, closed, decided long ago, abandoned: each query selects a superset of what is due; the domain decides.
  await forEachDue(
    byDate("withdrawnAt", endOf(addMonthsIso(today, -r.withdrawnApplicationMonths))),
    stats,
    judgeApplication,
    onError,
  );
  await forEachDue(byDate("expiredOn", addMonthsIso(today, -r.closedDraftMonths)), stats, judgeApplication, onError);
  await forEachDue(byDate("decidedOn", addMonthsIso(today, -12 * r.decisionYears)), stats, judgeApplication, onError);
  await forEachDue(
    applications.where("status", "==", "draft").orderBy(FieldPath.documentId()),
    stats,
    judgeApplication,
    onError,
  );

  // Evidence no longer referenced, checked long enough ago.
  const references = new Map<string, Set<string>>();
  await forEachDue(
    db
      .collectionGroup("evidence")
      .where("checkedAt", "<=", endOf(addDaysIso(today, -r.unreferencedEvidenceDays)))
      .orderBy("checkedAt")
      .orderBy(FieldPath.documentId()),
    stats,
    async (record) => {
      const owner = record.ref.parent.parent;
      if (!owner || owner.parent.id !== COLLECTIONS.users) return; // another collection named "evidence"
      if (!references.has(owner.id)) references.set(owner.id, await evidenceReferences(db, owner.id));
      const verdict = evidenceRetention(
        {
          checkedOn: dayOf(record.get("checkedAt")) ?? today,
          frozen: isFrozen(record.get("submittedIn")),
          referenced: references.get(owner.id)!.has(record.id),
        },
        today,
        r,
      );
      if (!verdict.erase) return;
      await eraseEvidence(db, files, owner.id, record.id, record.get("path"));
      await erased(record.ref.path, verdict);
    },
    onError,
  );
  return stats;
}

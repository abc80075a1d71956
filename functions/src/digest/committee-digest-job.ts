// The committee's daily digest of overdue work (one e-mail a day at most).
import type { Firestore } from "firebase-admin/firestore";
import type { IsoDate } from "../platform/domain/dates.js";
import type { Policy } from "../platform/domain/policy.js";
import {
  committeeDigest,
  digestCutoffs,
  digestMailId,
  questionsAskedBy,
  type DigestItems,
} from "./domain/committee-digest.js";
import { COLLECTIONS } from "../platform/paths.js";
import { AWAITING_DECISION } from "../requests/index.js";
import { emptyStats, type JobStats } from "../platform/jobs/paging.js";

const LIST_LIMIT = 500;

export async function runCommitteeDigestJob(
  db: Firestore,
  today: IsoDate,
  policy: Policy,
  committeeEmail: string,
): Promise<JobStats> {
  const stats = emptyStats();
  const cutoffs = digestCutoffs(today, policy);
  /** Documents still in `state` whose `dateField` is on or before `cutoff` (indexes: firestore.indexes.json). */
  const waitingSince = (collection: string, stateField: string, state: unknown, dateField: string, cutoff: IsoDate) =>
    db
      .collection(collection)
      .where(stateField, "==", state)
      .where(dateField, "<=", cutoff)
      .orderBy(dateField)
      .limit(LIST_LIMIT)
      .get();
  const [logbooks, requests, sessions, unreachable] = await Promise.all([
    waitingSince(COLLECTIONS.applications, "status", "submitted", "submittedOn", cutoffs.logbooksSubmittedBy),
    // Requests waiting for a decision (submitted or resubmitted) past their due date.
    db
      .collection(COLLECTIONS.requests)
      .where("status", "in", AWAITING_DECISION)
      .where("decisionDueOn", "<", cutoffs.requestsDueBefore)
      .orderBy("decisionDueOn")
      .limit(LIST_LIMIT)
      .get(),
    waitingSince(COLLECTIONS.examSessions, "resultsReleased", false, "sittingDate", cutoffs.examsSatBy),
    db.collection(COLLECTIONS.undeliverable).where("reportedOn", "==", null).limit(LIST_LIMIT).get(),
  ]);
  // Grading (indexes: the collection-group ones in firestore.indexes.json).
  const [unassigned, questions, chair, denied] = await Promise.all([
    db.collection(COLLECTIONS.gradings).where("status", "==", "unassigned").limit(LIST_LIMIT).get(),
    db
      .collectionGroup("questions")
      .where("status", "==", "open")
      .where("askedOn", "<=", questionsAskedBy(today, policy))
      .orderBy("askedOn")
      .limit(LIST_LIMIT)
      .get(),
    db.collection(COLLECTIONS.gradings).where("status", "==", "awaiting-chair").limit(LIST_LIMIT).get(),
    db
      .collectionGroup("checks")
      .where("status", "==", "denied")
      .where("reportedOn", "==", null)
      .limit(LIST_LIMIT)
      .get(),
  ]);
  const parentId = (d: { ref: { parent: { parent: { id: string } | null } } }) => d.ref.parent.parent?.id ?? "?";
  for (const q of [logbooks, requests, sessions, unreachable, unassigned, questions, chair, denied]) {
    stats.selected += q.size;
    stats.documentsRead += Math.max(1, q.size);
  }
  const items: DigestItems = {
    overdueLogbooks: logbooks.docs.map((d) => ({ applicationId: d.id, submittedOn: d.get("submittedOn") })),
    overdueRequests: requests.docs.map((d) => ({
      requestId: d.id,
      kind: d.get("kind"),
      dueOn: d.get("decisionDueOn"),
    })),
    unreleasedExams: sessions.docs.map((d) => ({ sessionId: d.id, sittingDate: d.get("sittingDate") })),
    unreachableUsers: unreachable.docs.map((d) => ({
      uid: d.get("uid"),
      about: `message ${d.id} (${d.get("about")})`,
    })),
    unassignedApplications: unassigned.docs.map((d) => ({
      applicationId: d.id,
      since: d.get("unassignedSince") ?? null,
    })),
    openQuestions: questions.docs.map((d) => ({
      applicationId: parentId(d),
      questionId: d.id,
      askedOn: d.get("askedOn"),
    })),
    awaitingChair: chair.docs.map((d) => ({ applicationId: d.id })),
    deniedChecks: denied.docs.map((d) => ({ applicationId: parentId(d), caseId: d.get("caseId") })),
  };
  const digest = committeeDigest(today, items, policy);
  if (!digest) return stats;

  const mailRef = db.doc(`${COLLECTIONS.mail}/${digestMailId(today)}`);
  await db.runTransaction(async (tx) => {
    stats.documentsRead += 1;
    if ((await tx.get(mailRef)).exists) return; // today's digest is already out
    tx.create(mailRef, { to: committeeEmail, message: digest, about: "committee digest" });
    for (const doc of unreachable.docs) tx.update(doc.ref, { reportedOn: today });
    for (const doc of denied.docs) tx.update(doc.ref, { reportedOn: today });
    stats.messages += 1;
  });
  return stats;
}

// The decision and what follows it. Called inside the transaction that
// records the last grade (graders agree) or the chair's decision: it does
// its reads first and returns a function that does the writes, so that the
// caller can finish its own reads before any write.
import { FieldValue, type DocumentReference, type Firestore, type Transaction } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { addDaysIso, calendarDateIn, PROGRAMME_TIME_ZONE } from "../platform/domain/dates.js";
import { prepareMessages, recipientOf } from "../platform/outbox.js";
import { paths } from "../platform/paths.js";
import { loadPolicy } from "../platform/policy-repository.js";
import { transactionReader } from "../platform/reader.js";
import { certificationForAward, historyId, level2KeysOf, levelOfRoute, type Outcome } from "./domain/index.js";
import { failedMail, messageIds } from "./domain/messages.js";
import { gradeDocSchema, profileSchema, roundSchema, snapshotSchema, type Round } from "./documents.js";
import { releaseLoads } from "./assign-graders.js";
import { appendHistory } from "./round-repository.js";
import { gradingLogs } from "./grading-logs.js";

export interface DecisionInput {
  outcome: Outcome;
  /** The chair's uid, or null when the graders agreed. */
  by: string | null;
  reason: string | null;
  /** The graders' comments: the reasons a failure mail gives. */
  comments: string[];
  /** Existing grade documents, which the candidate may read once decided. */
  gradeRefs: DocumentReference[];
  /**
   * A logbook appeal that overturned a failure (functions/src/requests): the
   * round was decided before, so the graders' loads are not released again,
   * the history keeps the first decision, and the award names the appeal.
   */
  appealRequestId?: string;
}

/** The certification's id: one per application and submission, so a retry finds it. */
export const certificationIdFor = (appId: string, submission: number) => `cert-${appId}-${submission}`;

export async function applyDecision(
  db: Firestore,
  tx: Transaction,
  round: Round,
  decision: DecisionInput,
  now: Date,
): Promise<() => void> {
  const appId = round.applicationId;
  const decidedOn = calendarDateIn(PROGRAMME_TIME_ZONE, now);
  const policy = await loadPolicy(db, transactionReader(tx));
  const profileSnap = await tx.get(db.doc(paths.user(round.candidateUid)));
  const profile = profileSchema.safeParse(profileSnap.data() ?? {});
  const name = profile.success ? (profile.data.displayName ?? null) : null;
  const country = profile.success ? (profile.data.country ?? null) : null;

  let writeAward: (() => void) | null = null;
  let sendFailure: (() => number) | null = null;
  if (decision.outcome === "passed") {
    const certId = certificationIdFor(appId, round.submission);
    const certRef = db.doc(paths.certification(certId));
    const year = Number(decidedOn.slice(0, 4));
    const counterRef = db.doc(paths.certificateCounter(year));
    const snapshotPath = `${paths.snapshots(appId)}/${round.submission}`;
    const [certSnap, counterSnap, snapshotSnap] = await tx.getAll(certRef, counterRef, db.doc(snapshotPath));
    if (certSnap.exists) throw new HttpsError("already-exists", `Certification ${certId} already exists.`);
    const snapshot = snapshotSchema.safeParse(snapshotSnap.data());
    if (!snapshot.success) throw new HttpsError("failed-precondition", `Snapshot ${snapshotPath} is malformed.`);
    const level = levelOfRoute(round.route);
    const supervisorRef = db.doc(paths.supervisor(round.candidateUid));
    const supervisorSnap = level === 3 ? await tx.get(supervisorRef) : null;
    const sequence = Number(counterSnap.get("next") ?? 1);
    const cert = certificationForAward({
      certId,
      holderUid: round.candidateUid,
      route: round.route,
      applicationId: appId,
      submission: round.submission,
      decidedOn,
      sequence,
      years: policy.grading.certificationYears,
      level2Keys: level === 2 ? level2KeysOf(snapshot.data.bundle) : null,
    });
    writeAward = () => {
      tx.set(counterRef, { next: sequence + 1 }, { merge: true });
      tx.create(certRef, {
        ...cert,
        holderName: name,
        country,
        createdAt: FieldValue.serverTimestamp(),
        nextActionOn: decidedOn,
        certificatePath: null,
        ...(decision.appealRequestId ? { appealRequestId: decision.appealRequestId } : {}),
      });
      // A new EACVI Level 3 may supervise from the award date; an existing entry is left as it is.
      if (supervisorSnap && !supervisorSnap.exists) {
        tx.create(supervisorRef, {
          name: name ?? "(name not recorded)",
          body: "EACVI",
          level3From: decidedOn,
          level3Until: null,
          country,
          certificationId: certId,
        });
      }
      appendHistory(db, tx, appId, historyId(round.submission, "awarded"), "awarded", {
        submission: round.submission,
        certificateNumber: cert.certificateNumber,
        level,
      });
    };
  } else {
    const { recipient } = await recipientOf(db, tx, round.candidateUid);
    const appealBy = addDaysIso(decidedOn, policy.grading.appealDays);
    const reasons = [...decision.comments, ...(decision.reason ? [`Chair: ${decision.reason}`] : [])];
    const out = await prepareMessages(
      db,
      tx,
      recipient,
      [{ id: messageIds.result(appId, round.submission), msg: failedMail(reasons, appealBy) }],
      `grading ${appId}`,
    );
    sendFailure = out.send;
  }

  return () => {
    tx.update(db.doc(paths.grading(appId)), {
      status: "decided",
      outcome: decision.outcome,
      decision: {
        outcome: decision.outcome,
        by: decision.by ?? "graders",
        reason: decision.reason,
        decidedOn,
        decidedAt: FieldValue.serverTimestamp(),
      },
      ...(decision.outcome === "failed"
        ? { appealBy: addDaysIso(decidedOn, policy.grading.appealDays) }
        : { certificationId: certificationIdFor(appId, round.submission) }),
      updatedAt: FieldValue.serverTimestamp(),
    });
    tx.update(db.doc(paths.application(appId)), {
      status: decision.outcome,
      decidedOn,
      decidedAt: FieldValue.serverTimestamp(),
    });
    for (const ref of decision.gradeRefs) tx.update(ref, { visibleToCandidate: true });
    if (!decision.appealRequestId) releaseLoads(db, tx, round);
    const appeal = decision.appealRequestId;
    appendHistory(db, tx, appId, historyId(round.submission, "decided", appeal ? "appeal" : undefined), "decided", {
      submission: round.submission,
      outcome: decision.outcome,
      by: appeal ? "appeal-panel" : decision.by ? "chair" : "graders",
      reason: decision.reason,
      on: decidedOn,
      ...(appeal ? { appealRequestId: appeal } : {}),
    });
    writeAward?.();
    sendFailure?.();
    gradingLogs.decided(appId, round.submission, decision.outcome);
  };
}

/** The graders disagree: the round waits for the chair (the committee digest lists it). */
export async function referToChair(db: Firestore, tx: Transaction, round: Round): Promise<() => void> {
  return () => {
    tx.update(db.doc(paths.grading(round.applicationId)), {
      status: "awaiting-chair",
      awaitingChairSince: FieldValue.serverTimestamp(),
    });
    appendHistory(db, tx, round.applicationId, historyId(round.submission, "referred-to-chair"), "referred-to-chair", {
      submission: round.submission,
    });
  };
}

/** The chair's decision on a split: final. */
export async function decideAsChair(
  db: Firestore,
  appId: string,
  chair: string,
  outcome: Outcome,
  reason: string,
  now: Date,
) {
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(db.doc(paths.grading(appId)));
    if (!snap.exists) throw new HttpsError("not-found", `Application ${appId} is not being graded.`);
    const round = roundSchema.safeParse(snap.data());
    if (!round.success) throw new HttpsError("failed-precondition", `The grading round of ${appId} is malformed.`);
    if (round.data.status !== "awaiting-chair") {
      throw new HttpsError(
        "failed-precondition",
        `Only a split between the graders goes to the chair; this round is ${round.data.status}.`,
      );
    }
    if (round.data.graderUids.includes(chair)) {
      throw new HttpsError("permission-denied", "You graded this application: another chair must decide.");
    }
    const gradeRefs = round.data.gradedBy.map((uid) =>
      db.doc(`${paths.gradingPart(appId, "grades")}/${round.data.submission}-${uid}`),
    );
    const grades = await tx.getAll(...gradeRefs);
    const comments = grades
      .map((g) => gradeDocSchema.safeParse(g.data()))
      .flatMap((g) => (g.success ? [g.data.comment] : []));
    const finish = await applyDecision(db, tx, round.data, { outcome, by: chair, reason, comments, gradeRefs }, now);
    finish();
  });
}

/**
 * A logbook appeal overturned a failed decision (functions/src/requests):
 * the award path, as if the graders had passed it. Reads first; returns the
 * writes, for the caller's transaction.
 */
export async function overturnOnAppeal(
  db: Firestore,
  tx: Transaction,
  appId: string,
  appeal: { requestId: string; by: string; reason: string },
  now: Date,
): Promise<() => void> {
  const snap = await tx.get(db.doc(paths.grading(appId)));
  const round = roundSchema.safeParse(snap.data());
  if (!snap.exists || !round.success) {
    throw new HttpsError("failed-precondition", `Application ${appId} has no grading round to overturn.`);
  }
  if (round.data.status !== "decided" || round.data.outcome !== "failed") {
    throw new HttpsError(
      "failed-precondition",
      `Only a failed decision can be overturned; this round is ${round.data.status}.`,
    );
  }
  return applyDecision(
    db,
    tx,
    round.data,
    {
      outcome: "passed",
      by: appeal.by,
      reason: appeal.reason,
      comments: [],
      gradeRefs: [],
      appealRequestId: appeal.requestId,
    },
    now,
  );
}

/** Who may not sit on the appeal panel: the graders and the chair who decided. */
export async function originalDeciders(db: Firestore, tx: Transaction, appId: string) {
  const snap = await tx.get(db.doc(paths.grading(appId)));
  const round = roundSchema.safeParse(snap.data());
  if (!snap.exists || !round.success) return null;
  const decidedBy = snap.get("decision.by");
  return {
    status: round.data.status,
    outcome: round.data.outcome ?? null,
    submission: round.data.submission,
    appealBy: typeof snap.get("appealBy") === "string" ? (snap.get("appealBy") as string) : null,
    excluded: [
      ...new Set([
        ...round.data.graderUids,
        ...(typeof decidedBy === "string" && decidedBy !== "graders" ? [decidedBy] : []),
      ]),
    ],
  };
}

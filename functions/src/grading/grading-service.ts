// The graders' work: questions to the candidate and their answers, the
// supervisors' answers to random checks, and the grades. Each action is one
// transaction that also appends to the history and queues the notifications.
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { evidenceProblems, freezeIn } from "../evidence/index.js";
import { calendarDateIn, PROGRAMME_TIME_ZONE } from "../platform/domain/dates.js";
import { prepareMessages, recipientOf } from "../platform/outbox.js";
import { paths } from "../platform/paths.js";
import { gradeProblems, historyId, outcomeOfGrades, type GradeInput, type Overall } from "./domain/index.js";
import { answeredMail, messageIds, questionMail } from "./domain/messages.js";
import { gradeDocSchema } from "./documents.js";
import { applyDecision, referToChair } from "./decision-service.js";
import { appendHistory, assertAssignedGrader, assertRoundStatus, readRound } from "./round-repository.js";

const today = (now: Date) => calendarDateIn(PROGRAMME_TIME_ZONE, now);

export async function askQuestion(db: Firestore, appId: string, grader: string, text: string, now: Date) {
  return db.runTransaction(async (tx) => {
    const round = await readRound(db, tx, appId);
    assertAssignedGrader(round, grader);
    assertRoundStatus(round, ["grading"], "ask a question");
    if (round.gradedBy.includes(grader)) {
      throw new HttpsError("failed-precondition", "You have already graded this submission.");
    }
    const ref = db.collection(paths.gradingPart(appId, "questions")).doc();
    const { recipient } = await recipientOf(db, tx, round.candidateUid);
    const out = await prepareMessages(
      db,
      tx,
      recipient,
      [{ id: messageIds.question(appId, ref.id), msg: questionMail(appId, text) }],
      `grading ${appId}`,
    );
    tx.create(ref, {
      submission: round.submission,
      candidateUid: round.candidateUid,
      askedBy: grader,
      text,
      askedOn: today(now),
      askedAt: FieldValue.serverTimestamp(),
      status: "open",
      answer: null,
    });
    tx.update(db.doc(paths.grading(appId)), { openQuestions: FieldValue.increment(1) });
    appendHistory(db, tx, appId, historyId(round.submission, "queried", ref.id), "queried", {
      submission: round.submission,
      questionId: ref.id,
    });
    out.send();
    return { questionId: ref.id };
  });
}

export async function answerQuestion(
  db: Firestore,
  appId: string,
  questionId: string,
  candidate: string,
  answer: { text: string; evidenceIds: string[] },
  now: Date,
) {
  await db.runTransaction(async (tx) => {
    const round = await readRound(db, tx, appId);
    if (round.candidateUid !== candidate)
      throw new HttpsError("permission-denied", `Application ${appId} is not yours.`);
    const qRef = db.doc(`${paths.gradingPart(appId, "questions")}/${questionId}`);
    const q = await tx.get(qRef);
    if (!q.exists) throw new HttpsError("not-found", `No question ${questionId} on application ${appId}.`);
    if (q.get("status") !== "open") throw new HttpsError("failed-precondition", "This question is already answered.");
    // Only files the upload check accepted, and not already frozen in too many other applications.
    const evidence = answer.evidenceIds.length
      ? await tx.getAll(...answer.evidenceIds.map((id) => db.doc(paths.evidence(candidate, id))))
      : [];
    const problems = evidenceProblems(
      answer.evidenceIds.map((evidenceId) => ({ evidenceId, usedBy: `answer to ${questionId}` })),
      new Map(evidence.filter((e) => e.exists).map((e) => [e.id, e.data() ?? {}])),
      appId,
    );
    if (problems.length) {
      throw new HttpsError(
        "failed-precondition",
        `Evidence not usable: ${problems.map((p) => `${p.evidenceId} (${p.problem})`).join("; ")}.`,
      );
    }
    const asker = String(q.get("askedBy"));
    const { recipient } = await recipientOf(db, tx, asker);
    const out = await prepareMessages(
      db,
      tx,
      recipient,
      [{ id: messageIds.answered(appId, questionId), msg: answeredMail(appId, questionId) }],
      `grading ${appId}`,
    );
    tx.update(qRef, {
      status: "answered",
      answer: {
        text: answer.text,
        evidenceIds: answer.evidenceIds,
        answeredOn: today(now),
        answeredAt: FieldValue.serverTimestamp(),
      },
    });
    // Part of the submitted record now: frozen in Storage and readable by the graders.
    for (const e of evidence) {
      const submittedIn = freezeIn(e.get("submittedIn"), appId);
      if (submittedIn) tx.update(e.ref, { submittedIn });
    }
    tx.update(db.doc(paths.grading(appId)), { openQuestions: FieldValue.increment(-1) });
    appendHistory(db, tx, appId, historyId(round.submission, "answered", questionId), "answered", {
      submission: round.submission,
      questionId,
    });
    out.send();
  });
}

export async function answerRandomCheck(
  db: Firestore,
  appId: string,
  checkId: string,
  supervisor: string,
  answer: { confirmed: boolean; comment: string | null },
  now: Date,
) {
  await db.runTransaction(async (tx) => {
    const round = await readRound(db, tx, appId);
    const ref = db.doc(`${paths.gradingPart(appId, "checks")}/${checkId}`);
    const check = await tx.get(ref);
    if (!check.exists) throw new HttpsError("not-found", `No random check ${checkId} on application ${appId}.`);
    if (check.get("supervisorUid") !== supervisor) {
      throw new HttpsError("permission-denied", "Only the supervisor named on the case answers its check.");
    }
    if (check.get("status") !== "pending") throw new HttpsError("failed-precondition", "This check is answered.");
    tx.update(ref, {
      status: answer.confirmed ? "confirmed" : "denied",
      comment: answer.comment,
      answeredOn: today(now),
      answeredAt: FieldValue.serverTimestamp(),
      // A denial waits for the committee digest (which sets the day it reported it).
      ...(answer.confirmed ? {} : { reportedOn: null }),
    });
    // A denial is flagged to the committee (the digest lists it).
    if (!answer.confirmed) {
      tx.update(db.doc(paths.grading(appId)), { deniedChecks: FieldValue.arrayUnion(checkId) });
    }
    appendHistory(db, tx, appId, historyId(round.submission, "check-answered", checkId), "check-answered", {
      submission: round.submission,
      confirmed: answer.confirmed,
    });
  });
}

/**
 * Records a grader's grade (final once recorded). When the last grade is in,
 * the grades become visible to both graders and the outcome follows: passed
 * or failed, or the chair when the graders disagree.
 */
export async function gradeApplication(db: Firestore, appId: string, grader: string, grade: GradeInput, now: Date) {
  return db.runTransaction(async (tx) => {
    const round = await readRound(db, tx, appId);
    assertAssignedGrader(round, grader);
    assertRoundStatus(round, ["grading"], "grade");
    const problems = gradeProblems(grade, round.route);
    if (problems.length) throw new HttpsError("invalid-argument", `Invalid grade: ${problems.join("; ")}.`);
    if (round.gradedBy.includes(grader)) {
      throw new HttpsError("failed-precondition", "You have already graded this submission; grades are final.");
    }
    const open = await tx.get(
      db
        .collection(paths.gradingPart(appId, "questions"))
        .where("askedBy", "==", grader)
        .where("submission", "==", round.submission)
        .where("status", "==", "open")
        .limit(1),
    );
    if (!open.empty) {
      throw new HttpsError("failed-precondition", "Your question to the candidate is still open: wait for the answer.");
    }
    const gradesCol = db.collection(paths.gradingPart(appId, "grades"));
    const others = round.gradedBy.map((uid) => gradesCol.doc(`${round.submission}-${uid}`));
    const otherSnaps = others.length ? await tx.getAll(...others) : [];
    const overalls: Overall[] = [grade.overall];
    const comments = [grade.comment];
    for (const snap of otherSnaps) {
      const parsed = gradeDocSchema.safeParse(snap.data());
      if (!parsed.success) throw new HttpsError("failed-precondition", `Grade ${snap.ref.path} is malformed.`);
      overalls.push(parsed.data.overall);
      comments.push(parsed.data.comment);
    }
    const gradedBy = [...round.gradedBy, grader];
    const complete = gradedBy.length >= round.graderUids.length;
    const outcome = outcomeOfGrades(overalls, round.graderUids.length);

    // The decision's reads (outbox, profile, snapshot...) come before any write.
    const finish =
      outcome === "passed" || outcome === "failed"
        ? await applyDecision(db, tx, round, { outcome, by: null, reason: null, comments, gradeRefs: others }, now)
        : outcome === "chair"
          ? await referToChair(db, tx, round)
          : null;

    const ref = gradesCol.doc(`${round.submission}-${grader}`);
    tx.create(ref, {
      graderUid: grader,
      candidateUid: round.candidateUid,
      submission: round.submission,
      ...grade,
      gradedOn: today(now),
      gradedAt: FieldValue.serverTimestamp(),
      visibleToGraders: complete,
      visibleToCandidate: outcome === "passed" || outcome === "failed",
    });
    if (complete) for (const other of others) tx.update(other, { visibleToGraders: true });
    tx.update(db.doc(paths.grading(appId)), { gradedBy, updatedAt: FieldValue.serverTimestamp() });
    appendHistory(db, tx, appId, historyId(round.submission, "graded", String(gradedBy.length)), "graded", {
      submission: round.submission,
      grades: gradedBy.length,
    });
    finish?.();
    return { grades: gradedBy.length, outcome };
  });
}

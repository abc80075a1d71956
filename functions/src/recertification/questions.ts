// Requests for information, as in grading: a committee member asks the
// holder of a submitted application; the decision waits for the answer.
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { evidenceProblems, freezeIn } from "../evidence/index.js";
import { message } from "../platform/domain/mail.js";
import { calendarDateIn, PROGRAMME_TIME_ZONE } from "../platform/domain/dates.js";
import { prepareMessages, recipientOf } from "../platform/outbox.js";
import { paths } from "../platform/paths.js";
import { transactionReader } from "../platform/reader.js";
import { appendRecertificationHistory } from "./application-service.js";
import { readApplication } from "./recertification-repository.js";

export async function askQuestion(db: Firestore, appId: string, by: string, text: string, now: Date) {
  const askedOn = calendarDateIn(PROGRAMME_TIME_ZONE, now);
  return db.runTransaction(async (tx) => {
    const app = await readApplication(transactionReader(tx), db, appId);
    if (app.status !== "submitted") {
      throw new HttpsError(
        "failed-precondition",
        `Recertification application ${appId} is ${app.status}, not submitted.`,
      );
    }
    if (app.uid === by) throw new HttpsError("permission-denied", "You cannot review your own recertification.");
    const ref = db.collection(paths.recertificationPart(appId, "questions")).doc();
    const { recipient } = await recipientOf(db, tx, app.uid);
    const out = await prepareMessages(
      db,
      tx,
      recipient,
      [
        {
          id: `recert-app-${appId}-question-${ref.id}`,
          msg: message("CMR recertification: the committee asks for more information", [
            `About your recertification application ${appId}, the committee asks:`,
            text,
            "Answer with text and, where asked, accepted evidence files (answerRecertificationQuestion). The decision waits for your answer.",
          ]),
        },
      ],
      `recertification ${appId}`,
    );
    tx.create(ref, {
      text,
      askedBy: by,
      askedOn,
      submission: app.submission,
      answer: null,
      evidenceIds: [],
      answeredAt: null,
    });
    appendRecertificationHistory(db, tx, appId, `question-${ref.id}`, { event: "queried", by, questionId: ref.id });
    out.send();
    return { questionId: ref.id };
  });
}

export async function answerQuestion(
  db: Firestore,
  appId: string,
  questionId: string,
  uid: string,
  answer: string,
  evidenceIds: string[],
) {
  await db.runTransaction(async (tx) => {
    const app = await readApplication(transactionReader(tx), db, appId);
    if (app.uid !== uid)
      throw new HttpsError("permission-denied", `Recertification application ${appId} is not yours.`);
    const ref = db.doc(`${paths.recertificationPart(appId, "questions")}/${questionId}`);
    const q = await tx.get(ref);
    if (!q.exists) throw new HttpsError("not-found", `No question ${questionId} on ${appId}.`);
    if (q.get("answeredAt") !== null)
      throw new HttpsError("failed-precondition", `Question ${questionId} is already answered.`);
    // Only files the upload check accepted may be attached (as for grading's questions).
    const records = evidenceIds.length
      ? await tx.getAll(...evidenceIds.map((id) => db.doc(paths.evidence(uid, id))))
      : [];
    const problems = evidenceProblems(
      evidenceIds.map((evidenceId) => ({ evidenceId, usedBy: `answer to ${questionId}` })),
      new Map(records.filter((r) => r.exists).map((r) => [r.id, r.data() ?? {}])),
      appId,
    );
    if (problems.length) {
      throw new HttpsError(
        "failed-precondition",
        `Evidence not usable: ${problems.map((p) => `${p.evidenceId} (${p.problem})`).join("; ")}.`,
      );
    }
    // Frozen like the submission's files: the committee relies on them.
    for (const record of records) {
      const submittedIn = freezeIn(record.get("submittedIn"), appId);
      if (submittedIn) tx.update(record.ref, { submittedIn });
    }
    tx.update(ref, { answer, evidenceIds, answeredAt: FieldValue.serverTimestamp() });
    appendRecertificationHistory(db, tx, appId, `answer-${questionId}`, { event: "answered", questionId });
  });
}

// The daily release job: for each session whose release date has come
// (examSessions.nextActionOn <= today), each scored candidate of the approved
// run gets an examResults document `${sessionId}_${uid}` and the results
// letter (e-mail + in-app), each in its own transaction and only if the result
// does not exist yet: a rerun, a retry or a catch-up day writes nothing twice
// and never overwrites a result that an appeal has re-marked since.
import type { DocumentReference, Firestore } from "firebase-admin/firestore";
import { FieldValue } from "firebase-admin/firestore";
import { z } from "zod";
import type { IsoDate } from "../platform/domain/dates.js";
import type { Policy } from "../platform/domain/policy.js";
import { processDue, readDue, type JobStats } from "../platform/jobs/paging.js";
import { prepareMessages, recipientOf } from "../platform/outbox.js";
import { COLLECTIONS, paths } from "../platform/paths.js";
import { examMailIds, resultLetter } from "./domain/letters.js";
import type { Outcome } from "./domain/pass-mark.js";
import type { ScoringRun } from "./domain/runs.js";
import { approvedRun, markReleased } from "./processing.js";
import { examPaths } from "./paths.js";

const JOB = "exam-release";
const CONCURRENCY = 10;

const dueSessionSchema = z.object({
  sittingDate: z.string(),
  releaseDate: z.string(),
  resultsReleased: z.boolean(),
});

async function releaseOne(
  db: Firestore,
  sessionId: string,
  sittingDate: IsoDate,
  run: ScoringRun,
  outcome: Outcome,
  today: IsoDate,
  policy: Policy,
  stats: JobStats,
) {
  const resultId = examPaths.resultId(sessionId, outcome.candidate);
  await db.runTransaction(async (tx) => {
    const ref = db.doc(paths.examResult(resultId));
    const existing = await tx.get(ref);
    stats.documentsRead += 1;
    if (existing.exists) return; // released by an earlier run (and possibly re-marked since)
    const { recipient } = await recipientOf(db, tx, outcome.candidate);
    stats.documentsRead += 1;
    const released = {
      sittingDate,
      resultDate: today,
      passed: outcome.passed,
      score: outcome.score,
      maxScore: outcome.outOf,
      passMark: run.passMark.passScore,
    };
    const outbox = await prepareMessages(
      db,
      tx,
      recipient,
      [{ id: examMailIds.letter(resultId), msg: resultLetter(released, policy) }],
      `exam result ${resultId}`,
    );
    stats.documentsRead += outbox.reads;
    tx.create(ref, {
      uid: outcome.candidate,
      ...released,
      status: outcome.passed ? "passed" : "failed",
      sessionId,
      runId: String(run.number),
      releasedAt: FieldValue.serverTimestamp(),
    });
    stats.transitions += 1;
    stats.messages += outbox.send();
  });
}

async function releaseSession(db: Firestore, ref: DocumentReference, today: IsoDate, policy: Policy, stats: JobStats) {
  const found = await db.runTransaction(async (tx) => {
    const session = await readDue(tx, ref, dueSessionSchema, JOB, stats);
    if (!session) return null;
    const approved = await approvedRun(db, tx, ref.id);
    stats.documentsRead += 2;
    if (session.resultsReleased || !approved || session.releaseDate > today) {
      // Nothing (more) to release: off the schedule until a release date is set again.
      const problem =
        !approved && !session.resultsReleased
          ? { scheduleProblem: "no approved run: prepare, approve and set the release date again" }
          : {};
      tx.update(ref, { nextActionOn: null, ...problem });
      return null;
    }
    return { session, run: approved.run };
  });
  if (!found) return;
  const { run, session } = found;
  for (let i = 0; i < run.outcomes.length; i += CONCURRENCY) {
    await Promise.all(
      run.outcomes
        .slice(i, i + CONCURRENCY)
        .map((o) => releaseOne(db, ref.id, session.sittingDate, run, o, today, policy, stats)),
    );
  }
  // Only once every candidate's result exists: a failure above leaves the session due for the retry.
  await db.runTransaction(async (tx) => {
    markReleased(db, tx, ref.id, today);
  });
}

export async function runExamReleaseJob(db: Firestore, today: IsoDate, policy: Policy): Promise<JobStats> {
  return processDue(db, JOB, COLLECTIONS.examSessions, today, (ref, stats) =>
    releaseSession(db, ref, today, policy, stats),
  );
}

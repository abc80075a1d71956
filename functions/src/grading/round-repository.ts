// Reading a grading round inside a transaction, with the checks every
// grading action starts with. Refusals are HttpsErrors with precise codes.
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { paths } from "../platform/paths.js";
import { roundSchema, type Round, type RoundStatus } from "./documents.js";

export async function readRound(db: Firestore, tx: Transaction, appId: string): Promise<Round> {
  const snap = await tx.get(db.doc(paths.grading(appId)));
  if (!snap.exists) throw new HttpsError("not-found", `Application ${appId} is not being graded.`);
  const parsed = roundSchema.safeParse(snap.data());
  if (!parsed.success) throw new HttpsError("failed-precondition", `The grading round of ${appId} is malformed.`);
  return parsed.data;
}

export function assertRoundStatus(round: Round, allowed: readonly RoundStatus[], action: string) {
  if (!allowed.includes(round.status)) {
    throw new HttpsError("failed-precondition", `Cannot ${action}: the grading round is ${round.status}.`);
  }
}

export function assertAssignedGrader(round: Round, uid: string) {
  if (!round.graderUids.includes(uid)) {
    throw new HttpsError("permission-denied", `You are not a grader of application ${round.applicationId}.`);
  }
}

/** Appends one event to the application's grading history (deterministic id: a retry rewrites the same event). */
export function appendHistory(
  db: Firestore,
  tx: Transaction,
  appId: string,
  id: string,
  event: string,
  fields: Record<string, unknown>,
) {
  tx.set(db.doc(`${paths.gradingPart(appId, "history")}/${id}`), {
    event,
    at: FieldValue.serverTimestamp(),
    ...fields,
  });
}

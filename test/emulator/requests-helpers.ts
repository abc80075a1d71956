// Shared by the requests emulator tests: a candidate with a passed exam, a
// registered supervisor, accepted evidence, and the callables.
import type { Firestore } from "firebase-admin/firestore";
import { uploadEvidence } from "./evidence-helpers.js";
import { callFunction, uniqueId, waitFor, type CallableResult } from "./helpers.js";

export const committee = { uid: "committee-req", claims: { role: "committee" } };
export const chair = { uid: "chair-req", claims: { role: "chair" } };

/** A candidate (profile with e-mail) and, when `resultDate` is given, their passed exam result. */
export async function candidateWithExam(db: Firestore, resultDate: string, over: object = {}) {
  const uid = uniqueId("cand");
  const examId = `exam-${uid}`;
  await db.doc(`users/${uid}`).set({ displayName: "Dr Candidate", email: `${uid}@example.org`, membership: "silver" });
  await db.doc(`examResults/${examId}`).set({
    uid,
    passed: true,
    status: "passed",
    sittingDate: resultDate,
    resultDate,
    score: 72,
    maxScore: 100,
    passMark: 60,
    ...over,
  });
  return { uid, examId };
}

/** A Level 3 supervisor in the registry, with a profile to be e-mailed. */
export async function registeredSupervisor(db: Firestore, over: object = {}) {
  const uid = uniqueId("sup");
  await db.doc(`supervisors/${uid}`).set({
    name: "Dr Supervisor",
    body: "EACVI",
    level3From: "2015-01-01",
    level3Until: null,
    institution: "Remote Institute",
    ...over,
  });
  await db.doc(`users/${uid}`).set({ displayName: "Dr Supervisor", email: `${uid}@example.org` });
  return uid;
}

/** Evidence files accepted by the real upload check. */
export async function acceptedEvidence(db: Firestore, uid: string, ...ids: string[]) {
  await uploadEvidence(db, uid, ids);
  return ids;
}

export const asCandidate = (uid: string) => ({ uid });

export function ok(call: CallableResult): Record<string, unknown> {
  if (call.error) throw new Error(`expected success, got ${call.error.status}: ${call.error.message}`);
  return call.result!;
}

export const submitReq = (uid: string, content: object) => callFunction("submitRequest", content, { uid });
export const decide = (requestId: string, decision: object, by: { uid: string; claims?: object } = committee) =>
  callFunction("decideRequest", { requestId, decision }, by as { uid: string; claims?: Record<string, unknown> });
export const askChanges = (requestId: string, reason: string) =>
  callFunction("requestChanges", { requestId, reason }, committee);

export const requestDoc = async (db: Firestore, id: string) => (await db.doc(`requests/${id}`).get()).data();
export const historyOf = async (db: Firestore, id: string) =>
  (await db.collection(`requests/${id}/history`).orderBy("__name__").get()).docs.map((d) => d.id);
export const mailTo = async (db: Firestore, id: string) => (await db.doc(`mail/${id}`).get()).get("to");

export const waitForReport = (
  db: Firestore,
  appId: string,
  done: (r: Record<string, unknown>) => boolean,
  what: string,
) =>
  waitFor(
    async () => (await db.doc(`applications/${appId}/validation/current`).get()).data(),
    (r) => r !== undefined && done(r),
    { what, timeoutMs: 90_000 },
  ) as Promise<Record<string, unknown>>;

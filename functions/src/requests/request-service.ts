// The request lifecycle on Firestore. Each action is one transaction: it
// reads the request and the facts its kind depends on, checks them, then
// writes the new status, one history event, the kind's effect (on a grant)
// and the messages to the candidate and the supervisors the request names.
// Refusals are HttpsErrors with precise codes.
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { calendarDateIn, PROGRAMME_TIME_ZONE, type IsoDate } from "../platform/domain/dates.js";
import type { Policy } from "../platform/domain/policy.js";
import { prepareMessages, recipientOf } from "../platform/outbox.js";
import { COLLECTIONS, paths } from "../platform/paths.js";
import { loadPolicy } from "../platform/policy-repository.js";
import { transactionReader } from "../platform/reader.js";
import { evidenceProblems } from "../evidence/index.js";
import {
  candidateMail,
  decisionDueOn,
  evidenceOf,
  historyEventId,
  OUTCOME_LABELS,
  requestMailId,
  subjectOf,
  supervisorMail,
  supervisorsOf,
  transition,
  type DecisionInput,
  type RequestAction,
  type RequestContent,
  type RequestStatus,
} from "./domain/index.js";
import { requestDocSchema, type RequestDoc } from "./documents.js";
import { checkContent, prepareEffect } from "./kind-effects.js";
import { requestLogs } from "./request-logs.js";

export const requestPath = (id: string) => `${COLLECTIONS.requests}/${id}`;
export const requestHistoryPath = (id: string) => `${COLLECTIONS.requests}/${id}/history`;

export interface Actor {
  uid: string;
  /** True for committee and chair members (custom claims), who decide. */
  decides: boolean;
}

const todayOf = (now: Date) => calendarDateIn(PROGRAMME_TIME_ZONE, now);

/** One kind of request per thing appealed: a second appeal of the same decision is the same document. */
function requestIdFor(db: Firestore, content: RequestContent, submission: number | null): string {
  if (content.kind === "logbook-appeal") return `logbook-appeal-${content.applicationId}-${submission ?? 0}`;
  if (content.kind === "exam-appeal") return `exam-appeal-${content.examResultId}`;
  return db.collection(COLLECTIONS.requests).doc().id;
}

async function readRequest(db: Firestore, tx: Transaction, id: string): Promise<RequestDoc> {
  const snap = await tx.get(db.doc(requestPath(id)));
  if (!snap.exists) throw new HttpsError("not-found", `No request ${id}.`);
  const parsed = requestDocSchema.safeParse(snap.data());
  if (!parsed.success) throw new HttpsError("failed-precondition", `Request ${id} is malformed.`);
  return parsed.data;
}

function assertCandidate(req: RequestDoc, uid: string, id: string) {
  if (req.candidateUid !== uid) throw new HttpsError("permission-denied", `Request ${id} is not yours.`);
}

function nextStatus(from: RequestStatus, action: RequestAction): RequestStatus {
  const t = transition(from, action);
  if (!t.ok) throw new HttpsError("failed-precondition", `Cannot do that: ${t.problem}.`);
  return t.to;
}

/** Accepted evidence only; the records are frozen once the request is sent (see freezeEvidence). */
async function checkEvidence(db: Firestore, tx: Transaction, uid: string, ids: string[], requestId: string) {
  const refs = ids.map((id) => db.doc(paths.evidence(uid, id)));
  const snaps = refs.length ? await tx.getAll(...refs) : [];
  const records = new Map(snaps.filter((s) => s.exists).map((s) => [s.id, s.data() as Record<string, unknown>]));
  const problems = evidenceProblems(
    ids.map((evidenceId) => ({ evidenceId, usedBy: `request ${requestId}` })),
    records,
    frozenKey(requestId),
  );
  if (problems.length) {
    throw new HttpsError(
      "failed-precondition",
      `Attachments not usable: ${problems.map((p) => `${p.evidenceId}: ${p.problem}`).join("; ")}.`,
      { evidence: problems },
    );
  }
  return refs;
}

/** The key a request freezes evidence records with (their `submittedIn` list, as a submitted application does). */
export const frozenKey = (requestId: string) => `request-${requestId}`;

interface TransitionMessage {
  requestId: string;
  req: Pick<RequestDoc, "kind" | "candidateUid" | "supervisorUids" | "events">;
  event: string;
  status: RequestStatus;
  reason: string | null;
  decisionDueOn: IsoDate | null;
  effect: string | null;
}

/**
 * Reads what the transition's messages need; returns the writes: the history
 * event (deterministic id: a retry rewrites the same event) and the messages.
 */
async function prepareTransition(
  db: Firestore,
  tx: Transaction,
  t: TransitionMessage,
  by: string,
  today: IsoDate,
  extra: Record<string, unknown> = {},
): Promise<() => void> {
  const historyId = historyEventId(t.req.events + 1, t.event);
  const profile = await tx.get(db.doc(paths.user(t.req.candidateUid)));
  const name = profile.get("displayName");
  const facts = {
    requestId: t.requestId,
    kind: t.req.kind,
    status: t.status,
    reason: t.reason,
    candidateName: typeof name === "string" ? name : null,
    decisionDueOn: t.decisionDueOn,
    effect: t.effect,
  };
  const about = `request ${t.requestId}`;
  const outs: { send: () => number }[] = [];
  const { recipient } = await recipientOf(db, tx, t.req.candidateUid);
  const candidateMsg = { id: requestMailId(t.requestId, historyId, recipient.uid), msg: candidateMail(facts) };
  outs.push(await prepareMessages(db, tx, recipient, [candidateMsg], about));
  for (const uid of t.req.supervisorUids) {
    const sup = await recipientOf(db, tx, uid);
    const msg = { id: requestMailId(t.requestId, historyId, uid), msg: supervisorMail(facts) };
    outs.push(await prepareMessages(db, tx, sup.recipient, [msg], about));
  }
  return () => {
    tx.set(db.doc(`${requestHistoryPath(t.requestId)}/${historyId}`), {
      event: t.event,
      status: t.status,
      by,
      reason: t.reason,
      on: today,
      at: FieldValue.serverTimestamp(),
      ...extra,
    });
    for (const out of outs) out.send();
  };
}

export async function submitRequest(db: Firestore, uid: string, content: RequestContent, now: Date) {
  const today = todayOf(now);
  return db.runTransaction(async (tx) => {
    const policy = await loadPolicy(db, transactionReader(tx));
    const facts = await checkContent(db, tx, uid, content, today, policy, { first: true });
    const id = requestIdFor(db, content, facts.submission);
    const ref = db.doc(requestPath(id));
    if ((await tx.get(ref)).exists) {
      throw new HttpsError("already-exists", `This was already appealed (request ${id}).`);
    }
    const evidence = evidenceOf(content);
    const evidenceRefs = await checkEvidence(db, tx, uid, evidence, id);
    const due = decisionDueOn(today, content.kind, policy);
    const doc: RequestDoc = {
      kind: content.kind,
      candidateUid: uid,
      status: "submitted",
      content,
      applicationId: facts.applicationId,
      supervisorUids: supervisorsOf(content),
      excludedDeciders: facts.excludedDeciders,
      evidenceIds: evidence,
      submittedOn: today,
      decisionDueOn: due,
      events: 0,
    };
    const finish = await prepareTransition(
      db,
      tx,
      {
        requestId: id,
        req: doc,
        event: "submitted",
        status: "submitted",
        reason: null,
        decisionDueOn: due,
        effect: null,
      },
      uid,
      today,
    );
    tx.create(ref, {
      ...doc,
      events: 1,
      lastSentOn: today,
      supervisorStatement: null,
      decision: null,
      createdAt: FieldValue.serverTimestamp(),
      updatedAt: FieldValue.serverTimestamp(),
    });
    for (const e of evidenceRefs) tx.update(e, { submittedIn: FieldValue.arrayUnion(frozenKey(id)) });
    finish();
    requestLogs.transition(id, content.kind, "submitted");
    return { requestId: id, status: "submitted" as const, decisionDueOn: due };
  });
}

export async function resubmitRequest(db: Firestore, uid: string, id: string, content: RequestContent, now: Date) {
  const today = todayOf(now);
  return db.runTransaction(async (tx) => {
    const req = await readRequest(db, tx, id);
    assertCandidate(req, uid, id);
    const to = nextStatus(req.status, "resubmit");
    if (content.kind !== req.kind) {
      throw new HttpsError("invalid-argument", `Request ${id} is a ${req.kind} request; its kind cannot change.`);
    }
    const policy = await loadPolicy(db, transactionReader(tx));
    const facts = await checkContent(db, tx, uid, content, today, policy, { first: false });
    if (facts.applicationId !== req.applicationId || subjectOf(content) !== subjectOf(req.content)) {
      throw new HttpsError(
        "invalid-argument",
        "A resubmitted request is about the same deadline, result or application as before: send a new request for another.",
      );
    }
    const evidence = evidenceOf(content);
    const evidenceRefs = await checkEvidence(db, tx, uid, evidence, id);
    const due = decisionDueOn(today, req.kind, policy);
    const supervisorUids = [...new Set([...req.supervisorUids, ...supervisorsOf(content)])];
    const finish = await prepareTransition(
      db,
      tx,
      {
        requestId: id,
        req: { ...req, supervisorUids },
        event: "resubmitted",
        status: to,
        reason: null,
        decisionDueOn: due,
        effect: null,
      },
      uid,
      today,
    );
    // The supervisors named before keep reading it (their statement is part of the record).
    tx.update(db.doc(requestPath(id)), {
      status: to,
      content,
      supervisorUids,
      evidenceIds: [...new Set([...req.evidenceIds, ...evidence])],
      decisionDueOn: due,
      lastSentOn: today,
      events: req.events + 1,
      updatedAt: FieldValue.serverTimestamp(),
    });
    for (const e of evidenceRefs) tx.update(e, { submittedIn: FieldValue.arrayUnion(frozenKey(id)) });
    finish();
    requestLogs.transition(id, req.kind, to);
    return { requestId: id, status: to, decisionDueOn: due };
  });
}

/** A transition with no effect and no new content: the status, one history event, the messages. */
async function moveRequest(
  db: Firestore,
  id: string,
  now: Date,
  move: {
    action: "withdraw" | "request-changes";
    by: string;
    reason: string | null;
    authorize: (req: RequestDoc) => void;
    fields?: (today: IsoDate) => Record<string, unknown>;
  },
) {
  const today = todayOf(now);
  return db.runTransaction(async (tx) => {
    const req = await readRequest(db, tx, id);
    move.authorize(req);
    const to = nextStatus(req.status, move.action);
    const finish = await prepareTransition(
      db,
      tx,
      { requestId: id, req, event: to, status: to, reason: move.reason, decisionDueOn: null, effect: null },
      move.by,
      today,
    );
    // The decision clock stops: while the candidate changes the request, and for good once withdrawn.
    tx.update(db.doc(requestPath(id)), {
      status: to,
      decisionDueOn: null,
      events: req.events + 1,
      updatedAt: FieldValue.serverTimestamp(),
      ...move.fields?.(today),
    });
    finish();
    requestLogs.transition(id, req.kind, to);
    return { requestId: id, status: to };
  });
}

export const withdrawRequest = (db: Firestore, uid: string, id: string, reason: string | null, now: Date) =>
  moveRequest(db, id, now, { action: "withdraw", by: uid, reason, authorize: (req) => assertCandidate(req, uid, id) });

function assertMayDecide(req: RequestDoc, uid: string) {
  if (req.candidateUid === uid) throw new HttpsError("permission-denied", "Nobody decides their own request.");
  if (req.excludedDeciders.includes(uid)) {
    throw new HttpsError(
      "permission-denied",
      "You graded or decided the logbook under appeal: the appeal panel excludes the original graders and chair.",
    );
  }
}

export const requestChanges = (db: Firestore, decider: string, id: string, reason: string, now: Date) =>
  moveRequest(db, id, now, {
    action: "request-changes",
    by: decider,
    reason,
    authorize: (req) => assertMayDecide(req, decider),
    fields: (today) => ({ changesRequested: { reason, by: decider, on: today } }),
  });

export async function decideRequest(db: Firestore, decider: string, id: string, decision: DecisionInput, now: Date) {
  const today = todayOf(now);
  return db.runTransaction(async (tx) => {
    const req = await readRequest(db, tx, id);
    assertMayDecide(req, decider);
    const to = nextStatus(req.status, decision.outcome === "granted" ? "grant" : "refuse");
    const policy: Policy = await loadPolicy(db, transactionReader(tx));
    const effect =
      decision.outcome === "granted"
        ? await prepareEffect(db, tx, { id, req, decision, decider, today, now, policy })
        : null;
    const label = OUTCOME_LABELS[req.kind][to === "granted" ? "granted" : "refused"];
    const finish = await prepareTransition(
      db,
      tx,
      {
        requestId: id,
        req,
        event: to,
        status: to,
        reason: decision.reason,
        decisionDueOn: null,
        effect: effect?.text ?? null,
      },
      decider,
      today,
      { outcome: label },
    );
    tx.update(db.doc(requestPath(id)), {
      status: to,
      decisionDueOn: null,
      decision: {
        outcome: label,
        reason: decision.reason,
        by: decider,
        decidedOn: today,
        decidedAt: FieldValue.serverTimestamp(),
        ...(effect?.recorded ?? {}),
      },
      events: req.events + 1,
      updatedAt: FieldValue.serverTimestamp(),
    });
    effect?.write();
    finish();
    requestLogs.transition(id, req.kind, to);
    return { requestId: id, status: to, outcome: label, ...(effect?.recorded ?? {}) };
  });
}

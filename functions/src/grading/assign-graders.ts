// Assigning graders: on submission (a trigger on the application's status)
// and by the committee (reassignment). One transaction each: the round, the
// application's graderUids, the graders' loads, the random checks, the
// history and the notifications are written together or not at all.
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import type { z } from "zod";
import { calendarDateIn, PROGRAMME_TIME_ZONE } from "../platform/domain/dates.js";
import { prepareMessages, recipientOf } from "../platform/outbox.js";
import { COLLECTIONS, paths } from "../platform/paths.js";
import { loadPolicy } from "../platform/policy-repository.js";
import { transactionReader } from "../platform/reader.js";
import type { Policy } from "../platform/domain/policy.js";
import {
  chooseGraders,
  historyId,
  randomCheckSample,
  type AssignmentOutcome,
  type ConflictSubject,
  type GraderProfile,
} from "./domain/index.js";
import { assignedMail, checkRequestMail, messageIds } from "./domain/messages.js";
import {
  gradedApplicationSchema,
  graderProfileSchema,
  profileSchema,
  roundSchema,
  snapshotSchema,
  supervisorEntrySchema,
  type GradedApplication,
  type Round,
  type Snapshot,
} from "./documents.js";
import { gradingLogs } from "./grading-logs.js";
import { appendHistory } from "./round-repository.js";

export interface AssignStats {
  reads: number;
  outcome: "assigned" | "unassigned" | "skipped";
  graderUids: string[];
}

function parseOrReport<T extends z.ZodType>(schema: T, data: unknown, path: string): z.infer<T> | null {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  gradingLogs.documentInvalid(
    path,
    parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
  );
  return null;
}

/** Everyone a case, a training period, the declaration or the application names as supervisor. */
export function supervisorsOf(app: GradedApplication, snapshot: Snapshot): string[] {
  const b = snapshot.bundle;
  return [
    ...new Set([
      ...app.supervisorIds,
      ...b.cases.map((c) => c.supervisorId),
      ...b.training.map((t) => t.supervisorId),
      ...(b.supervisorDeclaration ? [b.supervisorDeclaration.supervisorId] : []),
    ]),
  ].sort();
}

interface Context {
  reads: number;
  subject: ConflictSubject;
  graders: GraderProfile[];
}

/** The candidate's and supervisors' institutions, and every active grader with their load. */
async function loadContext(
  db: Firestore,
  tx: Transaction,
  app: GradedApplication,
  snapshot: Snapshot,
): Promise<Context> {
  const supervisorUids = supervisorsOf(app, snapshot);
  const [profileSnap, ...supervisorSnaps] = await tx.getAll(
    db.doc(paths.user(app.ownerUid)),
    ...supervisorUids.map((uid) => db.doc(paths.supervisor(uid))),
  );
  const profile = profileSchema.safeParse(profileSnap.data() ?? {});
  const graderDocs = await tx.get(db.collection(COLLECTIONS.graders).where("active", "==", true));
  const graders: GraderProfile[] = [];
  for (const doc of graderDocs.docs) {
    const g = parseOrReport(graderProfileSchema, doc.data(), doc.ref.path);
    if (!g) continue;
    graders.push({
      uid: doc.id,
      institution: g.institution ?? null,
      country: g.country ?? null,
      active: g.active,
      capacity: g.capacity,
      openAssignments: g.openAssignments,
    });
  }
  return {
    reads: 1 + supervisorSnaps.length + Math.max(graderDocs.size, 1),
    subject: {
      candidateUid: app.ownerUid,
      candidateInstitution: profile.success ? (profile.data.institution ?? null) : null,
      candidateCountry: profile.success ? (profile.data.country ?? null) : null,
      supervisorUids,
      supervisorInstitutions: supervisorSnaps.map((s) => {
        const parsed = supervisorEntrySchema.safeParse(s.data() ?? {});
        return parsed.success ? (parsed.data.institution ?? null) : null;
      }),
    },
    graders,
  };
}

const rulesOf = (policy: Policy) => ({
  gradersPerApplication: policy.grading.gradersPerApplication,
  excludeSameCountry: policy.grading.excludeSameCountry,
});

/** Notifies each newly assigned grader (reads first: call before any write). */
async function prepareGraderMessages(
  db: Firestore,
  tx: Transaction,
  appId: string,
  submission: number,
  uids: string[],
) {
  const sends: (() => number)[] = [];
  let reads = 0;
  for (const uid of uids) {
    const { recipient } = await recipientOf(db, tx, uid);
    const out = await prepareMessages(
      db,
      tx,
      recipient,
      [{ id: messageIds.assigned(appId, submission, uid), msg: assignedMail(appId, submission) }],
      `grading ${appId}`,
    );
    reads += 1 + out.reads;
    sends.push(out.send);
  }
  return { reads, send: () => sends.reduce((n, s) => n + s(), 0) };
}

/**
 * Assigns graders to submission `submissionCount` of the application, once:
 * a redelivered or late event finds the round already at that submission.
 */
export async function assignOnSubmission(db: Firestore, appId: string, now: Date, salt: string): Promise<AssignStats> {
  const result = await db.runTransaction(async (tx): Promise<AssignStats & { submission: number }> => {
    const appRef = db.doc(paths.application(appId));
    const [appSnap, roundSnap] = await tx.getAll(appRef, db.doc(paths.grading(appId)));
    let reads = 2;
    const skipped = (submission = 0) => ({ reads, outcome: "skipped" as const, graderUids: [], submission });
    const app = appSnap.exists ? parseOrReport(gradedApplicationSchema, appSnap.data(), appRef.path) : null;
    if (!app || app.status !== "submitted" || !app.submissionCount) return skipped();
    const submission = app.submissionCount;
    const round = roundSnap.exists ? roundSchema.safeParse(roundSnap.data()) : null;
    if (round?.success && round.data.submission >= submission) return skipped(submission);

    const snapshotPath = `${paths.snapshots(appId)}/${submission}`;
    const snapshotSnap = await tx.get(db.doc(snapshotPath));
    reads += 1;
    const policy = await loadPolicy(db, transactionReader(tx));
    reads += 1;
    const today = calendarDateIn(PROGRAMME_TIME_ZONE, now);
    const snapshot = parseOrReport(snapshotSchema, snapshotSnap.data(), snapshotPath);
    const base = {
      applicationId: appId,
      candidateUid: app.ownerUid,
      route: app.route,
      submission,
      submittedOn: today,
      gradedBy: [],
      openQuestions: 0,
      outcome: null,
      decision: null,
      updatedAt: FieldValue.serverTimestamp(),
    };
    if (!snapshot) {
      // Reported, not crashed: the committee sees it waiting and can act.
      tx.set(db.doc(paths.grading(appId)), {
        ...base,
        status: "unassigned",
        graderUids: [],
        sampleCaseIds: [],
        problem: `snapshot ${submission} is malformed`,
        unassignedSince: today,
      });
      appendHistory(db, tx, appId, historyId(submission, "unassigned"), "unassigned", {
        submission,
        reason: "snapshot malformed",
      });
      return { reads, outcome: "unassigned", graderUids: [], submission };
    }

    const context = await loadContext(db, tx, app, snapshot);
    reads += context.reads;
    const outcome: AssignmentOutcome = chooseGraders(context.graders, context.subject, rulesOf(policy));
    const sample = randomCheckSample(
      snapshot.bundle.cases.map((c) => c.id),
      { applicationId: appId, submission, salt },
      policy.grading.randomCheck,
    );
    const sampled = snapshot.bundle.cases.filter((c) => sample.includes(c.id));
    const graderUids = outcome.kind === "assigned" ? outcome.graderUids : [];

    // Reads of the outbox before any write.
    const graderMessages = await prepareGraderMessages(db, tx, appId, submission, graderUids);
    reads += graderMessages.reads;
    const checkMessages = [];
    for (const c of sampled) {
      const { recipient } = await recipientOf(db, tx, c.supervisorId);
      const out = await prepareMessages(
        db,
        tx,
        recipient,
        [
          {
            id: messageIds.check(appId, submission, c.id),
            msg: checkRequestMail(appId, { caseId: c.id, patientRef: c.patientRef, studyDate: c.studyDate }),
          },
        ],
        `random check ${appId}`,
      );
      reads += 1 + out.reads;
      checkMessages.push(out.send);
    }

    tx.set(db.doc(paths.grading(appId)), {
      ...base,
      status: outcome.kind === "assigned" ? "grading" : "unassigned",
      graderUids,
      sampleCaseIds: sample,
      assignedOn: outcome.kind === "assigned" ? today : null,
      unassignedSince: outcome.kind === "assigned" ? null : today,
      problem: null,
    });
    // Unchanged (e.g. still none): no write, so the logbook's triggers are not woken for nothing.
    if (JSON.stringify(app.graderUids ?? []) !== JSON.stringify(graderUids)) tx.update(appRef, { graderUids });
    for (const uid of graderUids) tx.update(db.doc(paths.grader(uid)), { openAssignments: FieldValue.increment(1) });
    for (const c of sampled) {
      tx.set(db.doc(`${paths.gradingPart(appId, "checks")}/${submission}-${c.id}`), {
        submission,
        caseId: c.id,
        patientRef: c.patientRef,
        studyDate: c.studyDate,
        supervisorUid: c.supervisorId,
        candidateUid: app.ownerUid,
        status: "pending",
        comment: null,
        answeredAt: null,
      });
    }
    appendHistory(db, tx, appId, historyId(submission, "submitted"), "submitted", { submission, on: today });
    if (outcome.kind === "assigned") {
      appendHistory(db, tx, appId, historyId(submission, "assigned"), "assigned", {
        submission,
        graders: graderUids.length,
        randomChecks: sample.length,
      });
    } else {
      appendHistory(db, tx, appId, historyId(submission, "unassigned"), "unassigned", {
        submission,
        eligible: outcome.eligible.length,
      });
    }
    graderMessages.send();
    for (const send of checkMessages) send();
    return { reads, outcome: outcome.kind, graderUids, submission };
  });
  if (result.outcome === "assigned")
    gradingLogs.assigned(appId, result.submission, result.graderUids.length, result.reads);
  else if (result.outcome === "unassigned") gradingLogs.unassigned(appId, result.submission, 0);
  else gradingLogs.alreadyAssigned(appId, result.submission);
  const { submission: _s, ...stats } = result;
  return stats;
}

/**
 * The round ends without a decision (the application was returned or
 * withdrawn): the graders' loads are released, once.
 */
export async function closeRound(db: Firestore, appId: string, applicationStatus: string): Promise<boolean> {
  const closed = await db.runTransaction(async (tx) => {
    const ref = db.doc(paths.grading(appId));
    const snap = await tx.get(ref);
    if (!snap.exists) return null;
    const round = parseOrReport(roundSchema, snap.data(), ref.path);
    if (!round || !["grading", "awaiting-chair", "unassigned"].includes(round.status)) return null;
    releaseLoads(db, tx, round);
    tx.update(ref, { status: "closed", closedBecause: applicationStatus, updatedAt: FieldValue.serverTimestamp() });
    return round.submission;
  });
  if (closed !== null) gradingLogs.roundClosed(appId, closed, applicationStatus);
  return closed !== null;
}

/** Each assigned grader has one fewer open assignment. */
export function releaseLoads(db: Firestore, tx: Transaction, round: Round) {
  for (const uid of round.graderUids)
    tx.update(db.doc(paths.grader(uid)), { openAssignments: FieldValue.increment(-1) });
}

export interface ReassignInput {
  appId: string;
  /** The grader to replace; null to fill an unassigned round. */
  replace: string | null;
  reason: string;
  by: string;
}

export type ReassignResult =
  { ok: true; graderUids: string[] } | { ok: false; code: "not-found" | "failed-precondition"; message: string };

/** The committee replaces one grader (or fills an unassigned round), with a reason. */
export async function reassign(db: Firestore, input: ReassignInput, now: Date): Promise<ReassignResult> {
  const { appId, replace, reason, by } = input;
  return db.runTransaction(async (tx): Promise<ReassignResult> => {
    const appRef = db.doc(paths.application(appId));
    const roundRef = db.doc(paths.grading(appId));
    const [appSnap, roundSnap] = await tx.getAll(appRef, roundRef);
    if (!appSnap.exists || !roundSnap.exists) {
      return { ok: false, code: "not-found", message: `Application ${appId} has no grading round.` };
    }
    const app = parseOrReport(gradedApplicationSchema, appSnap.data(), appRef.path);
    const round = parseOrReport(roundSchema, roundSnap.data(), roundRef.path);
    if (!app || !round)
      return { ok: false, code: "failed-precondition", message: `Application ${appId} is malformed.` };
    if (!["grading", "unassigned"].includes(round.status)) {
      return { ok: false, code: "failed-precondition", message: `The round is ${round.status}: nothing to reassign.` };
    }
    if (replace !== null && !round.graderUids.includes(replace)) {
      return { ok: false, code: "failed-precondition", message: `${replace} is not a grader of ${appId}.` };
    }
    if (replace !== null && round.gradedBy.includes(replace)) {
      return { ok: false, code: "failed-precondition", message: `${replace} has already graded; their grade stands.` };
    }
    const snapshotPath = `${paths.snapshots(appId)}/${round.submission}`;
    const snapshot = parseOrReport(snapshotSchema, (await tx.get(db.doc(snapshotPath))).data(), snapshotPath);
    if (!snapshot) return { ok: false, code: "failed-precondition", message: `Snapshot ${snapshotPath} is malformed.` };
    const policy = await loadPolicy(db, transactionReader(tx));
    const context = await loadContext(db, tx, app, snapshot);
    const keep = round.graderUids.filter((uid) => uid !== replace);
    // Loads as they will be once the replaced grader is released.
    const outcome = chooseGraders(context.graders, context.subject, rulesOf(policy), {
      keep,
      excluded: replace ? [replace] : [],
    });
    if (outcome.kind === "unassigned") {
      return {
        ok: false,
        code: "failed-precondition",
        message: `Not enough eligible graders (${outcome.eligible.length} besides those kept); add or activate graders.`,
      };
    }
    const added = outcome.graderUids.filter((uid) => !keep.includes(uid));
    const messages = await prepareGraderMessages(db, tx, appId, round.submission, added);
    const today = calendarDateIn(PROGRAMME_TIME_ZONE, now);
    tx.update(roundRef, {
      status: "grading",
      graderUids: outcome.graderUids,
      assignedOn: today,
      unassignedSince: null,
      updatedAt: FieldValue.serverTimestamp(),
    });
    tx.update(appRef, { graderUids: outcome.graderUids });
    if (replace) tx.update(db.doc(paths.grader(replace)), { openAssignments: FieldValue.increment(-1) });
    for (const uid of added) tx.update(db.doc(paths.grader(uid)), { openAssignments: FieldValue.increment(1) });
    const historyRef = db.collection(paths.gradingPart(appId, "history")).doc();
    tx.create(historyRef, {
      event: "reassigned",
      at: FieldValue.serverTimestamp(),
      submission: round.submission,
      by,
      reason,
      // Graders stay anonymous to the candidate, who reads the history.
      replacedOne: replace !== null,
    });
    messages.send();
    return { ok: true, graderUids: outcome.graderUids };
  });
}

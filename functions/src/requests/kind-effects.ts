// What each kind checks when it is sent, and what a grant changes. Reads
// happen here (inside the caller's transaction, before any write); the
// effect's writes are returned for the caller to run.
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import type { IsoDate } from "../platform/domain/dates.js";
import type { Policy } from "../platform/domain/policy.js";
import { checkPolicyOverrideValue } from "../platform/domain/policy-override.js";
import { COLLECTIONS, paths } from "../platform/paths.js";
import { overturnOnAppeal, originalDeciders } from "../grading/index.js";
import { examResultSchema, logbookDeadline } from "../logbook/index.js";
import { certificationSchema, recertificationWindow } from "../recertification/index.js";
import {
  appealWindowProblem,
  examAppealBy,
  extendedUntil,
  extensionLengthProblem,
  extensionTimingProblem,
  grantedMonthsProblem,
  remarkedResult,
  remoteSupervisorProblem,
  type ContentOf,
  type DecisionInput,
  type RequestContent,
} from "./domain/index.js";
import { applicationFieldsSchema, examFieldsSchema, supervisorEntrySchema, type RequestDoc } from "./documents.js";

const precondition = (problem: string | null) => {
  if (problem) throw new HttpsError("failed-precondition", `${problem[0].toUpperCase()}${problem.slice(1)}.`);
};

async function ownDoc(db: Firestore, tx: Transaction, path: string, uid: string, ownerField: string, what: string) {
  const snap = await tx.get(db.doc(path));
  if (!snap.exists) throw new HttpsError("not-found", `No ${what} ${snap.id}.`);
  if (snap.get(ownerField) !== uid) throw new HttpsError("permission-denied", `${what} ${snap.id} is not yours.`);
  return snap;
}

/** The deadline an extension would move, as it stands, with the document it lives on. */
async function extensionDeadline(
  db: Firestore,
  tx: Transaction,
  uid: string,
  c: ContentOf<"extension">,
  policy: Policy,
) {
  if (c.target.deadline === "logbook") {
    const snap = await ownDoc(db, tx, paths.examResult(c.target.examResultId), uid, "uid", "exam result");
    const exam = examResultSchema.safeParse(snap.data());
    if (!exam.success) throw new HttpsError("failed-precondition", `Exam result ${snap.id} is malformed.`);
    if (!exam.data.passed) throw new HttpsError("failed-precondition", "Only a passed exam opens a logbook deadline.");
    if (exam.data.logbookSubmittedOn) {
      throw new HttpsError("failed-precondition", "The logbook was already submitted: there is no deadline to extend.");
    }
    return {
      ref: snap.ref,
      deadline: logbookDeadline({ ...exam.data, id: snap.id }, policy),
      status: exam.data.status,
    };
  }
  const snap = await ownDoc(db, tx, paths.certification(c.target.certificationId), uid, "uid", "certification");
  const cert = certificationSchema.safeParse(snap.data());
  if (!cert.success) throw new HttpsError("failed-precondition", `Certification ${snap.id} is malformed.`);
  if (cert.data.status === "renewed" || cert.data.status === "lapsed") {
    throw new HttpsError("failed-precondition", `Certification ${snap.id} is ${cert.data.status}: nothing to extend.`);
  }
  return {
    ref: snap.ref,
    deadline: recertificationWindow({ ...cert.data, id: snap.id }, policy).closesOn,
    status: cert.data.status,
  };
}

export interface ContentFacts {
  applicationId: string | null;
  excludedDeciders: string[];
  /** The submission appealed (logbook appeal). */
  submission: number | null;
}

/** Checks a request's content against the facts; `first` is its first sending (deadlines and windows apply then). */
export async function checkContent(
  db: Firestore,
  tx: Transaction,
  uid: string,
  content: RequestContent,
  today: IsoDate,
  policy: Policy,
  { first }: { first: boolean },
): Promise<ContentFacts> {
  const none: ContentFacts = { applicationId: null, excludedDeciders: [], submission: null };
  switch (content.kind) {
    case "extension": {
      precondition(extensionLengthProblem(content.requestedMonths, policy));
      const { deadline } = await extensionDeadline(db, tx, uid, content, policy);
      if (first) precondition(extensionTimingProblem(today, deadline));
      if (content.letterSupervisorUid === uid) {
        throw new HttpsError("failed-precondition", "The letter must be signed by a supervisor, not by the candidate.");
      }
      const sup = await tx.get(db.doc(paths.supervisor(content.letterSupervisorUid)));
      if (!sup.exists) {
        throw new HttpsError(
          "failed-precondition",
          `The letter's signatory ${content.letterSupervisorUid} is not a registered supervisor.`,
        );
      }
      return none;
    }
    case "remote-supervision": {
      const snap = await tx.get(db.doc(paths.supervisor(content.remoteSupervisorUid)));
      const entry = snap.exists ? supervisorEntrySchema.safeParse(snap.data()) : null;
      precondition(
        remoteSupervisorProblem(
          entry?.success ? { level3From: entry.data.level3From, level3Until: entry.data.level3Until ?? null } : null,
          today,
          uid,
          content.remoteSupervisorUid,
        ),
      );
      return none;
    }
    case "special-circumstances": {
      const snap = await ownDoc(db, tx, paths.application(content.applicationId), uid, "ownerUid", "application");
      const app = applicationFieldsSchema.parse(snap.data());
      if (!["draft", "returned"].includes(app.status)) {
        throw new HttpsError(
          "failed-precondition",
          `Application ${snap.id} is ${app.status}: only an application being prepared can be considered.`,
        );
      }
      return { ...none, applicationId: content.applicationId };
    }
    case "logbook-appeal": {
      const snap = await ownDoc(db, tx, paths.application(content.applicationId), uid, "ownerUid", "application");
      const app = applicationFieldsSchema.parse(snap.data());
      const round = await originalDeciders(db, tx, content.applicationId);
      if (app.status !== "failed" || !round || round.outcome !== "failed") {
        throw new HttpsError("failed-precondition", "Only a failed logbook decision can be appealed.");
      }
      if (first) precondition(appealWindowProblem(today, round.appealBy ?? today));
      return { applicationId: content.applicationId, excludedDeciders: round.excluded, submission: round.submission };
    }
    case "exam-appeal": {
      const snap = await ownDoc(db, tx, paths.examResult(content.examResultId), uid, "uid", "exam result");
      const exam = examFieldsSchema.safeParse(snap.data());
      if (!exam.success) throw new HttpsError("failed-precondition", `Exam result ${snap.id} is malformed.`);
      if (first) precondition(appealWindowProblem(today, examAppealBy(exam.data.resultDate, policy)));
      return none;
    }
  }
}

export interface EffectInput {
  id: string;
  req: RequestDoc;
  decision: Extract<DecisionInput, { outcome: "granted" }>;
  decider: string;
  today: IsoDate;
  now: Date;
  policy: Policy;
}

export interface Effect {
  /** Recorded in the request's decision. */
  recorded: Record<string, unknown>;
  /** For the messages. */
  text: string | null;
  write: () => void;
}

const invalid = (message: string) => new HttpsError("invalid-argument", message);

/** What a grant changes, read now and written by `write`. */
export async function prepareEffect(db: Firestore, tx: Transaction, e: EffectInput): Promise<Effect> {
  const { req, decision } = e;
  const content = req.content;
  const noEffect = (recorded: Record<string, unknown> = {}, text: string | null = null): Effect => ({
    recorded,
    text,
    write: () => undefined,
  });
  switch (content.kind) {
    case "extension": {
      const problem = grantedMonthsProblem(decision.grantedMonths, content.requestedMonths);
      if (problem) throw invalid(`${problem}.`);
      const months = decision.grantedMonths!;
      const { ref, deadline, status } = await extensionDeadline(db, tx, req.candidateUid, content, e.policy);
      const until = extendedUntil(deadline, months);
      // Decided after the deadline it extends had passed: the daily job may have closed what it opened.
      const reopened =
        content.target.deadline === "logbook" && status === "expired-for-logbook"
          ? await tx.get(
              db
                .collection(COLLECTIONS.applications)
                .where("examResultId", "==", content.target.examResultId)
                .where("ownerUid", "==", req.candidateUid)
                .where("status", "==", "expired"),
            )
          : null;
      return {
        recorded: { grantedMonths: months, grantedUntil: until },
        text: `The ${content.target.deadline} deadline is now ${until} (${months} month(s) granted).`,
        write: () => {
          tx.update(ref, {
            extensionGrantedUntil: until,
            extensionRequestId: e.id,
            ...(reopened ? { status: "passed" } : {}),
          });
          for (const app of reopened?.docs ?? []) tx.update(app.ref, { status: "draft", reopenedByRequest: e.id });
        },
      };
    }
    case "remote-supervision":
      // The engine reads granted remote-supervision requests (logbook/application-repository.ts).
      return noEffect(
        { covers: { supervisorId: content.remoteSupervisorUid, from: content.from, to: content.to } },
        `Cases and training supervised remotely by ${content.remoteSupervisorUid} from ${content.from} to ${content.to} now count.`,
      );
    case "special-circumstances": {
      if (!decision.policyOverride) return noEffect({ policyOverride: null });
      const checked = checkPolicyOverrideValue(decision.policyOverride, e.policy);
      if (!checked.ok) throw invalid(checked.problem);
      return noEffect(
        { policyOverride: decision.policyOverride },
        `For application ${content.applicationId} the policy is changed as follows: ${JSON.stringify(decision.policyOverride)}.`,
      );
    }
    case "logbook-appeal": {
      const write = await overturnOnAppeal(
        db,
        tx,
        content.applicationId,
        { requestId: e.id, by: e.decider, reason: decision.reason },
        e.now,
      );
      return { recorded: {}, text: "The logbook is accepted: the certification follows.", write };
    }
    case "exam-appeal": {
      if (!decision.remark) throw invalid("A re-marked exam appeal gives remark: the new score and pass mark.");
      const ref = db.doc(paths.examResult(content.examResultId));
      const snap = await tx.get(ref);
      const exam = examFieldsSchema.safeParse(snap.data());
      if (!exam.success)
        throw new HttpsError("failed-precondition", `Exam result ${content.examResultId} is malformed.`);
      const { update, history } = remarkedResult(exam.data, decision.remark, e.today, e.id);
      return {
        recorded: { remark: { ...decision.remark, passed: update.passed, resultDate: update.resultDate } },
        text: update.passed
          ? `Re-marked: ${update.score} (pass mark ${update.passMark}), passed; the logbook deadline runs from ${update.resultDate}.`
          : `Re-marked: ${update.score} (pass mark ${update.passMark}), not passed.`,
        write: () => tx.update(ref, { ...update, history: FieldValue.arrayUnion(history) }),
      };
    }
  }
}

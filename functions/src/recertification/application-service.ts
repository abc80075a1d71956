// Opening, submitting and withdrawing a recertification application. Each
// runs in one transaction, so a status is never changed on a stale read.
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { evidenceProblems, freezeIn } from "../evidence/index.js";
import { addDaysIso, calendarDateIn, PROGRAMME_TIME_ZONE, type IsoDate } from "../platform/domain/dates.js";
import { recipientOf } from "../platform/outbox.js";
import { paths } from "../platform/paths.js";
import { loadPolicy } from "../platform/policy-repository.js";
import { transactionReader } from "../platform/reader.js";
import {
  applicationIdFor,
  checkOpening,
  CLOSED_RECERTIFICATION_STATUSES,
  feeFor,
  type RecertificationStatus,
} from "./domain/application.js";
import { evaluateRecertification } from "./domain/requirements.js";
import { loadRecertification, readApplication, readCertification } from "./recertification-repository.js";
import { recertificationLogs } from "./recertification-logs.js";

/** Appends one event to the application's history (deterministic id: a retry rewrites the same event). */
export function appendRecertificationHistory(
  db: Firestore,
  tx: Transaction,
  appId: string,
  id: string,
  fields: Record<string, unknown>,
) {
  tx.set(db.doc(`${paths.recertificationPart(appId, "history")}/${id}`), {
    at: FieldValue.serverTimestamp(),
    ...fields,
  });
}

const OPEN_CODES = {
  "not-yours": "permission-denied",
  lapsed: "failed-precondition",
  "window-closed": "failed-precondition",
  "not-yet-open": "failed-precondition",
  renewed: "failed-precondition",
  revoked: "failed-precondition",
} as const;

/**
 * Opens the application for `certId` (one at a time per certification; the
 * same call twice returns the open one). Stops the reminders and the lapse.
 */
export async function openApplication(db: Firestore, certId: string, uid: string, now: Date) {
  const today = calendarDateIn(PROGRAMME_TIME_ZONE, now);
  const result = await db.runTransaction(async (tx) => {
    const reader = transactionReader(tx);
    const cert = await readCertification(reader, db, certId);
    const policy = await loadPolicy(db, reader);
    const check = checkOpening(cert, uid, today, policy);
    if (!check.ok) throw new HttpsError(OPEN_CODES[check.reason], check.message, { reason: check.reason });
    if (cert.recertificationApplicationId) {
      const current = await readApplication(reader, db, cert.recertificationApplicationId);
      if (!(CLOSED_RECERTIFICATION_STATUSES as readonly string[]).includes(current.status)) {
        return { applicationId: cert.recertificationApplicationId, created: false, fee: current.fee, ...check };
      }
    }
    const attempt = cert.recertificationAttempts + 1;
    const appId = applicationIdFor(certId, attempt);
    const { tier } = await recipientOf(db, tx, uid);
    const fee = feeFor(tier, policy);
    tx.create(db.doc(paths.recertification(appId)), {
      uid,
      certificationId: certId,
      attempt,
      level: cert.level,
      status: "awaiting-payment" satisfies RecertificationStatus,
      openedOn: today,
      window: { opensOn: check.opensOn, closesOn: check.closesOn },
      fee: { tier: fee.tier, amountMinor: fee.amountMinor, currency: fee.currency },
      paid: null,
      checklist: null,
      letterEvidenceId: null,
      submission: 0,
      createdAt: FieldValue.serverTimestamp(),
      updatedAt: FieldValue.serverTimestamp(),
    });
    // The open application stops the reminders; the job looks again the day
    // after the window closes, to lapse both unless it was submitted (domain/reminders.ts).
    tx.update(db.doc(paths.certification(certId)), {
      recertificationApplicationId: appId,
      recertificationAttempts: attempt,
      nextActionOn: addDaysIso(check.closesOn, 1),
    });
    appendRecertificationHistory(db, tx, appId, "000-opened", { event: "opened", by: uid, on: today });
    return {
      applicationId: appId,
      created: true,
      fee: { tier: fee.tier, amountMinor: fee.amountMinor, currency: fee.currency },
      ...check,
    };
  });
  if (result.created) recertificationLogs.opened(result.applicationId, certId);
  return result;
}

/** Closes an application (refused or withdrawn): the certification's reminders and lapse resume from `today`. */
export function releaseCertification(db: Firestore, tx: Transaction, certId: string, today: IsoDate) {
  tx.update(db.doc(paths.certification(certId)), {
    recertificationApplicationId: null,
    recertificationSubmitted: false,
    nextActionOn: today,
  });
}

/**
 * Judges the application today inside a transaction; when eligible and every
 * evidence file is accepted, freezes what was judged as a snapshot and sets
 * the status to submitted, for the committee.
 */
export async function submitApplication(db: Firestore, appId: string, uid: string, now: Date) {
  const today = calendarDateIn(PROGRAMME_TIME_ZONE, now);
  const result = await db.runTransaction(async (tx) => {
    const reader = transactionReader(tx);
    const loaded = await loadRecertification(reader, db, appId, today);
    const { app } = loaded;
    if (app.uid !== uid)
      throw new HttpsError("permission-denied", `Recertification application ${appId} is not yours.`);
    if (app.status !== "open") {
      const why = app.status === "awaiting-payment" ? "the fee is not paid yet" : `it is ${app.status}`;
      throw new HttpsError("failed-precondition", `Cannot submit recertification application ${appId}: ${why}.`);
    }
    const policy = await loadPolicy(db, reader);
    // No late submissions: the window (with any extension) counts, not the day the application was opened.
    const inWindow = checkOpening(loaded.certification, uid, today, policy);
    if (!inWindow.ok) throw new HttpsError(OPEN_CODES[inWindow.reason], inWindow.message, { reason: inWindow.reason });
    const report = evaluateRecertification(loaded.input, policy);
    const missing = evidenceProblems(loaded.references, loaded.evidenceRecords, appId);
    if (!report.eligible || missing.length > 0) {
      const errors = report.findings.filter((f) => f.severity === "error");
      const parts = [
        ...(errors.length ? [`${errors.length} requirement problem(s)`] : []),
        ...missing.map((m) => `${m.evidenceId} (${m.usedBy.join(", ")}: ${m.problem})`),
      ];
      throw new HttpsError("failed-precondition", `Cannot submit: ${parts.join("; ")}. Fix them and submit again.`, {
        findings: errors,
        missingEvidence: missing,
      });
    }
    const submission = app.submission + 1;
    tx.create(db.doc(`${paths.recertificationPart(appId, "snapshots")}/${submission}`), {
      submission,
      submittedBy: uid,
      submittedOn: today,
      submittedAt: FieldValue.serverTimestamp(),
      input: loaded.input,
      report,
      evidence: Object.fromEntries(
        [...loaded.evidenceRecords].map(([id, r]) => [id, { sha256: r.sha256 ?? null, path: r.path ?? null }]),
      ),
    });
    // As for logbooks: the files judged can no longer be replaced or deleted (Storage rules, upload check).
    for (const [id, record] of loaded.evidenceRecords) {
      const submittedIn = freezeIn(record.submittedIn, appId);
      if (submittedIn) tx.update(db.doc(paths.evidence(uid, id)), { submittedIn });
    }
    // Submitted in time: no lapse until the decision (a refusal clears the flag).
    tx.update(db.doc(paths.certification(app.certificationId)), { recertificationSubmitted: true });
    tx.update(db.doc(paths.recertification(appId)), {
      status: "submitted",
      submission,
      submittedOn: today,
      reviewersRequired: policy.recertification.applicationReviewers,
      updatedAt: FieldValue.serverTimestamp(),
    });
    appendRecertificationHistory(db, tx, appId, `${String(submission).padStart(3, "0")}-submitted`, {
      event: "submitted",
      submission,
      on: today,
    });
    return { submission, report };
  });
  recertificationLogs.submitted(appId, result.submission);
  return result;
}

/** The holder withdraws before submission (or the certification team for them): the lapse resumes. */
export async function withdrawApplication(db: Firestore, appId: string, uid: string, asTeam: boolean, now: Date) {
  const today = calendarDateIn(PROGRAMME_TIME_ZONE, now);
  await db.runTransaction(async (tx) => {
    const app = await readApplication(transactionReader(tx), db, appId);
    if (!asTeam && app.uid !== uid) {
      throw new HttpsError("permission-denied", `Recertification application ${appId} is not yours.`);
    }
    if (app.status !== "awaiting-payment" && app.status !== "open") {
      throw new HttpsError(
        "failed-precondition",
        `Cannot withdraw recertification application ${appId}: it is ${app.status}.`,
      );
    }
    tx.update(db.doc(paths.recertification(appId)), {
      status: "withdrawn",
      withdrawnOn: today,
      updatedAt: FieldValue.serverTimestamp(),
    });
    releaseCertification(db, tx, app.certificationId, today);
    appendRecertificationHistory(db, tx, appId, "999-withdrawn", { event: "withdrawn", by: uid, on: today });
  });
}

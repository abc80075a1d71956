// Submission, withdrawal and return for modification. Each runs in one
// transaction, so a status is never changed on a stale read.
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import {
  applicationSchema,
  EDITABLE_STATUSES,
  judgeApplication,
  type Application,
  type ApplicationDocs,
  type ApplicationStatus,
  type LiveReport,
} from "./domain/application-docs.js";
import { calendarDateIn, PROGRAMME_TIME_ZONE } from "../platform/domain/dates.js";
import { loadApplicationDocs, transactionReader } from "./application-repository.js";
import { logs } from "../platform/logs.js";
import { loadPolicy } from "../platform/policy-repository.js";
import { paths } from "../platform/paths.js";

async function readApplication(db: Firestore, tx: Transaction, appId: string): Promise<Application> {
  const snap = await tx.get(db.doc(paths.application(appId)));
  if (!snap.exists) throw new HttpsError("not-found", `Application ${appId} does not exist.`);
  const parsed = applicationSchema.safeParse(snap.data());
  if (!parsed.success) {
    throw new HttpsError("failed-precondition", `Application ${appId} is malformed; its live report says what to fix.`);
  }
  return parsed.data;
}

function assertOwner(app: Application, uid: string, appId: string) {
  if (app.ownerUid !== uid) throw new HttpsError("permission-denied", `Application ${appId} is not yours.`);
}

function assertStatus(app: Application, allowed: readonly ApplicationStatus[], action: string) {
  if (!allowed.includes(app.status)) {
    throw new HttpsError("failed-precondition", `Cannot ${action} an application whose status is "${app.status}".`);
  }
}

/** The evidence records named by the application's documents that exist. */
async function lockableEvidence(db: Firestore, tx: Transaction, docs: ApplicationDocs, owner: string) {
  const field = (data: unknown, key: string) => (data as Record<string, unknown> | undefined)?.[key];
  const ids = new Set<unknown>([
    ...docs.cme.map((d) => field(d.data, "certificateId")),
    ...docs.recognition.map((d) => field(d.data, "evidenceId")),
    field(field(docs.profile?.data, "acls"), "evidenceId"),
  ]);
  const refs = [...ids]
    .filter((id): id is string => typeof id === "string" && /^[^/]{1,128}$/.test(id))
    .map((id) => db.doc(paths.evidence(owner, id)));
  if (refs.length === 0) return [];
  return (await tx.getAll(...refs)).filter((snap) => snap.exists).map((snap) => snap.ref);
}

export interface SubmitResult {
  submission: number;
  report: LiveReport;
}

/**
 * Judges the application at today's date inside a transaction; when eligible,
 * stores the bundle and the report as an immutable snapshot and sets the
 * status to submitted. The snapshot is exactly what was judged.
 */
export async function submitApplication(db: Firestore, appId: string, uid: string, now: Date): Promise<SubmitResult> {
  const result = await db.runTransaction(async (tx) => {
    // Checked before the logbook is loaded, so a refused call costs one read.
    const app = await readApplication(db, tx, appId);
    assertOwner(app, uid, appId);
    assertStatus(app, EDITABLE_STATUSES, "submit");
    const loaded = await loadApplicationDocs(db, appId, transactionReader(tx));
    if (!loaded) throw new HttpsError("not-found", `Application ${appId} does not exist.`);
    const policy = await loadPolicy(db, transactionReader(tx));
    const today = calendarDateIn(PROGRAMME_TIME_ZONE, now);
    const { report, bundle } = judgeApplication(loaded.docs, today, policy);
    if (!report.eligible || !bundle) {
      const errors = report.findings.filter((f) => f.severity === "error");
      throw new HttpsError(
        "failed-precondition",
        `The application does not meet the requirements yet (${errors.length} problem(s)); fix them and submit again.`,
        { findings: errors },
      );
    }
    const evidence = await lockableEvidence(db, tx, loaded.docs, app.ownerUid);
    const submission = (app.submissionCount ?? 0) + 1;
    tx.create(db.doc(`${paths.snapshots(appId)}/${submission}`), {
      submission,
      submittedBy: uid,
      submittedAt: FieldValue.serverTimestamp(),
      bundle,
      report,
    });
    // Storage rules refuse to overwrite or delete evidence marked this way.
    for (const ref of evidence) tx.update(ref, { submittedIn: appId });
    // The exam's logbook deadline is met: its reminders stop.
    const exam = loaded.docs.exam;
    if (exam && (exam.data as { uid?: unknown }).uid === app.ownerUid) {
      tx.update(db.doc(exam.path), { logbookSubmittedOn: today, nextActionOn: null });
    }
    tx.update(db.doc(paths.application(appId)), {
      status: "submitted",
      submittedOn: today,
      submissionCount: submission,
      submittedAt: FieldValue.serverTimestamp(),
      returnReasons: FieldValue.delete(),
    });
    return { submission, report };
  });
  logs.applicationSubmitted(appId, result.submission);
  return result;
}

/** The candidate withdraws before the committee's decision. */
export async function withdrawApplication(db: Firestore, appId: string, uid: string): Promise<void> {
  const from = await db.runTransaction(async (tx) => {
    const app = await readApplication(db, tx, appId);
    assertOwner(app, uid, appId);
    assertStatus(app, ["draft", "submitted", "returned"], "withdraw");
    tx.update(db.doc(paths.application(appId)), { status: "withdrawn", withdrawnAt: FieldValue.serverTimestamp() });
    return app.status;
  });
  logs.applicationStatusChanged(appId, from, "withdrawn");
}

/** The committee sends a submitted logbook back; earlier snapshots are kept. */
export async function returnForModification(
  db: Firestore,
  appId: string,
  by: string,
  reasons: string[],
): Promise<void> {
  await db.runTransaction(async (tx) => {
    const app = await readApplication(db, tx, appId);
    assertStatus(app, ["submitted"], "return");
    tx.update(db.doc(paths.application(appId)), {
      status: "returned",
      returnReasons: reasons,
      returnedBy: by,
      returnedAt: FieldValue.serverTimestamp(),
    });
  });
  logs.applicationStatusChanged(appId, "submitted", "returned");
}

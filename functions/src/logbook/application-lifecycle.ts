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
  type Doc,
  type LiveReport,
} from "./domain/application-docs.js";
import { calendarDateIn, PROGRAMME_TIME_ZONE } from "../platform/domain/dates.js";
import { loadApplicationDocs, transactionReader } from "./application-repository.js";
import { evidenceProblems, freezeIn, type EvidenceProblem, type EvidenceReference } from "../evidence/index.js";
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

/** Every evidence id the application's documents name: CME certificates, peer-recognition proofs, the ACLS certificate. */
function evidenceReferences(docs: ApplicationDocs): EvidenceReference[] {
  const field = (data: unknown, key: string) => (data as Record<string, unknown> | undefined)?.[key];
  const named = (doc: Doc, key: string, usedBy: string) => {
    const id = field(doc.data, key);
    return typeof id === "string" ? [{ evidenceId: id, usedBy }] : [];
  };
  const acls = docs.profile
    ? named({ ...docs.profile, data: field(docs.profile.data, "acls") }, "evidenceId", "profile (ACLS)")
    : [];
  return [
    ...docs.cme.flatMap((d) => named(d, "certificateId", `cme/${d.id}`)),
    ...docs.recognition.flatMap((d) => named(d, "evidenceId", `recognition/${d.id}`)),
    ...acls,
  ];
}

/** The owner's evidence records for the referenced ids (only well-formed ids are looked up). */
async function readEvidence(db: Firestore, tx: Transaction, references: EvidenceReference[], owner: string) {
  const ids = [...new Set(references.map((r) => r.evidenceId))].filter((id) => /^[A-Za-z0-9_-]{1,128}$/.test(id));
  const snaps = ids.length ? await tx.getAll(...ids.map((id) => db.doc(paths.evidence(owner, id)))) : [];
  return new Map(snaps.filter((snap) => snap.exists).map((snap) => [snap.id, snap]));
}

/** What a snapshot keeps of each evidence record. */
function frozenFacts(record: Record<string, unknown>) {
  const keep = ["path", "sha256", "size", "contentType", "generation"] as const;
  return Object.fromEntries(keep.map((key) => [key, record[key] ?? null]));
}

/** The refusal message: how many findings, and which evidence ids are missing and why. */
function refusal(errorCount: number, missing: EvidenceProblem[]): string {
  const parts: string[] = [];
  if (errorCount > 0) parts.push(`the application does not meet the requirements yet (${errorCount} problem(s))`);
  if (missing.length > 0) {
    const list = missing.map((m) => `${m.evidenceId} (${m.usedBy.join(", ")}: ${m.problem})`).join("; ");
    parts.push(`${missing.length} evidence file(s) are missing or not accepted: ${list}`);
  }
  return `Cannot submit: ${parts.join("; and ")}. Fix them and submit again.`;
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
    const references = evidenceReferences(loaded.docs);
    const evidence = await readEvidence(db, tx, references, app.ownerUid);
    const records = new Map([...evidence].map(([id, snap]) => [id, snap.data() ?? {}]));
    const missingEvidence = evidenceProblems(references, records, appId);
    const errors = report.findings.filter((f) => f.severity === "error");
    if (!report.eligible || !bundle || missingEvidence.length > 0) {
      throw new HttpsError("failed-precondition", refusal(errors.length, missingEvidence), {
        findings: errors,
        missingEvidence,
      });
    }
    const submission = (app.submissionCount ?? 0) + 1;
    tx.create(db.doc(`${paths.snapshots(appId)}/${submission}`), {
      submission,
      submittedBy: uid,
      submittedAt: FieldValue.serverTimestamp(),
      bundle,
      report,
      // The files as judged: graders compare them with what they download.
      evidence: Object.fromEntries([...records].map(([id, r]) => [id, frozenFacts(r)])),
    });
    // Storage rules refuse to create, overwrite or delete anything under a
    // frozen id, and the upload check never changes its record again. One
    // file may back several applications: each is added to the list.
    for (const [id, snap] of evidence) {
      const submittedIn = freezeIn(snap.get("submittedIn"), appId);
      if (submittedIn) tx.update(db.doc(paths.evidence(app.ownerUid, id)), { submittedIn });
    }
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

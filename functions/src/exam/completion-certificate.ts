// The certificate of completion of the written exam: for every examResults
// document of a released session that is passed and has none yet, a PDF in
// Storage and a message with it attached. Keyed on the result document (its
// `completionCertificateIssuedAt`), so a result re-marked from failed to
// passed by an appeal also gets exactly one, and a rerun adds nothing.
import { FieldValue, type DocumentSnapshot, type Firestore } from "firebase-admin/firestore";
import { completionCertificatePdf, pdfAttachment, storageAvailable, storePdf } from "../grading/index.js";
import { prepareMessages, recipientOf } from "../platform/outbox.js";
import { paths } from "../platform/paths.js";
import { completionMail, examMailIds } from "./domain/letters.js";
import { examLogs } from "./exam-logs.js";
import { examPaths } from "./paths.js";

/** Whether this result document should get its certificate now. */
export function needsCompletionCertificate(result: DocumentSnapshot | undefined): boolean {
  return Boolean(
    result?.exists &&
    result.get("passed") === true &&
    typeof result.get("sessionId") === "string" &&
    typeof result.get("uid") === "string" &&
    !result.get("completionCertificateIssuedAt"),
  );
}

async function holderName(db: Firestore, sessionId: string, uid: string): Promise<string> {
  const [registration, profile] = await db.getAll(
    db.doc(examPaths.registration(sessionId, uid)),
    db.doc(paths.user(uid)),
  );
  const given = registration.get("givenNames");
  const family = registration.get("familyName");
  if (typeof given === "string" && typeof family === "string") return `${given} ${family}`;
  const display = profile.get("displayName");
  return typeof display === "string" && display ? display : "(name not recorded)";
}

export async function issueCompletionCertificate(db: Firestore, resultId: string): Promise<boolean> {
  const ref = db.doc(paths.examResult(resultId));
  const first = await ref.get();
  if (!needsCompletionCertificate(first)) return false;
  const uid = first.get("uid") as string;
  const sessionId = first.get("sessionId") as string;
  const sittingDate = first.get("sittingDate") as string;
  const pdf = await completionCertificatePdf({
    name: await holderName(db, sessionId, uid),
    sittingDate,
    resultDate: first.get("resultDate"),
    reference: resultId,
  });
  // The path is fixed: two overlapping runs write the same object.
  const path = examPaths.completionCertificate(uid, resultId);
  const stored = storageAvailable();
  if (stored) await storePdf(path, pdf);
  return db.runTransaction(async (tx) => {
    const current = await tx.get(ref);
    if (!needsCompletionCertificate(current)) {
      examLogs.completionCertificateSkipped(resultId);
      return false;
    }
    const { recipient } = await recipientOf(db, tx, uid);
    const msg = {
      ...completionMail(sittingDate),
      attachments: [pdfAttachment(`cmr-exam-completion-${resultId}.pdf`, pdf)],
    };
    const out = await prepareMessages(
      db,
      tx,
      recipient,
      [{ id: examMailIds.certificate(resultId), msg }],
      `exam result ${resultId}`,
    );
    tx.update(ref, {
      completionCertificatePath: stored ? path : null,
      completionCertificateBytes: pdf.length,
      completionCertificateIssuedAt: FieldValue.serverTimestamp(),
    });
    out.send();
    examLogs.completionCertificateIssued(resultId, stored, pdf.length);
    return true;
  });
}

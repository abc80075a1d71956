import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { firestore } from "../../platform/firestore.js";
import { issueCompletionCertificate, needsCompletionCertificate } from "../completion-certificate.js";
import { examLogs } from "../exam-logs.js";

/** A passed result of a released session (new, or re-marked by an appeal) gets its certificate of completion once. */
export const completionCertificateOnExamResult = onDocumentWritten("examResults/{resultId}", async (event) => {
  if (!needsCompletionCertificate(event.data?.after)) return;
  try {
    await issueCompletionCertificate(firestore(), event.params.resultId);
  } catch (error) {
    examLogs.completionCertificateFailed(event.params.resultId, error);
    throw error; // with retries enabled in production, the certificate is tried again
  }
});

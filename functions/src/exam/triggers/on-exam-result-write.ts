import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { firestore } from "../../platform/firestore.js";
import { issueCompletionCertificate, needsCompletionCertificate } from "../completion-certificate.js";

/** A passed result of a released session (new, or re-marked by an appeal) gets its certificate of completion once. */
export const completionCertificateOnExamResult = onDocumentWritten("examResults/{resultId}", async (event) => {
  if (!needsCompletionCertificate(event.data?.after)) return;
  await issueCompletionCertificate(firestore(), event.params.resultId);
});

// The deployed functions. Initialisation and global options only; each
// feature's index.ts names its entry points (docs/architecture in README).
import { initializeApp } from "firebase-admin/app";
import { setGlobalOptions } from "firebase-functions/v2";
import { REGION } from "./platform/region.js";

// The emulator has no metadata server to say which service account enqueues
// Cloud Tasks; name one so that the Admin SDK does not go looking.
initializeApp(
  process.env.FUNCTIONS_EMULATOR === "true"
    ? { serviceAccountId: `emulated@${process.env.GCLOUD_PROJECT}.iam.gserviceaccount.com` }
    : undefined,
);
setGlobalOptions({ region: REGION, maxInstances: 10 });

export {
  logbookDeadlines,
  onApplicationDeleted,
  recomputeReport,
  returnForModification,
  revalidateOnApplicationWrite,
  revalidateOnCertificationWrite,
  revalidateOnExamResultWrite,
  revalidateOnLogbookWrite,
  revalidateOnProfileWrite,
  revalidateOnSupervisorWrite,
  submitApplication,
  withdrawApplication,
} from "./logbook/index.js";
export { checkEvidenceUpload, markEvidenceDeleted } from "./evidence/index.js";
// --- recertification (issue 13) ---
export {
  answerRecertificationQuestion,
  askRecertificationQuestion,
  decideRecertification,
  deliverCertificateOnRenewal,
  openRecertification,
  recertificationOnPayment,
  recertificationReminders,
  recordRecertificationBankTransfer,
  revalidateRecertification,
  revalidateRecertificationCme,
  submitRecertification,
  withdrawRecertification,
} from "./recertification/index.js";
// --- end recertification ---
export { committeeDigest } from "./digest/index.js";
export { setRole } from "./accounts/index.js";
export { exportMyData, requestErasure, retentionJob } from "./privacy/index.js";
export { scheduleCertification, scheduleExamResult } from "./platform/jobs/schedule-dated-documents.js";
export {
  answerQuestion,
  answerRandomCheck,
  askQuestion,
  decideAsChair,
  deliverCertificateOnAward,
  gradeApplication,
  gradingOnApplicationStatus,
  reassignGrader,
  revokeCertification,
  syncRegisterOnCertificationWrite,
  verifyCertificate,
} from "./grading/index.js";
// ---------- exam (issue 12) ----------
export {
  approveExamResults,
  cancelExamRegistration,
  completionCertificateOnExamResult,
  createExamSession,
  examResultsRelease,
  exportExamRegistrations,
  getExamReport,
  importExamFile,
  prepareExamResults,
  recordExamAbsences,
  recordExamItemDecisions,
  registerForExam,
  rescoreExam,
  setExamPassMark,
  setExamReleaseDate,
  verifyExamResults,
} from "./exam/index.js";
export { checkLogbookAccess } from "./logbook/index.js";
// --- requests (functions/src/requests) ---
export {
  decideRequest,
  onRequestWrite,
  requestChanges,
  resubmitRequest,
  submitRequest,
  withdrawRequest,
} from "./requests/index.js";

// The deployed functions. Initialisation and global options only; each
// function lives in its own file.
import { initializeApp } from "firebase-admin/app";
import { setGlobalOptions } from "firebase-functions/v2";
import { REGION } from "./infra/tasks.js";

// The emulator has no metadata server to say which service account enqueues
// Cloud Tasks; name one so that the Admin SDK does not go looking.
initializeApp(
  process.env.FUNCTIONS_EMULATOR === "true"
    ? { serviceAccountId: `emulated@${process.env.GCLOUD_PROJECT}.iam.gserviceaccount.com` }
    : undefined,
);
setGlobalOptions({ region: REGION, maxInstances: 10 });

export { revalidateOnApplicationWrite, revalidateOnLogbookWrite } from "./triggers/revalidate-application.js";
export { revalidateOnProfileWrite } from "./triggers/revalidate-on-profile-write.js";
export { recomputeReport } from "./tasks/recompute-report.js";
export { submitApplication } from "./callables/submit-application.js";
export { withdrawApplication } from "./callables/withdraw-application.js";
export { returnForModification } from "./callables/return-for-modification.js";
export { setRole } from "./callables/set-role.js";
export { checkEvidenceUpload } from "./storage/check-evidence-upload.js";
export { recertificationReminders } from "./schedules/recertification-reminders.js";
export { logbookDeadlines } from "./schedules/logbook-deadlines.js";
export { committeeDigest } from "./schedules/committee-digest.js";
export { scheduleCertification, scheduleExamResult } from "./triggers/schedule-dated-documents.js";
export {
  revalidateOnCertificationWrite,
  revalidateOnExamResultWrite,
  revalidateOnSupervisorWrite,
} from "./triggers/revalidate-on-registry-write.js";

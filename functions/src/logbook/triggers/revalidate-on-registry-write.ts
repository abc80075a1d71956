// Reports also depend on documents the candidate does not write: a supervisor's
// Level 3 dates, the exam result, the Level 2 certification. When one changes,
// the editable applications that use it are revalidated.
import { isDeepStrictEqual } from "node:util";
import type { DocumentSnapshot, Query } from "firebase-admin/firestore";
import { onDocumentWritten, type Change } from "firebase-functions/v2/firestore";
import { firestore } from "../../platform/firestore.js";
import { COLLECTIONS } from "../../platform/paths.js";
import { enqueueRevalidation } from "../revalidation-queue.js";
import { revalidateEditable } from "../revalidation.js";
import { writeEventOf } from "./revalidate-application.js";

/** A write that changed nothing (a seed or import rewriting the same data) changes no report. */
const unchanged = (change: Change<DocumentSnapshot> | undefined) =>
  isDeepStrictEqual(change?.before.data(), change?.after.data());

async function revalidateAll(event: { id: string; data?: Change<DocumentSnapshot> }, applications: Query) {
  if (unchanged(event.data)) return;
  await revalidateEditable(firestore(), applications, writeEventOf(event), enqueueRevalidation);
}

const applications = () => firestore().collection(COLLECTIONS.applications);

export const revalidateOnSupervisorWrite = onDocumentWritten("supervisors/{uid}", (event) =>
  revalidateAll(event, applications().where("supervisorIds", "array-contains", event.params.uid)),
);

export const revalidateOnExamResultWrite = onDocumentWritten("examResults/{examId}", (event) =>
  revalidateAll(event, applications().where("examResultId", "==", event.params.examId)),
);

export const revalidateOnCertificationWrite = onDocumentWritten("certifications/{certId}", (event) =>
  revalidateAll(event, applications().where("level2CertificationId", "==", event.params.certId)),
);

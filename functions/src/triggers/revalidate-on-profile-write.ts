// A candidate's registration and ACLS live in their profile: a change there
// revalidates their editable applications.
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { EDITABLE_STATUSES } from "../domain/application-docs.js";
import { firestore } from "../infra/firestore.js";
import { COLLECTIONS } from "../infra/paths.js";
import { enqueueRevalidation } from "../infra/tasks.js";
import { requestRevalidation } from "../services/revalidation.js";

export const revalidateOnProfileWrite = onDocumentWritten("users/{uid}", async (event) => {
  const db = firestore();
  const applications = await db
    .collection(COLLECTIONS.applications)
    .where("ownerUid", "==", event.params.uid)
    .where("status", "in", [...EDITABLE_STATUSES])
    .get();
  await Promise.all(applications.docs.map((doc) => requestRevalidation(db, doc.id, enqueueRevalidation)));
});

// A candidate's registration and ACLS live in their profile: a change there
// revalidates their editable applications.
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { firestore } from "../infra/firestore.js";
import { COLLECTIONS } from "../infra/paths.js";
import { enqueueRevalidation } from "../infra/tasks.js";
import { revalidateEditable } from "../services/revalidation.js";

export const revalidateOnProfileWrite = onDocumentWritten("users/{uid}", async (event) => {
  const db = firestore();
  const owned = db.collection(COLLECTIONS.applications).where("ownerUid", "==", event.params.uid);
  await revalidateEditable(db, owned, enqueueRevalidation);
});

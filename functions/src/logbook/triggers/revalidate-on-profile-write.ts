// A candidate's registration and ACLS live in their profile: a change there
// revalidates their editable applications.
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { firestore } from "../../platform/firestore.js";
import { COLLECTIONS } from "../../platform/paths.js";
import { enqueueRevalidation } from "../revalidation-queue.js";
import { revalidateEditable } from "../revalidation.js";
import { writeEventOf } from "./revalidate-application.js";

export const revalidateOnProfileWrite = onDocumentWritten("users/{uid}", async (event) => {
  const db = firestore();
  const owned = db.collection(COLLECTIONS.applications).where("ownerUid", "==", event.params.uid);
  await revalidateEditable(db, owned, writeEventOf(event), enqueueRevalidation);
});

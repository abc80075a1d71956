// For other features whose documents change reports (functions/src/requests):
// revalidates every editable application of one candidate.
import type { Firestore } from "firebase-admin/firestore";
import { COLLECTIONS } from "../platform/paths.js";
import { enqueueRevalidation } from "./revalidation-queue.js";
import { revalidateEditable, type WriteEvent } from "./revalidation.js";

export const revalidateApplicationsOf = (db: Firestore, ownerUid: string, event: WriteEvent) =>
  revalidateEditable(
    db,
    db.collection(COLLECTIONS.applications).where("ownerUid", "==", ownerUid),
    event,
    enqueueRevalidation,
  );

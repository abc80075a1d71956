// A deleted draft leaves nothing behind and its id is never used again. The
// client deletes the application together with its tombstone (firestore.rules
// refuses the delete otherwise, and refuses to create an application under a
// tombstoned id); this runs after the delete and removes every sub-collection
// (cases, CME, training, recognition, declarations, the live report).
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { logs } from "../platform/logs.js";
import { paths } from "../platform/paths.js";

/** deletedApplications/{appId}: who owned a deleted application, kept forever. */
export const tombstonePath = (appId: string) => `deletedApplications/${appId}`;

export async function cleanUpDeletedApplication(
  db: Firestore,
  appId: string,
  before: Record<string, unknown> | undefined,
): Promise<void> {
  const ownerUid = typeof before?.ownerUid === "string" ? before.ownerUid : null;
  // Written here too, for deletions that did not go through the rules (Admin
  // SDK, console): merge keeps the client's deletedAt.
  await db.doc(tombstonePath(appId)).set({ ownerUid, cleanedAt: FieldValue.serverTimestamp() }, { merge: true });
  // The application document is gone; this removes everything under its path.
  await db.recursiveDelete(db.doc(paths.application(appId)));
  logs.applicationStatusChanged(appId, String(before?.status ?? "unknown"), "deleted");
}

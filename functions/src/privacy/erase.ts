// The erasure primitives the retention job and the erasure request share, and
// the audit record each erasure leaves.
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { getAuth } from "firebase-admin/auth";
import { getStorage } from "firebase-admin/storage";
import { calendarDateIn, PROGRAMME_TIME_ZONE, type IsoDate } from "../platform/domain/dates.js";
import type { Retention } from "./domain/retention.js";
import { paths } from "../platform/paths.js";
import { PRIVACY_COLLECTIONS } from "./paths.js";

/** The little of Cloud Storage erasure needs (the default bucket in production). */
export interface FileStore {
  delete(path: string): Promise<void>;
}

export const storageFiles = (): FileStore => ({
  delete: async (path) => {
    await getStorage().bucket().file(path).delete({ ignoreNotFound: true });
  },
});

/** The sign-in account; an account already gone is not an error. */
export async function eraseAccount(uid: string): Promise<void> {
  try {
    await getAuth().deleteUser(uid);
  } catch (error) {
    if ((error as { code?: string }).code !== "auth/user-not-found") throw error;
  }
}

/** The Paris date of an instant stored as a Timestamp (null when absent). */
export const dayOf = (value: unknown): IsoDate | null =>
  value instanceof Timestamp ? calendarDateIn(PROGRAMME_TIME_ZONE, value.toDate()) : null;

/** An application, its logbook, reports, snapshots, grading records and revalidation bookkeeping. */
export async function eraseApplication(db: Firestore, appId: string): Promise<void> {
  await db.recursiveDelete(db.doc(paths.application(appId)));
  await db.recursiveDelete(db.doc(paths.grading(appId)));
  await db.recursiveDelete(db.doc(paths.revalidationState(appId)));
  await db.doc(paths.revalidationPending(appId)).delete();
}

/** The file first: if it cannot be deleted, the record stays so that the file is not lost track of. */
export async function eraseEvidence(
  db: Firestore,
  files: FileStore,
  uid: string,
  evidenceId: string,
  path: unknown,
): Promise<void> {
  if (typeof path === "string" && path) await files.delete(path);
  await db.doc(paths.evidence(uid, evidenceId)).delete();
}

/** Evidence ids the owner's profile or applications name (certificates, ACLS, recognition). */
export async function evidenceReferences(db: Firestore, uid: string): Promise<Set<string>> {
  const ids = new Set<string>();
  const add = (value: unknown) => typeof value === "string" && value && ids.add(value);
  add((await db.doc(paths.user(uid)).get()).get("acls.evidenceId"));
  const apps = await db.collection("applications").where("ownerUid", "==", uid).get();
  for (const app of apps.docs) {
    const [cme, recognition] = await Promise.all([
      db.collection(paths.part(app.id, "cme")).get(),
      db.collection(paths.part(app.id, "recognition")).get(),
    ]);
    for (const doc of [...cme.docs, ...recognition.docs]) {
      add(doc.get("certificateId"));
      add(doc.get("evidenceId"));
    }
  }
  return ids;
}

/** Frozen by a submission: `submittedIn` holds an application id (or a non-empty list of them). */
export const isFrozen = (submittedIn: unknown) =>
  Array.isArray(submittedIn) ? submittedIn.length > 0 : typeof submittedIn === "string" && submittedIn.length > 0;

export interface AuditEntry {
  kind: "retention" | "erasure-request";
  /** Ids and paths only: never names, e-mail addresses or content. */
  erased: { path: string; reason: string }[];
  kept: { path: string; reason: string; until: IsoDate | null }[];
  uid?: string;
  day: IsoDate;
}

/** Writes (or rewrites, for a rerun) the audit record `id`, kept for `auditYears`. */
export async function writeAudit(db: Firestore, id: string, entry: AuditEntry, r: Retention): Promise<void> {
  const expireAt = Timestamp.fromMillis(Date.now() + r.auditYears * 365.25 * 86_400_000);
  await db.doc(`${PRIVACY_COLLECTIONS.audit}/${id}`).set({ ...entry, at: FieldValue.serverTimestamp(), expireAt });
}

/** A document id made of a path (deterministic, so a rerun rewrites rather than duplicates). */
export const auditIdFor = (prefix: string, path: string) => `${prefix}-${path.replaceAll("/", "~")}`;

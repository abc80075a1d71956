// Checks each uploaded evidence object and records it in
// users/{uid}/evidence/{evidenceId}. A rejected object is moved to
// quarantine/ (out of the candidate's readable path) and the reason recorded;
// nothing accepted is ever deleted by the check. A record frozen by a
// submission (`submittedIn`) is never changed: an object uploaded under its
// id is quarantined instead. evidenceUsage/{uid} counts the user's live
// objects, so that the limits hold before anything is downloaded.
import { createHash } from "node:crypto";
import { FieldValue, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import {
  EVIDENCE_MAX_BYTES,
  evidenceNameProblem,
  frozenBy,
  inspectEvidence,
  isRecordableId,
  parseEvidencePath,
  quarantineName,
  usageProblem,
  type EvidencePath,
  type EvidenceUsage,
} from "./domain/evidence.js";
import { logs } from "../platform/logs.js";
import { paths } from "../platform/paths.js";

/** evidenceUsage/{uid}: the user's live evidence objects (server-written; storage.rules reads `count` and `bytes`). */
export const evidenceUsagePath = (uid: string) => `evidenceUsage/${uid}`;

/** The little of Cloud Storage this needs (a bucket in production). */
export interface ObjectStore {
  download(name: string): Promise<Buffer>;
  move(from: string, to: string): Promise<void>;
}

export interface UploadedObject {
  name: string;
  size: number;
  contentType?: string;
  generation: string;
}

export type DeletedObject = Pick<UploadedObject, "name" | "generation">;

function readUsage(data: unknown): EvidenceUsage {
  const objects = (data as { objects?: unknown } | undefined)?.objects;
  return { objects: typeof objects === "object" && objects !== null ? (objects as EvidenceUsage["objects"]) : {} };
}

/** The usage document: the objects by name, and their count and bytes for storage.rules. */
function usageDocument(usage: EvidenceUsage) {
  const entries = Object.values(usage.objects);
  return { objects: usage.objects, count: entries.length, bytes: entries.reduce((sum, o) => sum + o.size, 0) };
}

/**
 * Counts the object against the user's limits, or says why it may not be
 * kept. In a transaction, so that parallel uploads cannot all slip under the limit.
 */
async function reserve(db: Firestore, ownerUid: string, object: UploadedObject): Promise<string | null> {
  const ref = db.doc(evidenceUsagePath(ownerUid));
  return db.runTransaction(async (tx) => {
    const usage = readUsage((await tx.get(ref)).data());
    const problem = usageProblem(usage, object.name, object.size);
    if (problem) return problem;
    usage.objects[object.name] = { generation: object.generation, size: object.size };
    tx.set(ref, usageDocument(usage));
    return null;
  });
}

/** Forgets the object in the user's usage if this generation was counted. */
function release(usage: EvidenceUsage, object: DeletedObject): boolean {
  if (usage.objects[object.name]?.generation !== object.generation) return false;
  delete usage.objects[object.name];
  return true;
}

/**
 * Moves a refused object out of the candidate's path, stops counting it, and
 * tells the record why (`record` null: the record is not to be touched).
 */
async function quarantine(
  db: Firestore,
  store: ObjectStore,
  object: UploadedObject,
  path: EvidencePath,
  reason: string,
  record: DocumentReference | null,
): Promise<void> {
  await store.move(object.name, quarantineName(object.name));
  const usageRef = db.doc(evidenceUsagePath(path.ownerUid));
  await db.runTransaction(async (tx) => {
    const usage = readUsage((await tx.get(usageRef)).data());
    const snap = record ? await tx.get(record) : null;
    if (release(usage, object)) tx.set(usageRef, usageDocument(usage));
    // A record that a submission froze is never changed.
    if (!record || frozenBy(snap?.get("submittedIn")).length > 0) return;
    tx.set(
      record,
      {
        ownerUid: path.ownerUid,
        fileName: path.fileName,
        size: object.size,
        uploadedContentType: object.contentType ?? null,
        generation: object.generation,
        status: "rejected",
        reason,
        path: quarantineName(object.name),
        checkedAt: FieldValue.serverTimestamp(),
      },
      { merge: true },
    );
  });
  logs.evidenceChecked(path.ownerUid, path.evidenceId, record ? "rejected" : "refused");
}

const FROZEN = "the evidence id is frozen by a submitted application; upload under a new id";

export async function processEvidenceUpload(db: Firestore, store: ObjectStore, object: UploadedObject): Promise<void> {
  const path = parseEvidencePath(object.name);
  if (!path) return; // not evidence (quarantine/, other folders): not ours to judge

  // Names first: an id that is not a document id cannot even be recorded.
  const nameProblem = evidenceNameProblem(path);
  if (nameProblem) {
    const ref = isRecordableId(path.evidenceId) ? db.doc(paths.evidence(path.ownerUid, path.evidenceId)) : null;
    return quarantine(db, store, object, path, nameProblem, ref);
  }

  const ref = db.doc(paths.evidence(path.ownerUid, path.evidenceId));
  const existing = await ref.get();
  if (existing.get("generation") === object.generation) return; // redelivered event
  if (frozenBy(existing.get("submittedIn")).length > 0) {
    return quarantine(db, store, object, path, FROZEN, null);
  }

  const overLimit = await reserve(db, path.ownerUid, object);
  if (overLimit) return quarantine(db, store, object, path, overLimit, ref);

  // Oversized files are judged by their size alone: no need to download 10+ MB.
  const bytes = object.size > EVIDENCE_MAX_BYTES ? Buffer.alloc(0) : await store.download(object.name);
  const verdict = inspectEvidence({
    name: object.name,
    size: object.size,
    contentType: object.contentType,
    head: bytes.subarray(0, 16),
  });
  if (verdict.status === "rejected") return quarantine(db, store, object, path, verdict.reason, ref);

  // A submission may have frozen the record while the file was downloaded.
  const recorded = await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (frozenBy(snap.get("submittedIn")).length > 0) return false;
    tx.set(
      ref,
      {
        ownerUid: path.ownerUid,
        fileName: path.fileName,
        size: object.size,
        uploadedContentType: object.contentType ?? null,
        generation: object.generation,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        checkedAt: FieldValue.serverTimestamp(),
        status: "accepted",
        contentType: verdict.contentType,
        path: object.name,
        reason: null,
        deletedAt: null,
      },
      { merge: true },
    );
    return true;
  });
  if (!recorded) return quarantine(db, store, object, path, FROZEN, null);
  logs.evidenceChecked(path.ownerUid, path.evidenceId, "accepted");
}

/**
 * An object left the bucket (deleted, overwritten or moved to quarantine):
 * it no longer counts against the user's limits, and if it was the file a
 * record points to, the record says `deleted`, which submission refuses.
 * Both checks compare generations, so a late event for an older generation
 * changes nothing.
 */
export async function processEvidenceDeletion(db: Firestore, object: DeletedObject): Promise<void> {
  const path = parseEvidencePath(object.name);
  if (!path) return;
  const usageRef = db.doc(evidenceUsagePath(path.ownerUid));
  const recordRef = isRecordableId(path.evidenceId) ? db.doc(paths.evidence(path.ownerUid, path.evidenceId)) : null;
  const marked = await db.runTransaction(async (tx) => {
    const usage = readUsage((await tx.get(usageRef)).data());
    const record = recordRef ? await tx.get(recordRef) : null;
    if (release(usage, object)) tx.set(usageRef, usageDocument(usage));
    const isRecordedFile =
      record?.exists && record.get("path") === object.name && record.get("generation") === object.generation;
    if (!recordRef || !isRecordedFile || record?.get("status") === "deleted") return false;
    tx.update(recordRef, { status: "deleted", deletedAt: FieldValue.serverTimestamp() });
    return true;
  });
  if (marked) logs.evidenceChecked(path.ownerUid, path.evidenceId, "deleted");
}

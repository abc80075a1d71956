// Checks each uploaded evidence object and records it in
// users/{uid}/evidence/{evidenceId}. A rejected object is moved to
// quarantine/ (out of the candidate's readable path) and the reason recorded;
// nothing accepted is ever deleted.
import { createHash } from "node:crypto";
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { EVIDENCE_MAX_BYTES, inspectEvidence, parseEvidencePath, quarantineName } from "./domain/evidence.js";
import { logs } from "../platform/logs.js";
import { paths } from "../platform/paths.js";

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

export async function processEvidenceUpload(db: Firestore, store: ObjectStore, object: UploadedObject): Promise<void> {
  const path = parseEvidencePath(object.name);
  if (!path) return; // not evidence (quarantine/, other folders): not ours to judge
  const ref = db.doc(paths.evidence(path.ownerUid, path.evidenceId));
  const existing = await ref.get();
  if (existing.get("generation") === object.generation) return; // redelivered event

  // Oversized files are judged by their size alone: no need to download 10+ MB.
  const bytes = object.size > EVIDENCE_MAX_BYTES ? Buffer.alloc(0) : await store.download(object.name);
  const verdict = inspectEvidence({
    name: object.name,
    size: object.size,
    contentType: object.contentType,
    head: bytes.subarray(0, 16),
  });
  const record = {
    ownerUid: path.ownerUid,
    fileName: path.fileName,
    size: object.size,
    uploadedContentType: object.contentType ?? null,
    generation: object.generation,
    sha256: bytes.length ? createHash("sha256").update(bytes).digest("hex") : null,
    checkedAt: FieldValue.serverTimestamp(),
  };
  if (verdict.status === "accepted") {
    await ref.set(
      { ...record, status: "accepted", contentType: verdict.contentType, path: object.name, reason: null },
      { merge: true },
    );
  } else {
    await store.move(object.name, quarantineName(object.name));
    await ref.set(
      { ...record, status: "rejected", reason: verdict.reason, path: quarantineName(object.name) },
      { merge: true },
    );
  }
  logs.evidenceChecked(path.ownerUid, path.evidenceId, verdict.status);
}

// Reads everything one application's report depends on. Works the same inside
// a transaction (submission) and outside it (revalidation), and counts the
// documents read so that the cost of revalidation can be measured.
import type { DocumentReference, DocumentSnapshot, Firestore } from "firebase-admin/firestore";
import type { Reader } from "../platform/reader.js";
import type { ApplicationDocs, Doc } from "./domain/application-docs.js";
import { APPLICATION_PARTS, COLLECTIONS, paths } from "../platform/paths.js";

export { directReader, transactionReader, type Reader } from "../platform/reader.js";

const toDoc = (snap: DocumentSnapshot): Doc => ({ path: snap.ref.path, id: snap.id, data: snap.data() });

const stringField = (data: unknown, field: string): string | null => {
  const value = (data as Record<string, unknown> | undefined)?.[field];
  return typeof value === "string" && value.length > 0 && !value.includes("/") ? value : null;
};

const stringList = (data: unknown, field: string): string[] => {
  const value = (data as Record<string, unknown> | undefined)?.[field];
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === "string" && v.length > 0 && !v.includes("/"))
    : [];
};

export interface LoadedApplication {
  docs: ApplicationDocs;
  /** Documents read (an empty query counts as one read, as Firestore bills it). */
  reads: number;
}

/** Null when the application does not exist. */
export async function loadApplicationDocs(
  db: Firestore,
  appId: string,
  reader: Reader,
): Promise<LoadedApplication | null> {
  const appSnap = await reader.get(db.doc(paths.application(appId)));
  if (!appSnap.exists) return null;
  const app = appSnap.data();

  const optionalDoc = (path: string | null) => (path ? db.doc(path) : null);
  const owner = stringField(app, "ownerUid");
  const examId = stringField(app, "examResultId");
  const level2Id = stringField(app, "level2CertificationId");
  const single = [
    optionalDoc(owner && paths.user(owner)),
    optionalDoc(examId && paths.examResult(examId)),
    optionalDoc(level2Id && paths.certification(level2Id)),
  ];
  const supervisorRefs = stringList(app, "supervisorIds").map((id) => db.doc(paths.supervisor(id)));

  // The candidate's granted requests (functions/src/requests): remote supervision, policy overrides.
  const grantedRequests = owner
    ? db.collection(COLLECTIONS.requests).where("candidateUid", "==", owner).where("status", "==", "granted")
    : null;
  const [singles, supervisors, requests, ...parts] = await Promise.all([
    reader.getAll(single.filter((ref): ref is DocumentReference => ref !== null)),
    reader.getAll(supervisorRefs),
    grantedRequests ? reader.query(grantedRequests) : null,
    ...APPLICATION_PARTS.map((part) => reader.query(db.collection(paths.part(appId, part)))),
  ]);
  const byPath = new Map(singles.map((snap) => [snap.ref.path, snap]));
  const found = (ref: DocumentReference | null) => {
    const snap = ref && byPath.get(ref.path);
    return snap?.exists ? toDoc(snap) : null;
  };
  const [cases, cme, training, recognition, declarations] = parts.map((q) => q.docs.map(toDoc));

  const reads =
    1 +
    singles.length +
    supervisors.length +
    (requests ? Math.max(1, requests.size) : 0) +
    parts.reduce((n, q) => n + Math.max(1, q.size), 0);
  return {
    docs: {
      application: toDoc(appSnap),
      profile: found(single[0]),
      exam: found(single[1]),
      level2: found(single[2]),
      supervisors: supervisors.filter((s) => s.exists).map(toDoc),
      cases,
      cme,
      training,
      recognition,
      declarations,
      requests: requests ? requests.docs.map(toDoc) : [],
    },
    reads,
  };
}

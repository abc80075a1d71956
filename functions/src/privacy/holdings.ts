// Everything the system holds about one person, read for the export and the
// erasure request. Documents are returned with their paths; instants become
// ISO strings so that the whole is plain JSON.
import { Timestamp, type DocumentSnapshot, type Firestore, type Query } from "firebase-admin/firestore";
import { APPLICATION_PARTS, COLLECTIONS, paths } from "../platform/paths.js";

export interface HeldDocument {
  path: string;
  id: string;
  data: Record<string, unknown>;
}

export interface HeldApplication extends HeldDocument {
  logbook: Record<(typeof APPLICATION_PARTS)[number], HeldDocument[]>;
  report: HeldDocument | null;
  snapshots: HeldDocument[];
}

export interface Holdings {
  uid: string;
  profile: HeldDocument | null;
  notifications: HeldDocument[];
  evidence: HeldDocument[];
  applications: HeldApplication[];
  examResults: HeldDocument[];
  certifications: HeldDocument[];
  registerEntries: HeldDocument[];
  supervisor: HeldDocument | null;
  remoteSupervisionRequests: HeldDocument[];
  undeliverable: HeldDocument[];
  mail: HeldDocument[];
  // exam (issue 12)
  /** Registrations for exam sessions (names and e-mail as given for the proctoring platform). */
  examRegistrations: HeldDocument[];
  /** The person's own answers in each imported platform export (server-only documents). */
  examAnswers: { sessionId: string; path: string; items: string[]; answers: (string | null)[] }[];
}

/** The person's row of each session's imported answers (examProcessing/{sessionId}/imports/responses). */
async function examAnswersOf(db: Firestore, uid: string, sessionIds: string[]): Promise<Holdings["examAnswers"]> {
  const found: Holdings["examAnswers"] = [];
  for (const sessionId of sessionIds) {
    const path = `examProcessing/${sessionId}/imports/responses`;
    const json = (await db.doc(path).get()).get("json");
    if (typeof json !== "string") continue;
    const matrix = JSON.parse(json) as { items: string[]; candidates: string[]; answers: (string | null)[][] };
    const row = matrix.candidates.indexOf(uid);
    if (row >= 0) found.push({ sessionId, path, items: matrix.items, answers: matrix.answers[row] });
  }
  return found;
}

/** Firestore values as JSON: Timestamps as ISO instants, references as paths. */
export function plain(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate().toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") {
    if ("path" in value && "firestore" in value) return (value as { path: string }).path;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

const held = (snap: DocumentSnapshot): HeldDocument => ({
  path: snap.ref.path,
  id: snap.id,
  data: plain(snap.data() ?? {}) as Record<string, unknown>,
});
const all = async (query: Query) => (await query.get()).docs.map(held);
const one = async (db: Firestore, path: string) => {
  const snap = await db.doc(path).get();
  return snap.exists ? held(snap) : null;
};

async function application(db: Firestore, snap: DocumentSnapshot): Promise<HeldApplication> {
  const parts = await Promise.all(APPLICATION_PARTS.map((part) => all(db.collection(paths.part(snap.id, part)))));
  return {
    ...held(snap),
    logbook: Object.fromEntries(APPLICATION_PARTS.map((part, i) => [part, parts[i]])) as HeldApplication["logbook"],
    report: await one(db, paths.report(snap.id)),
    snapshots: await all(db.collection(paths.snapshots(snap.id))),
  };
}

export async function loadHoldings(db: Firestore, uid: string): Promise<Holdings> {
  const profile = await one(db, paths.user(uid));
  const email = typeof profile?.data.email === "string" ? profile.data.email : null;
  const byUid = (collection: string) => all(db.collection(collection).where("uid", "==", uid));
  const [apps, certifications] = await Promise.all([
    db.collection(COLLECTIONS.applications).where("ownerUid", "==", uid).get(),
    byUid(COLLECTIONS.certifications),
  ]);
  const examRegistrations = await byUid("examRegistrations");
  const examResults = await byUid(COLLECTIONS.examResults);
  const registerEntries = (await Promise.all(certifications.map((c) => one(db, paths.registerEntry(c.id))))).filter(
    (entry): entry is HeldDocument => entry !== null,
  );
  return {
    uid,
    profile,
    notifications: await all(db.collection(`${paths.user(uid)}/notifications`)),
    evidence: await all(db.collection(`${paths.user(uid)}/evidence`)),
    applications: await Promise.all(apps.docs.map((snap) => application(db, snap))),
    examResults,
    certifications,
    registerEntries,
    supervisor: await one(db, paths.supervisor(uid)),
    remoteSupervisionRequests: await byUid(COLLECTIONS.remoteSupervisionRequests),
    undeliverable: await byUid(COLLECTIONS.undeliverable),
    mail: email ? await all(db.collection(COLLECTIONS.mail).where("to", "==", email)) : [],
    // exam (issue 12)
    examRegistrations,
    examAnswers: await examAnswersOf(db, uid, [
      ...new Set(
        [...examRegistrations, ...examResults]
          .map((d) => d.data.sessionId)
          .filter((id): id is string => typeof id === "string"),
      ),
    ]),
  };
}

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
  grading: HeldGrading | null;
}

/** The committee's record of a submitted application, as far as its candidate may read it. */
export interface HeldGrading extends HeldDocument {
  grades: HeldDocument[];
  questions: HeldDocument[];
  history: HeldDocument[];
}

export interface Holdings {
  uid: string;
  profile: HeldDocument | null;
  notifications: HeldDocument[];
  evidence: HeldDocument[];
  applications: HeldApplication[];
  examResults: HeldDocument[];
  certifications: HeldDocument[];
  /** The person's row in the public register (keyed by their uid), at most one. */
  registerEntries: HeldDocument[];
  supervisor: HeldDocument | null;
  /** Requests and appeals the person sent (functions/src/requests), each with its history. */
  requests: HeldDocument[];
  undeliverable: HeldDocument[];
  mail: HeldDocument[];
  // exam (issue 12)
  /** Registrations for exam sessions (names and e-mail as given for the proctoring platform). */
  examRegistrations: HeldDocument[];
  /** The person's own answers in each imported platform export (server-only documents). */
  examAnswers: { sessionId: string; path: string; items: string[]; answers: (string | null)[] }[];
  // --- recertification (issue 13) ---
  recertifications: HeldRecertification[];
  /** The "Run Payments with Stripe" extension's documents about the person. */
  checkoutSessions: HeldDocument[];
  payments: HeldDocument[];
  // --- end recertification ---
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

export interface HeldRecertification extends HeldDocument {
  parts: Record<(typeof RECERTIFICATION_PARTS)[number], HeldDocument[]>;
}
const RECERTIFICATION_PARTS = ["cme", "validation", "snapshots", "reviews", "questions", "history"] as const;

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

async function recertification(db: Firestore, snap: DocumentSnapshot): Promise<HeldRecertification> {
  const parts = await Promise.all(
    RECERTIFICATION_PARTS.map((part) => all(db.collection(paths.recertificationPart(snap.id, part)))),
  );
  return {
    ...held(snap),
    parts: Object.fromEntries(RECERTIFICATION_PARTS.map((p, i) => [p, parts[i]])) as HeldRecertification["parts"],
  };
}

async function application(db: Firestore, snap: DocumentSnapshot): Promise<HeldApplication> {
  const parts = await Promise.all(APPLICATION_PARTS.map((part) => all(db.collection(paths.part(snap.id, part)))));
  return {
    ...held(snap),
    logbook: Object.fromEntries(APPLICATION_PARTS.map((part, i) => [part, parts[i]])) as HeldApplication["logbook"],
    report: await one(db, paths.report(snap.id)),
    snapshots: await all(db.collection(paths.snapshots(snap.id))),
    grading: await grading(db, snap.id),
  };
}

/** The round's list of graders is not the candidate's to read (firestore.rules); released grades are. */
const GRADER_FIELDS = ["graderUids", "gradedBy"];
const withoutGraders = (doc: HeldDocument): HeldDocument => ({
  ...doc,
  data: Object.fromEntries(Object.entries(doc.data).filter(([field]) => !GRADER_FIELDS.includes(field))),
});

async function grading(db: Firestore, appId: string): Promise<HeldGrading | null> {
  const round = await one(db, paths.grading(appId));
  if (!round) return null;
  const [grades, questions, history] = await Promise.all([
    all(db.collection(paths.gradingPart(appId, "grades")).where("visibleToCandidate", "==", true)),
    all(db.collection(paths.gradingPart(appId, "questions"))),
    all(db.collection(paths.gradingPart(appId, "history"))),
  ]);
  return { ...withoutGraders(round), grades, questions, history };
}

async function requestsOf(db: Firestore, uid: string): Promise<HeldDocument[]> {
  const sent = await db.collection(COLLECTIONS.requests).where("candidateUid", "==", uid).get();
  const histories = await Promise.all(sent.docs.map((d) => all(d.ref.collection("history"))));
  return sent.docs.flatMap((d, i) => [held(d), ...histories[i]]);
}

export async function loadHoldings(db: Firestore, uid: string): Promise<Holdings> {
  const profile = await one(db, paths.user(uid));
  const email = typeof profile?.data.email === "string" ? profile.data.email : null;
  const byUid = (collection: string) => all(db.collection(collection).where("uid", "==", uid));
  const [apps, certifications] = await Promise.all([
    db.collection(COLLECTIONS.applications).where("ownerUid", "==", uid).get(),
    byUid(COLLECTIONS.certifications),
  ]);
  const registerEntry = await one(db, paths.registerEntry(uid));
  const examRegistrations = await byUid("examRegistrations");
  const examResults = await byUid(COLLECTIONS.examResults);
  return {
    uid,
    profile,
    notifications: await all(db.collection(`${paths.user(uid)}/notifications`)),
    evidence: await all(db.collection(`${paths.user(uid)}/evidence`)),
    applications: await Promise.all(apps.docs.map((snap) => application(db, snap))),
    examResults,
    certifications,
    registerEntries: registerEntry ? [registerEntry] : [],
    supervisor: await one(db, paths.supervisor(uid)),
    requests: await requestsOf(db, uid),
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
    recertifications: await Promise.all(
      (await db.collection(COLLECTIONS.recertifications).where("uid", "==", uid).get()).docs.map((snap) =>
        recertification(db, snap),
      ),
    ),
    checkoutSessions: await all(db.collection(paths.checkoutSessions(uid))),
    payments: await all(db.collection(`${COLLECTIONS.customers}/${uid}/payments`)),
  };
}

// Exam sessions and registrations: the certification team creates a session
// (its registration window and start window derived from the policy); a
// candidate with a current physician registration registers while the window
// is open and may cancel until it closes; the team exports the registrations
// as the proctoring platform's CSV.
import { FieldValue, type DocumentSnapshot, type Firestore } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { z } from "zod";
import { calendarDateIn, PROGRAMME_TIME_ZONE, type IsoDate } from "../platform/domain/dates.js";
import { loadPolicy } from "../platform/policy-repository.js";
import { directReader, transactionReader } from "../platform/reader.js";
import { paths } from "../platform/paths.js";
import { exportRegistrations } from "./domain/registrations-export.js";
import { planSession, registrationState, type SessionPlan } from "./domain/session.js";
import { EXAM_COLLECTIONS, examPaths } from "./paths.js";

export const sessionDocSchema = z.object({
  sittingDate: z.string(),
  timeZone: z.string(),
  registrationOpens: z.string(),
  registrationCloses: z.string(),
  startWindow: z.object({ from: z.string(), to: z.string(), opensAt: z.string(), closesAt: z.string() }),
  title: z.string(),
  resultsReleased: z.boolean(),
  releaseDate: z.string().nullable(),
});
export type SessionDoc = z.infer<typeof sessionDocSchema>;

const planOf = (s: SessionDoc): SessionPlan => ({
  sittingDate: s.sittingDate,
  timeZone: s.timeZone,
  registrationOpens: s.registrationOpens,
  registrationCloses: s.registrationCloses,
  startWindow: s.startWindow,
});

/** The session's id: one session per sitting date. */
export const sessionIdFor = (sittingDate: IsoDate) => `cmr-${sittingDate}`;

/** Reads and parses a session through `get` (a transaction's or a direct read). */
export async function readSession(
  get: (path: string) => Promise<DocumentSnapshot>,
  sessionId: string,
): Promise<SessionDoc> {
  const snap = await get(examPaths.session(sessionId));
  if (!snap.exists) throw new HttpsError("not-found", `Exam session ${sessionId} does not exist.`);
  const parsed = sessionDocSchema.safeParse(snap.data());
  if (!parsed.success) throw new HttpsError("failed-precondition", `Exam session ${sessionId} is malformed.`);
  return parsed.data;
}

export async function createSession(
  db: Firestore,
  input: { sittingDate: string; title?: string },
  adminUid: string,
  now: Date,
): Promise<{ sessionId: string; plan: SessionPlan }> {
  const policy = await loadPolicy(db, directReader(db));
  const planned = planSession(input.sittingDate, policy.exam);
  if (!planned.ok) throw new HttpsError("invalid-argument", `Invalid session: ${planned.errors.join("; ")}`);
  const plan = planned.value;
  const today = calendarDateIn(PROGRAMME_TIME_ZONE, now);
  if (plan.sittingDate <= today) {
    throw new HttpsError("invalid-argument", `The sitting date ${plan.sittingDate} must be after today (${today}).`);
  }
  const sessionId = sessionIdFor(plan.sittingDate);
  const ref = db.doc(examPaths.session(sessionId));
  await db.runTransaction(async (tx) => {
    if ((await tx.get(ref)).exists) {
      throw new HttpsError("already-exists", `There is already an exam session on ${plan.sittingDate} (${sessionId}).`);
    }
    tx.create(ref, {
      ...plan,
      title: input.title ?? `EACVI CMR exam ${plan.sittingDate}`,
      // The committee digest lists sessions whose results are not released in time.
      resultsReleased: false,
      releaseDate: null,
      releasedOn: null,
      nextActionOn: null,
      createdBy: adminUid,
      createdAt: FieldValue.serverTimestamp(),
    });
  });
  return { sessionId, plan };
}

const registrationNames = z.object({
  familyName: z.string().trim().min(1, "the family name is required").max(120),
  givenNames: z.string().trim().min(1, "the given names are required").max(120),
});
export const registerInput = registrationNames.extend({ sessionId: z.string().min(1).max(200) });

function assertOpen(session: SessionDoc, sessionId: string, today: IsoDate, what: string) {
  const state = registrationState(planOf(session), today);
  if (state === "not-open-yet") {
    throw new HttpsError(
      "failed-precondition",
      `Registration for the exam of ${session.sittingDate} opens on ${session.registrationOpens}: you cannot ${what} yet.`,
    );
  }
  if (state === "closed") {
    throw new HttpsError(
      "failed-precondition",
      `Registration for the exam of ${session.sittingDate} (${sessionId}) closed on ${session.registrationCloses}: you can no longer ${what}.`,
    );
  }
}

/** What makes a profile's physician registration current on `today`, or why it is not. */
export function physicianRegistrationProblem(
  profile: Record<string, unknown> | undefined,
  today: IsoDate,
): string | null {
  const reg = profile?.physicianRegistration as { validUntil?: unknown } | null | undefined;
  if (!reg || typeof reg.validUntil !== "string") {
    return "Your profile holds no physician registration: add it (with its validity date) before registering for the exam.";
  }
  if (reg.validUntil < today) {
    return `The physician registration in your profile expired on ${reg.validUntil}: update it before registering for the exam.`;
  }
  return null;
}

export async function register(
  db: Firestore,
  uid: string,
  input: z.infer<typeof registerInput>,
  now: Date,
): Promise<{ registrationId: string }> {
  const today = calendarDateIn(PROGRAMME_TIME_ZONE, now);
  const ref = db.doc(examPaths.registration(input.sessionId, uid));
  await db.runTransaction(async (tx) => {
    const reader = transactionReader(tx);
    const session = await readSession((p) => reader.get(db.doc(p)), input.sessionId);
    const [profileSnap, existing] = await reader.getAll([db.doc(paths.user(uid)), ref]);
    assertOpen(session, input.sessionId, today, "register");
    const problem = physicianRegistrationProblem(profileSnap.data(), today);
    if (problem) throw new HttpsError("failed-precondition", problem);
    const email = profileSnap.get("email");
    if (typeof email !== "string" || !email.includes("@")) {
      throw new HttpsError(
        "failed-precondition",
        "Your profile holds no e-mail address: the proctoring platform needs one.",
      );
    }
    if (existing.exists && existing.get("status") === "registered") {
      throw new HttpsError("already-exists", `You are already registered for the exam of ${session.sittingDate}.`);
    }
    const data = {
      sessionId: input.sessionId,
      uid,
      status: "registered",
      familyName: input.familyName,
      givenNames: input.givenNames,
      email,
      sittingDate: session.sittingDate,
      registeredOn: today,
      registeredAt: FieldValue.serverTimestamp(),
      cancelledOn: null,
    };
    // A candidate who cancelled may register again while the window is open: the same document.
    if (existing.exists) tx.set(ref, data);
    else tx.create(ref, data);
  });
  return { registrationId: ref.id };
}

export async function cancelRegistration(db: Firestore, uid: string, sessionId: string, now: Date): Promise<void> {
  const today = calendarDateIn(PROGRAMME_TIME_ZONE, now);
  const ref = db.doc(examPaths.registration(sessionId, uid));
  await db.runTransaction(async (tx) => {
    const reader = transactionReader(tx);
    const session = await readSession((p) => reader.get(db.doc(p)), sessionId);
    const existing = await tx.get(ref);
    if (!existing.exists || existing.get("status") !== "registered") {
      throw new HttpsError("not-found", `You are not registered for the exam of ${session.sittingDate}.`);
    }
    assertOpen(session, sessionId, today, "cancel");
    tx.update(ref, { status: "cancelled", cancelledOn: today, cancelledAt: FieldValue.serverTimestamp() });
  });
}

/** The candidates with an active registration for a session. */
export async function activeRegistrations(db: Firestore, sessionId: string) {
  return db
    .collection(EXAM_COLLECTIONS.registrations)
    .where("sessionId", "==", sessionId)
    .where("status", "==", "registered")
    .get();
}

export async function exportSessionRegistrations(db: Firestore, sessionId: string) {
  const session = await readSession((p) => db.doc(p).get(), sessionId);
  const snap = await db.collection(EXAM_COLLECTIONS.registrations).where("sessionId", "==", sessionId).get();
  const rows = snap.docs.map((d) => ({
    registrationId: d.id,
    candidateId: d.get("uid"),
    status: d.get("status"),
    familyName: d.get("familyName"),
    givenNames: d.get("givenNames"),
    email: d.get("email"),
  }));
  const result = exportRegistrations(planOf(session), rows);
  if (!result.ok) {
    throw new HttpsError("failed-precondition", `The registrations cannot be exported: ${result.errors.join("; ")}`, {
      errors: result.errors,
    });
  }
  return { csv: result.csv, count: result.count, fileName: `${sessionId}-registrations.csv` };
}

// Shared by the emulator tests: the Admin SDK pointed at the emulators
// (`firebase emulators:exec` sets FIRESTORE_EMULATOR_HOST), seeding, and
// waiting by polling with a timeout.
import { getApps, initializeApp } from "firebase-admin/app";
import type { Firestore } from "firebase-admin/firestore";
import { firestore } from "../../functions/src/platform/firestore.js";
import type { Bundle } from "../../functions/src/logbook/domain/index.js";
import { calendarDateIn, PROGRAMME_TIME_ZONE } from "../../functions/src/platform/domain/dates.js";

export const PROJECT_ID = "demo-cmr";
export const REGION = "europe-west1";

/**
 * The Admin SDK's Firestore on the emulator. Tests that must not wake the
 * Functions emulator's triggers use another project id: triggers fire only
 * for PROJECT_ID.
 */
export function adminDb(projectId = PROJECT_ID): Firestore {
  if (!process.env.FIRESTORE_EMULATOR_HOST) {
    throw new Error("FIRESTORE_EMULATOR_HOST is not set: run the emulator tests through `npm run test:emulators`");
  }
  const app = getApps()[0] ?? initializeApp({ projectId });
  if (app.options.projectId !== projectId)
    throw new Error(`this test file already uses project ${app.options.projectId}`);
  return firestore(); // the functions' own accessor, so that both share one client and its settings
}

export const today = () => calendarDateIn(PROGRAMME_TIME_ZONE, new Date());

let counter = 0;
/** A fresh id per test, so tests never see each other's documents. */
export const uniqueId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** Polls `read` until `done` holds for its value; fails after `timeoutMs`. */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 20_000, intervalMs = 100, what = "the expected state" } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 2000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    last = await read();
  }
  return last;
}

export interface SeededApplication {
  appId: string;
  ownerUid: string;
}

const withoutId = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;

/** Writes the documents that describe `bundle`: profile, registry entries, application and logbook. */
export async function seedApplication(
  db: Firestore,
  bundle: Bundle,
  { appId = uniqueId("app"), ownerUid = uniqueId("uid"), status = "draft", withLogbook = true } = {},
): Promise<SeededApplication> {
  const batch = db.batch();
  batch.set(db.doc(`users/${ownerUid}`), {
    displayName: "Demo Candidate",
    email: `${ownerUid}@example.org`,
    membership: "non-member",
    physicianRegistration: bundle.candidate.physicianRegistration,
    acls: bundle.candidate.acls,
  });
  for (const s of bundle.supervisors) batch.set(db.doc(`supervisors/${s.id}`), withoutId(s));
  const examResultId = bundle.exam ? `${appId}-exam` : null;
  if (bundle.exam) batch.set(db.doc(`examResults/${examResultId}`), { uid: ownerUid, ...bundle.exam });
  const level2CertificationId = bundle.candidate.level2 ? `${appId}-l2` : null;
  if (bundle.candidate.level2) {
    batch.set(db.doc(`certifications/${level2CertificationId}`), {
      uid: ownerUid,
      level: 2,
      ...bundle.candidate.level2,
    });
  }
  await batch.commit();

  const app = db.doc(`applications/${appId}`);
  await app.set({
    ownerUid,
    route: bundle.route,
    status,
    supervisorIds: bundle.supervisors.map((s) => s.id),
    examResultId,
    level2CertificationId,
    extensionGrantedUntil: bundle.extensionGrantedUntil ?? null,
  });
  if (withLogbook) await writeLogbook(db, appId, bundle);
  return { appId, ownerUid };
}

/** The logbook parts of `bundle`, in batches of at most `batchSize` writes. */
export async function writeLogbook(db: Firestore, appId: string, bundle: Bundle, batchSize = 450): Promise<void> {
  const writes: [string, object][] = [
    ...bundle.training.map((t) => [`training/${t.id}`, withoutId(t)] as [string, object]),
    ...bundle.cme.map((e) => [`cme/${e.id}`, withoutId(e)] as [string, object]),
    ...bundle.peerRecognition.map((r) => [`recognition/${r.id}`, withoutId(r)] as [string, object]),
    ...bundle.cases.map((c) => [`cases/${c.id}`, withoutId(c)] as [string, object]),
  ];
  if (bundle.supervisorDeclaration) {
    writes.push([
      `declarations/${bundle.supervisorDeclaration.supervisorId}`,
      { signedOn: bundle.supervisorDeclaration.signedOn },
    ]);
  }
  for (let i = 0; i < writes.length; i += batchSize) {
    const batch = db.batch();
    for (const [path, data] of writes.slice(i, i + batchSize)) batch.set(db.doc(`applications/${appId}/${path}`), data);
    await batch.commit();
  }
}

export const reportOf = async (db: Firestore, appId: string) =>
  (await db.doc(`applications/${appId}/validation/current`).get()).data();

export const stateOf = async (db: Firestore, appId: string) =>
  (await db.doc(`revalidationState/${appId}`).get()).data();

/**
 * An ID token for the Functions emulator, which decodes callable tokens
 * without checking their signature. Never accepted by real Firebase.
 */
export function emulatorIdToken(uid: string, claims: Record<string, unknown> = {}): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: `https://securetoken.google.com/${PROJECT_ID}`,
    aud: PROJECT_ID,
    auth_time: now,
    user_id: uid,
    sub: uid,
    iat: now,
    exp: now + 3600,
    firebase: { identities: {}, sign_in_provider: "custom" },
    ...claims,
  };
  return `${encode({ alg: "none", typ: "JWT" })}.${encode(payload)}.`;
}

export interface CallableResult {
  status: number;
  result?: Record<string, unknown>;
  error?: { status: string; message: string; details?: Record<string, unknown> };
}

/** Calls a callable function through the Functions emulator, as a client SDK would. */
export async function callFunction(
  name: string,
  data: unknown,
  caller?: { uid: string; claims?: Record<string, unknown> },
): Promise<CallableResult> {
  const host = process.env.FUNCTIONS_EMULATOR_HOST ?? "127.0.0.1:5001";
  const response = await fetch(`http://${host}/${PROJECT_ID}/${REGION}/${name}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(caller ? { Authorization: `Bearer ${emulatorIdToken(caller.uid, caller.claims)}` } : {}),
    },
    body: JSON.stringify({ data }),
  });
  const body = (await response.json()) as { result?: Record<string, unknown>; error?: CallableResult["error"] };
  return { status: response.status, ...body };
}

/** Puts `override` in force as config/policy (null removes it: the defaults apply). */
export async function setPolicy(db: Firestore, override: object | null): Promise<void> {
  const ref = db.doc("config/policy");
  if (override) await ref.set(override);
  else await ref.delete();
}

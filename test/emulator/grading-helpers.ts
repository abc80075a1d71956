// Shared by the grading emulator tests: a clean set of graders, an eligible
// submitted application, and reading the round.
import type { Firestore } from "firebase-admin/firestore";
import { makeBundle, SUPERVISOR_ID } from "../factories/bundle.js";
import { SMALL_POLICY } from "../factories/policy.js";
import type { Route } from "../../functions/src/platform/domain/programme.js";
import { evidenceIdsOf, uploadEvidence } from "./evidence-helpers.js";
import { callFunction, seedApplication, uniqueId, waitFor } from "./helpers.js";

export const CANDIDATE_INSTITUTION = "Hôpital Européen Georges-Pompidou";
export const SUPERVISOR_INSTITUTION = "King's College London";

export interface GraderSpec {
  uid?: string;
  institution?: string;
  country?: string;
  active?: boolean;
  capacity?: number;
  openAssignments?: number;
}

/** Deactivates every grader left by earlier tests, then writes these ones (with profiles and e-mail). */
export async function resetGraders(db: Firestore, specs: GraderSpec[]): Promise<string[]> {
  const existing = await db.collection("graders").where("active", "==", true).get();
  const batch = db.batch();
  for (const d of existing.docs) batch.update(d.ref, { active: false });
  const uids = specs.map((s) => s.uid ?? uniqueId("grader"));
  specs.forEach((s, i) => {
    batch.set(db.doc(`graders/${uids[i]}`), {
      institution: s.institution ?? `Institute ${uids[i]}`,
      country: s.country ?? "DE",
      active: s.active ?? true,
      capacity: s.capacity ?? 10,
      openAssignments: s.openAssignments ?? 0,
    });
    batch.set(db.doc(`users/${uids[i]}`), { displayName: `Grader ${i}`, email: `${uids[i]}@example.org` });
  });
  await batch.commit();
  return uids;
}

/** An eligible application (its evidence accepted) whose candidate and supervisor record their institutions; not yet submitted. */
export async function eligibleApplication(db: Firestore, route: Route = "level2") {
  const bundle = makeBundle(route, {}, SMALL_POLICY);
  const seeded = await seedApplication(db, bundle);
  await uploadEvidence(db, seeded.ownerUid, evidenceIdsOf(bundle));
  await db.doc(`users/${seeded.ownerUid}`).update({ institution: CANDIDATE_INSTITUTION, country: "FR" });
  await db
    .doc(`supervisors/${SUPERVISOR_ID}`)
    .set({ institution: SUPERVISOR_INSTITUTION, name: "Dr Supervisor" }, { merge: true });
  await db
    .doc(`users/${SUPERVISOR_ID}`)
    .set({ displayName: "Dr Supervisor", email: "sup@example.org" }, { merge: true });
  // The supervisor is at another institution: remote supervision was approved (functions/src/requests).
  await db.doc(`requests/remote-${seeded.appId}`).set({
    kind: "remote-supervision",
    candidateUid: seeded.ownerUid,
    status: "granted",
    applicationId: null,
    supervisorUids: [SUPERVISOR_ID],
    content: { kind: "remote-supervision", remoteSupervisorUid: SUPERVISOR_ID, from: "2020-01-01", to: "2030-12-31" },
    decision: { outcome: "approved" },
  });
  return { ...seeded, bundle };
}

export async function submit(appId: string, ownerUid: string) {
  const { result, error } = await callFunction("submitApplication", { applicationId: appId }, { uid: ownerUid });
  if (error) throw new Error(`submitApplication failed: ${error.status} ${error.message}`);
  return result;
}

export const roundOf = async (db: Firestore, appId: string) => (await db.doc(`gradings/${appId}`).get()).data();

export const waitForRound = (
  db: Firestore,
  appId: string,
  done: (r: Record<string, unknown>) => boolean,
  what: string,
) =>
  waitFor(
    () => roundOf(db, appId),
    (r) => r !== undefined && done(r),
    // The first trigger of a fresh Functions emulator loads the code: allow for a cold start on a busy machine.
    { what, timeoutMs: 60_000 },
  ) as Promise<Record<string, unknown>>;

export const loadOf = async (db: Firestore, uid: string) =>
  (await db.doc(`graders/${uid}`).get()).get("openAssignments") as number;

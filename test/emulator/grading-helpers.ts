// Shared by the grading emulator tests: a clean set of graders, an eligible
// submitted application, and reading the round.
import type { Firestore } from "firebase-admin/firestore";
import { processEvidenceUpload } from "../../functions/src/evidence/upload-check.js";
import type { Bundle } from "../../functions/src/logbook/domain/index.js";
import { makeBundle, SUPERVISOR_ID } from "../factories/bundle.js";
import { realPdf } from "../factories/files.js";
import { SMALL_POLICY } from "../factories/policy.js";
import type { Route } from "../../functions/src/platform/domain/programme.js";
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

let generation = 0;
/**
 * Uploads a real PDF through the upload check under every evidence id the
 * bundle names (CME certificates, recognition proofs, ACLS): submission
 * refuses an application whose evidence is missing.
 */
async function uploadEvidence(db: Firestore, ownerUid: string, bundle: Bundle): Promise<void> {
  const ids = new Set(
    [
      ...bundle.cme.map((e) => e.certificateId),
      ...bundle.peerRecognition.map((r) => (r as { evidenceId?: unknown }).evidenceId),
      bundle.candidate.acls?.evidenceId,
    ].filter((id): id is string => typeof id === "string"),
  );
  const store = { download: async () => realPdf(), move: async () => {} };
  for (const id of ids) {
    await processEvidenceUpload(db, store, {
      name: `evidence/${ownerUid}/${id}/certificate.pdf`,
      size: realPdf().length,
      contentType: "application/pdf",
      generation: `${++generation}`,
    });
  }
}

/** An eligible application whose candidate and supervisor record their institutions; not yet submitted. */
export async function eligibleApplication(db: Firestore, route: Route = "level2") {
  const bundle = makeBundle(route, {}, SMALL_POLICY);
  const seeded = await seedApplication(db, bundle);
  await uploadEvidence(db, seeded.ownerUid, bundle);
  await db.doc(`users/${seeded.ownerUid}`).update({ institution: CANDIDATE_INSTITUTION, country: "FR" });
  await db
    .doc(`supervisors/${SUPERVISOR_ID}`)
    .set({ institution: SUPERVISOR_INSTITUTION, name: "Dr Supervisor" }, { merge: true });
  await db
    .doc(`users/${SUPERVISOR_ID}`)
    .set({ displayName: "Dr Supervisor", email: "sup@example.org" }, { merge: true });
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

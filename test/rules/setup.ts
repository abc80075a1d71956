// The rules tests' world: the real firestore.rules in a project of its own
// (so the Functions emulator's triggers never fire), a cast of actors, and a
// seeded application with one document of every kind.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from "@firebase/rules-unit-testing";
import type { Firestore } from "firebase/firestore";
import { doc, writeBatch } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach } from "vitest";

export const RULES_PROJECT = "demo-cmr-rules";

export async function rulesEnvironment(): Promise<RulesTestEnvironment> {
  return initializeTestEnvironment({
    projectId: RULES_PROJECT,
    // RULES_FILE: a mutated copy, from scripts/rules-mutation.mjs.
    firestore: {
      rules: readFileSync(process.env.RULES_FILE ?? join(import.meta.dirname, "..", "..", "firestore.rules"), "utf8"),
    },
  });
}

export const OWNER = "cand-owner";
export const OTHER_CANDIDATE = "cand-other";
export const NAMED_SUPERVISOR = "sup-named";
export const OTHER_SUPERVISOR = "sup-other";
/** A second supervisor named on the seeded application, with a declaration of their own. */
export const SECOND_SUPERVISOR = "sup-second";
export const ASSIGNED_GRADER = "grader-assigned";
export const OTHER_GRADER = "grader-other";
export const COMMITTEE = "committee-1";
export const ADMIN = "admin-1";
export const APP = "app-1";

export type Actor = { name: string; uid: string | null; claims?: Record<string, unknown> };

export const ACTORS = {
  signedOut: { name: "a signed-out visitor", uid: null },
  owner: { name: "the owner", uid: OWNER },
  otherCandidate: { name: "another candidate", uid: OTHER_CANDIDATE },
  namedSupervisor: { name: "a named supervisor", uid: NAMED_SUPERVISOR },
  otherSupervisor: { name: "a supervisor not named on it", uid: OTHER_SUPERVISOR },
  secondSupervisor: { name: "the second named supervisor", uid: SECOND_SUPERVISOR },
  assignedGrader: { name: "an assigned grader", uid: ASSIGNED_GRADER, claims: { role: "grader" } },
  otherGrader: { name: "a grader not assigned", uid: OTHER_GRADER, claims: { role: "grader" } },
  committee: { name: "a committee member", uid: COMMITTEE, claims: { role: "committee" } },
  admin: { name: "an admin", uid: ADMIN, claims: { role: "admin" } },
} satisfies Record<string, Actor>;

export function dbAs(env: RulesTestEnvironment, actor: Actor): Firestore {
  return (actor.uid === null
    ? env.unauthenticatedContext()
    : env.authenticatedContext(actor.uid, actor.claims)
  ).firestore() as unknown as Firestore;
}

export const allowed = async (p: Promise<unknown>): Promise<void> => {
  await assertSucceeds(p);
};
export const denied = async (p: Promise<unknown>): Promise<void> => {
  await assertFails(p);
};

/** The UTC calendar date `days` from now: the rules' `request.time` is UTC. */
export function utcDay(days = 0): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The rules' clock edges, whatever the hour: `body` gets the UTC calendar date
 * of `request.time` shifted by `hours` (as the rules compute it, e.g. -12 for
 * the earliest time zone's today) and `shifted(days)`, that date moved by whole
 * days. If that date changed while `body` ran (midnight, or noon for a 12-hour
 * shift), the world is seeded afresh and `body` runs once more: each run sees
 * one frozen day, so a test on the edge itself neither flakes nor passes by
 * luck.
 */
export async function onClockEdge(
  env: RulesTestEnvironment,
  hours: number,
  body: (day: string, shifted: (days: number) => string) => Promise<void>,
): Promise<void> {
  const dayAt = (days: number) =>
    new Date(Date.now() + hours * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  for (let attempt = 1; ; attempt++) {
    const day = dayAt(0);
    const shifted = (days: number) => new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);
    let failure: unknown = null;
    try {
      await body(day, shifted);
    } catch (error) {
      failure = error;
    }
    if (dayAt(0) === day || attempt === 2) {
      if (failure !== null) throw failure;
      return;
    }
    await env.clearFirestore();
    await seedWorld(env);
  }
}

export const validCase = () => ({
  patientRef: "pt-0001",
  studyDate: "2025-03-04",
  category: "valvular",
  normal: false,
  source: "own-centre",
  role: "primary-operator",
  presentInControlRoom: true,
  supervisorId: NAMED_SUPERVISOR,
});

export const validCme = () => ({
  title: "EuroCMR 2025",
  catalogueId: "eurocmr",
  kind: "cmr-meeting",
  startDate: "2025-05-01",
  endDate: "2025-05-03",
  credits: 18,
  certificateId: "ev-1",
});

export const validTraining = () => ({
  start: "2025-01-01",
  end: "2025-03-31",
  hoursPerWeek: 40,
  supervisorId: NAMED_SUPERVISOR,
});

export const validRecognition = () => ({ kind: "publication", date: "2024-02-01", isAbstract: false });

/** The other candidate's passed exam result (seeded): an application needs one to be created. */
export const OTHER_CANDIDATE_EXAM = "exam-other";
/** The other candidate's current Level 2 certification (seeded): what Level 3 via Level 2 rests on. */
export const OTHER_CANDIDATE_LEVEL2 = "cert-other";
/** A second passed exam result of the owner (a resit), for changing examResultId. */
export const OWNER_RESIT_EXAM = "exam-1b";

export const applicationData = (status = "draft") => ({
  ownerUid: OWNER,
  route: "level2",
  status,
  supervisorIds: [NAMED_SUPERVISOR, SECOND_SUPERVISOR],
  graderUids: [ASSIGNED_GRADER],
  examResultId: "exam-1",
});

/** One application with a document of every kind, written past the rules. */
export async function seedWorld(env: RulesTestEnvironment, status = "draft"): Promise<void> {
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore() as unknown as Firestore;
    const writes: [string, object][] = [
      [
        `supervisors/${NAMED_SUPERVISOR}`,
        { name: "Dr Named", body: "EACVI", level3From: "2015-01-01", level3Until: null },
      ],
      [
        `supervisors/${SECOND_SUPERVISOR}`,
        { name: "Dr Second", body: "EACVI", level3From: "2018-01-01", level3Until: null },
      ],
      [
        `supervisors/${OTHER_SUPERVISOR}`,
        { name: "Dr Other", body: "SCMR", level3From: "2016-01-01", level3Until: null },
      ],
      [`users/${OWNER}`, { displayName: "Owner", email: "owner@example.org", membership: "non-member" }],
      [`users/${OTHER_CANDIDATE}`, { displayName: "Other", email: "other@example.org", membership: "non-member" }],
      [`applications/${APP}`, applicationData(status)],
      [`applications/${APP}/cases/case-1`, validCase()],
      [`applications/${APP}/cme/cme-1`, validCme()],
      [`applications/${APP}/training/tr-1`, validTraining()],
      [`applications/${APP}/recognition/rec-1`, validRecognition()],
      [`applications/${APP}/declarations/${NAMED_SUPERVISOR}`, { signedOn: "2025-06-01" }],
      [`applications/${APP}/declarations/${SECOND_SUPERVISOR}`, { signedOn: "2025-06-03" }],
      [`applications/${APP}/validation/current`, { eligible: false, findings: [] }],
      [`applications/${APP}/snapshots/1`, { submission: 1 }],
      [
        "applications/app-of-other",
        { ...applicationData(), ownerUid: OTHER_CANDIDATE, supervisorIds: [OTHER_SUPERVISOR], graderUids: [] },
      ],
      ["examResults/exam-1", { uid: OWNER, passed: true, sittingDate: "2025-11-07", resultDate: "2025-12-19" }],
      // The other candidate's passed exam: what creating an application needs (logbook access, issue 12).
      [
        `examResults/${OTHER_CANDIDATE_EXAM}`,
        { uid: OTHER_CANDIDATE, passed: true, sittingDate: "2025-11-07", resultDate: "2025-12-19", status: "passed" },
      ],
      [
        `examResults/${OWNER_RESIT_EXAM}`,
        { uid: OWNER, passed: true, sittingDate: "2024-11-07", resultDate: "2024-12-19", status: "passed" },
      ],
      [
        `certifications/${OTHER_CANDIDATE_LEVEL2}`,
        { uid: OTHER_CANDIDATE, level: 2, awardedOn: "2024-01-01", expiresOn: "2029-01-01", status: "active" },
      ],
      [
        "certifications/cert-1",
        { uid: OWNER, level: 2, awardedOn: "2023-01-01", expiresOn: "2028-01-01", status: "active" },
      ],
      ["register/cert-1", { name: "Owner", level: 2, country: "FR", expiresOn: "2028-01-01" }],
      ["config/policy", { version: "board-2027" }],
      ["mail/m-1", { to: "owner@example.org", message: { subject: "Reminder", text: "..." } }],
      [`revalidationState/${APP}`, { revision: 3 }],
      [`users/${OWNER}/notifications/n-1`, { title: "Reminder", createdAt: new Date() }],
      [`users/${OWNER}/evidence/ev-1`, { status: "accepted", submittedIn: APP, size: 1000 }],
    ];
    // One batch: the world is seeded before every rules test (and every rules mutant's run).
    const batch = writeBatch(db);
    for (const [path, data] of writes) batch.set(doc(db, path), data);
    await batch.commit();
  });
}

/**
 * The lifecycle every rules test file shares: one environment for the file,
 * an empty database seeded with the world before each test. Returns a getter.
 */
export function useRulesWorld(): () => RulesTestEnvironment {
  let env: RulesTestEnvironment;
  beforeAll(async () => {
    env = await rulesEnvironment();
  });
  afterAll(() => env.cleanup());
  beforeEach(async () => {
    await env.clearFirestore();
    await seedWorld(env);
  });
  return () => env;
}

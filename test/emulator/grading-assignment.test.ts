// Grader assignment on submission and resubmission, the committee's
// reassignment, and the release of loads, through the real trigger.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPERVISOR_ID } from "../factories/bundle.js";
import { SMALL_POLICY_OVERRIDE } from "../factories/policy.js";
import { assignOnSubmission } from "../../functions/src/grading/assign-graders.js";
import { adminDb, callFunction, setPolicy, uniqueId } from "./helpers.js";
import {
  CANDIDATE_INSTITUTION,
  eligibleApplication,
  loadOf,
  resetGraders,
  roundOf,
  submit,
  waitForRound,
} from "./grading-helpers.js";

const db = adminDb();
beforeAll(() => setPolicy(db, SMALL_POLICY_OVERRIDE));
afterAll(async () => {
  await setPolicy(db, null);
  await resetGraders(db, []); // no active grader left for the other test files
});
// Several submissions and triggers per test: generous limits for a busy machine.
const WALK = { timeout: 180_000 };
const committee = { uid: "committee-1", claims: { role: "committee" } };

describe("assignment on submission", () => {
  it("assigns the two least-loaded eligible graders and never a conflicted one", WALK, async () => {
    const { appId, ownerUid } = await eligibleApplication(db);
    const [sameInstitution, supervisorsInstitution, busy, free1, free2, full] = await resetGraders(db, [
      { institution: "hopital europeen georges pompidou" },
      { institution: "Kings College London" },
      { openAssignments: 3 },
      { openAssignments: 1 },
      { openAssignments: 0 },
      { capacity: 2, openAssignments: 2 },
    ]);
    // The supervisor and the candidate have a grader profile too: still excluded.
    await db
      .doc(`graders/${SUPERVISOR_ID}`)
      .set({ institution: "Elsewhere", country: "DE", active: true, capacity: 9 });
    await db.doc(`graders/${ownerUid}`).set({ institution: "Elsewhere 2", country: "DE", active: true, capacity: 9 });

    await submit(appId, ownerUid);
    const round = await waitForRound(db, appId, (r) => r.status === "grading", "graders assigned");
    expect(round.graderUids).toEqual([free2, free1]);
    expect(round).toMatchObject({ submission: 1, candidateUid: ownerUid, route: "level2", gradedBy: [] });
    for (const excluded of [sameInstitution, supervisorsInstitution, busy, full, SUPERVISOR_ID, ownerUid]) {
      expect(round.graderUids).not.toContain(excluded);
    }
    expect((await db.doc(`applications/${appId}`).get()).get("graderUids")).toEqual([free2, free1]);
    expect(await loadOf(db, free1)).toBe(2);
    expect(await loadOf(db, free2)).toBe(1);
    expect(await loadOf(db, busy)).toBe(3);

    // Notified: in-app and by e-mail, once each.
    const mailId = `grading-${appId}-1-assigned-${free1}`;
    expect((await db.doc(`users/${free1}/notifications/${mailId}`).get()).exists).toBe(true);
    expect((await db.doc(`mail/${mailId}`).get()).get("to")).toBe(`${free1}@example.org`);

    // Random checks: at least policy.minCases (3) of the 6 cases, to the named supervisor.
    const checks = await db.collection(`gradings/${appId}/checks`).get();
    expect(checks.size).toBe(3);
    expect(round.sampleCaseIds).toHaveLength(3);
    for (const c of checks.docs) expect(c.data()).toMatchObject({ supervisorUid: SUPERVISOR_ID, status: "pending" });
    const history = (await db.collection(`gradings/${appId}/history`).get()).docs.map((d) => d.id);
    expect(history).toEqual(["001-assigned", "001-submitted"]);
    await db.doc(`graders/${SUPERVISOR_ID}`).delete();
    await db.doc(`graders/${ownerUid}`).delete();
  });

  it("a redelivered event assigns nothing more (idempotent)", WALK, async () => {
    const { appId, ownerUid } = await eligibleApplication(db);
    const [a, b] = await resetGraders(db, [{}, {}]);
    await submit(appId, ownerUid);
    await waitForRound(db, appId, (r) => r.status === "grading", "graders assigned");
    const again = await Promise.all([
      assignOnSubmission(db, appId, new Date(), ""),
      assignOnSubmission(db, appId, new Date(), ""),
    ]);
    expect(again.map((r) => r.outcome)).toEqual(["skipped", "skipped"]);
    expect([await loadOf(db, a), await loadOf(db, b)]).toEqual([1, 1]);
    expect((await db.collection(`gradings/${appId}/checks`).get()).size).toBe(3);
  });

  it("waits unassigned when fewer than two graders are eligible; the committee fills it later", WALK, async () => {
    const { appId, ownerUid } = await eligibleApplication(db);
    const [only] = await resetGraders(db, [{}, { institution: CANDIDATE_INSTITUTION.toUpperCase() }]);
    await submit(appId, ownerUid);
    const round = await waitForRound(db, appId, (r) => r.status === "unassigned", "unassigned");
    expect(round.graderUids).toEqual([]);
    expect(await loadOf(db, only)).toBe(0);
    expect((await db.doc(`applications/${appId}`).get()).get("status")).toBe("submitted");

    const refused = await callFunction(
      "reassignGrader",
      { applicationId: appId, replaceGraderUid: null, reason: "fill" },
      committee,
    );
    expect(refused.error?.status).toBe("FAILED_PRECONDITION");

    const newcomer = uniqueId("grader");
    await db.doc(`graders/${newcomer}`).set({ institution: "Far Away", country: "IT", active: true, capacity: 5 });
    const { result } = await callFunction(
      "reassignGrader",
      { applicationId: appId, replaceGraderUid: null, reason: "a new grader joined" },
      committee,
    );
    expect([...(result?.graderUids as string[])].sort()).toEqual([newcomer, only].sort());
    expect(await roundOf(db, appId)).toMatchObject({ status: "grading" });
    expect(await loadOf(db, newcomer)).toBe(1);
  });

  it("the committee replaces a grader with a reason; only the committee or the chair may", WALK, async () => {
    const { appId, ownerUid } = await eligibleApplication(db);
    const [a, b, c] = await resetGraders(db, [{}, {}, { openAssignments: 4 }]);
    await submit(appId, ownerUid);
    await waitForRound(db, appId, (r) => r.status === "grading", "graders assigned");
    const input = { applicationId: appId, replaceGraderUid: a, reason: "conflict of interest declared" };

    expect((await callFunction("reassignGrader", input, { uid: a, claims: { role: "grader" } })).error?.status).toBe(
      "PERMISSION_DENIED",
    );
    expect((await callFunction("reassignGrader", { ...input, reason: " " }, committee)).error?.status).toBe(
      "INVALID_ARGUMENT",
    );
    expect((await callFunction("reassignGrader", { ...input, replaceGraderUid: c }, committee)).error?.status).toBe(
      "FAILED_PRECONDITION",
    );

    const { result } = await callFunction("reassignGrader", input, committee);
    expect(result?.graderUids).toEqual([b, c]);
    expect([await loadOf(db, a), await loadOf(db, b), await loadOf(db, c)]).toEqual([0, 1, 5]);
    const events = (await db.collection(`gradings/${appId}/history`).where("event", "==", "reassigned").get()).docs;
    expect(events.map((e) => e.get("reason"))).toEqual(["conflict of interest declared"]);
  });

  it("a return closes the round and releases the loads; the resubmission is assigned afresh", WALK, async () => {
    const { appId, ownerUid } = await eligibleApplication(db);
    const [a, b] = await resetGraders(db, [{}, {}]);
    await submit(appId, ownerUid);
    await waitForRound(db, appId, (r) => r.status === "grading", "graders assigned");
    const { error } = await callFunction(
      "returnForModification",
      { applicationId: appId, reasons: ["add the full report of case 3"] },
      committee,
    );
    expect(error).toBeUndefined();
    await waitForRound(db, appId, (r) => r.status === "closed", "round closed");
    expect([await loadOf(db, a), await loadOf(db, b)]).toEqual([0, 0]);

    await submit(appId, ownerUid);
    const round = await waitForRound(
      db,
      appId,
      (r) => r.submission === 2 && r.status === "grading",
      "second round assigned",
    );
    expect(round.graderUids).toHaveLength(2);
    expect([await loadOf(db, a), await loadOf(db, b)]).toEqual([1, 1]);
    const history = (await db.collection(`gradings/${appId}/history`).get()).docs.map((d) => d.id);
    expect(history).toEqual(["001-assigned", "001-submitted", "002-assigned", "002-submitted"]);
  });
});

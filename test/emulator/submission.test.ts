// submitApplication, withdrawApplication and returnForModification, called
// through the Functions emulator as a client would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateApplication } from "../../functions/src/logbook/domain/index.js";
import { makeBundle } from "../factories/bundle.js";
import { SMALL_POLICY, SMALL_POLICY_OVERRIDE } from "../factories/policy.js";
import { adminDb, callFunction, seedApplication, setPolicy, today, waitFor } from "./helpers.js";

const db = adminDb();
beforeAll(() => setPolicy(db, SMALL_POLICY_OVERRIDE));
afterAll(() => setPolicy(db, null));
const committee = { uid: "committee-1", claims: { role: "committee" } };

async function eligibleApplication() {
  const bundle = makeBundle("level2", {}, SMALL_POLICY);
  const seeded = await seedApplication(db, bundle);
  return { ...seeded, bundle, owner: { uid: seeded.ownerUid } };
}

const statusOf = async (appId: string) => (await db.doc(`applications/${appId}`).get()).get("status");

describe("submitApplication", () => {
  it("refuses a caller who is not signed in (unauthenticated)", async () => {
    const { appId } = await eligibleApplication();
    const { error } = await callFunction("submitApplication", { applicationId: appId });
    expect(error?.status).toBe("UNAUTHENTICATED");
  });

  it("refuses malformed input with invalid-argument", async () => {
    const { error } = await callFunction("submitApplication", { applicationId: "a/b" }, { uid: "someone" });
    expect(error?.status).toBe("INVALID_ARGUMENT");
    expect(error?.message).toContain("applicationId");
  });

  it("refuses another candidate (permission-denied) and an unknown application (not-found)", async () => {
    const { appId } = await eligibleApplication();
    expect((await callFunction("submitApplication", { applicationId: appId }, { uid: "intruder" })).error?.status).toBe(
      "PERMISSION_DENIED",
    );
    expect((await callFunction("submitApplication", { applicationId: "nope" }, { uid: "x" })).error?.status).toBe(
      "NOT_FOUND",
    );
  });

  it("refuses an application that is not eligible, listing the error findings", async () => {
    const bundle = makeBundle("level2", { supervisorDeclaration: null }, SMALL_POLICY);
    const { appId, ownerUid } = await seedApplication(db, bundle);
    const { error } = await callFunction("submitApplication", { applicationId: appId }, { uid: ownerUid });
    expect(error?.status).toBe("FAILED_PRECONDITION");
    expect((error?.details?.findings as { code: string }[]).map((f) => f.code)).toEqual([
      "SUPERVISOR_DECLARATION_MISSING",
    ]);
    expect(await statusOf(appId)).toBe("draft");
  });

  it("accepts an eligible application and freezes exactly what was judged", async () => {
    const { appId, owner, bundle } = await eligibleApplication();
    const { result } = await callFunction("submitApplication", { applicationId: appId }, owner);
    expect(result).toMatchObject({ status: "submitted", submission: 1 });
    expect(await statusOf(appId)).toBe("submitted");

    const snapshot = (await db.doc(`applications/${appId}/snapshots/1`).get()).data();
    const judgedOn = today();
    // The live bundle also carries the owner's uid and the named supervisors (never their own supervisor).
    const judged = {
      ...bundle,
      asOf: judgedOn,
      candidate: { ...bundle.candidate, uid: owner.uid },
      supervisorIds: bundle.supervisors.map((s) => s.id),
    };
    expect(snapshot?.bundle).toEqual(JSON.parse(JSON.stringify(judged)));
    expect(snapshot?.report).toEqual(JSON.parse(JSON.stringify(validateApplication(snapshot?.bundle, SMALL_POLICY))));
    expect(snapshot?.report).toEqual(result?.report);
    expect((await db.doc(`applications/${appId}`).get()).get("submittedOn")).toBe(judgedOn);
  });

  it("stops the exam's logbook-deadline reminders", async () => {
    const { appId, owner } = await eligibleApplication();
    await callFunction("submitApplication", { applicationId: appId }, owner);
    expect((await db.doc(`examResults/${appId}-exam`).get()).get("logbookSubmittedOn")).toBe(today());
  });

  it("marks the evidence the application names as submitted, so Storage rules freeze it", async () => {
    const { appId, owner, bundle } = await eligibleApplication();
    const certificate = bundle.cme[0].certificateId!;
    await db.doc(`users/${owner.uid}/evidence/${certificate}`).set({ status: "accepted" });
    await db.doc(`users/${owner.uid}/evidence/unrelated`).set({ status: "accepted" });
    await callFunction("submitApplication", { applicationId: appId }, owner);
    expect((await db.doc(`users/${owner.uid}/evidence/${certificate}`).get()).get("submittedIn")).toBe(appId);
    expect((await db.doc(`users/${owner.uid}/evidence/unrelated`).get()).get("submittedIn")).toBeUndefined();
  });

  it("refuses a second submission", async () => {
    const { appId, owner } = await eligibleApplication();
    await callFunction("submitApplication", { applicationId: appId }, owner);
    const { error } = await callFunction("submitApplication", { applicationId: appId }, owner);
    expect(error?.status).toBe("FAILED_PRECONDITION");
    expect(error?.message).toContain('"submitted"');
  });
});

describe("withdrawApplication", () => {
  it("lets the owner withdraw a submitted application, and nobody else", async () => {
    const { appId, owner } = await eligibleApplication();
    await callFunction("submitApplication", { applicationId: appId }, owner);
    expect((await callFunction("withdrawApplication", { applicationId: appId }, committee)).error?.status).toBe(
      "PERMISSION_DENIED",
    );
    expect((await callFunction("withdrawApplication", { applicationId: appId }, owner)).result).toEqual({
      status: "withdrawn",
    });
    expect(await statusOf(appId)).toBe("withdrawn");
  });

  it("refuses to withdraw after the committee's decision", async () => {
    const { appId, owner } = await eligibleApplication();
    await db.doc(`applications/${appId}`).update({ status: "passed" });
    expect((await callFunction("withdrawApplication", { applicationId: appId }, owner)).error?.status).toBe(
      "FAILED_PRECONDITION",
    );
  });
});

describe("returnForModification", () => {
  it("only the committee may return an application", async () => {
    const { appId, owner } = await eligibleApplication();
    await callFunction("submitApplication", { applicationId: appId }, owner);
    const input = { applicationId: appId, reasons: ["Case 12: please add the report date."] };
    for (const caller of [owner, { uid: "g", claims: { role: "grader" } }, { uid: "a", claims: { role: "admin" } }]) {
      expect((await callFunction("returnForModification", input, caller)).error?.status).toBe("PERMISSION_DENIED");
    }
    expect(
      (await callFunction("returnForModification", { applicationId: appId, reasons: [] }, committee)).error?.status,
    ).toBe("INVALID_ARGUMENT");
  });

  it("reopens the application for editing, keeps the first snapshot, and a resubmission makes a second", async () => {
    const { appId, owner } = await eligibleApplication();
    await callFunction("submitApplication", { applicationId: appId }, owner);
    const input = { applicationId: appId, reasons: ["Please review the congenital cases."] };
    expect((await callFunction("returnForModification", input, committee)).result).toEqual({ status: "returned" });
    const app = (await db.doc(`applications/${appId}`).get()).data();
    expect(app).toMatchObject({ status: "returned", returnReasons: input.reasons, returnedBy: committee.uid });
    expect((await db.doc(`applications/${appId}/snapshots/1`).get()).exists).toBe(true);

    expect((await callFunction("submitApplication", { applicationId: appId }, owner)).result).toMatchObject({
      submission: 2,
    });
    const snapshots = await db.collection(`applications/${appId}/snapshots`).get();
    expect(snapshots.docs.map((d) => d.id)).toEqual(["1", "2"]);
  });

  it("cannot return a draft", async () => {
    const { appId } = await eligibleApplication();
    const { error } = await callFunction("returnForModification", { applicationId: appId, reasons: ["x"] }, committee);
    expect(error?.status).toBe("FAILED_PRECONDITION");
  });
});

describe("the live report after a status change", () => {
  it("is not recomputed while the application is submitted", async () => {
    const { appId, owner } = await eligibleApplication();
    const report = () => db.doc(`applications/${appId}/validation/current`).get();
    const state = async () => (await db.doc(`revalidationState/${appId}`).get()).data();
    await waitFor(
      async () => (await report()).get("eligible"),
      (eligible) => eligible === true,
      {
        what: "the first live report",
      },
    );
    await callFunction("submitApplication", { applicationId: appId }, owner);
    const reportBefore = (await report()).data();
    const before = await state();

    await db.doc(`applications/${appId}/cases/late-edit`).set({ anything: true });
    const after = await waitFor(
      state,
      (s) => (s?.stats?.skippedNotEditable ?? 0) > (before?.stats?.skippedNotEditable ?? 0),
      {
        what: "the revalidation task to see the submitted status",
      },
    );
    expect(after?.stats?.computations).toBe(before?.stats?.computations);
    expect((await report()).data()).toEqual(reportBefore);
  });
});

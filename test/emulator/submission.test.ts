// submitApplication, withdrawApplication and returnForModification, called
// through the Functions emulator as a client would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateApplication } from "../../functions/src/logbook/domain/index.js";
import { realPdf } from "../factories/files.js";
import { makeBundle } from "../factories/bundle.js";
import { SMALL_POLICY, SMALL_POLICY_OVERRIDE } from "../factories/policy.js";
import { evidenceIdsOf, uploadEvidence as upload } from "./evidence-helpers.js";
import { adminDb, callFunction, seedApplication, setPolicy, today, waitFor } from "./helpers.js";

const db = adminDb();
beforeAll(() => setPolicy(db, SMALL_POLICY_OVERRIDE));
afterAll(() => setPolicy(db, null));
const committee = { uid: "committee-1", claims: { role: "committee" } };

async function eligibleApplication({
  withEvidence = true,
  ownerUid,
}: { withEvidence?: boolean; ownerUid?: string } = {}) {
  const bundle = makeBundle("level2", {}, SMALL_POLICY);
  const seeded = await seedApplication(db, bundle, ownerUid ? { ownerUid } : {});
  if (withEvidence) await upload(db, seeded.ownerUid, evidenceIdsOf(bundle));
  return { ...seeded, bundle, owner: { uid: seeded.ownerUid } };
}

const evidenceOf = async (uid: string, id: string) => (await db.doc(`users/${uid}/evidence/${id}`).get()).data();

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

  it("freezes the evidence the application names, and only that", async () => {
    const { appId, owner, bundle } = await eligibleApplication();
    await upload(db, owner.uid, ["unrelated"]);
    await callFunction("submitApplication", { applicationId: appId }, owner);
    for (const id of evidenceIdsOf(bundle)) expect((await evidenceOf(owner.uid, id))?.submittedIn).toEqual([appId]);
    expect((await evidenceOf(owner.uid, "unrelated"))?.submittedIn).toBeUndefined();
  });

  it("keeps in the snapshot the path and SHA-256 of every file as judged", async () => {
    const { appId, owner, bundle } = await eligibleApplication();
    await callFunction("submitApplication", { applicationId: appId }, owner);
    const snapshot = (await db.doc(`applications/${appId}/snapshots/1`).get()).data();
    const certificate = bundle.cme[0].certificateId!;
    expect(snapshot?.evidence[certificate]).toEqual({
      path: `evidence/${owner.uid}/${certificate}/certificate.pdf`,
      sha256: (await evidenceOf(owner.uid, certificate))?.sha256,
      size: realPdf().length,
      contentType: "application/pdf",
      generation: (await evidenceOf(owner.uid, certificate))?.generation,
    });
    expect(Object.keys(snapshot?.evidence).sort()).toEqual(evidenceIdsOf(bundle).sort());
  });

  it("refuses a second submission", async () => {
    const { appId, owner } = await eligibleApplication();
    await callFunction("submitApplication", { applicationId: appId }, owner);
    const { error } = await callFunction("submitApplication", { applicationId: appId }, owner);
    expect(error?.status).toBe("FAILED_PRECONDITION");
    expect(error?.message).toContain('"submitted"');
  });
});

describe("submitApplication and the evidence it names", () => {
  const submit = (appId: string, owner: { uid: string }) =>
    callFunction("submitApplication", { applicationId: appId }, owner);
  type Missing = { evidenceId: string; usedBy: string[]; problem: string };

  it("refuses placeholder ids that were never uploaded, listing each one and who names it", async () => {
    const { appId, owner, bundle } = await eligibleApplication({ withEvidence: false });
    const { error } = await submit(appId, owner);
    expect(error?.status).toBe("FAILED_PRECONDITION");
    const missing = error?.details?.missingEvidence as Missing[];
    expect(missing.map((m) => m.evidenceId).sort()).toEqual(evidenceIdsOf(bundle).sort());
    expect(missing.find((m) => m.evidenceId === "ev-acls")).toEqual({
      evidenceId: "ev-acls",
      usedBy: ["profile (ACLS)"],
      problem: "no file uploaded under this id",
    });
    expect(missing.find((m) => m.evidenceId === bundle.cme[0].certificateId)?.usedBy).toEqual([
      `cme/${bundle.cme[0].id}`,
    ]);
    expect(error?.message).toContain("ev-acls (profile (ACLS): no file uploaded under this id)");
    expect(error?.details?.findings).toEqual([]);
    expect(await statusOf(appId)).toBe("draft");
  });

  it.each([
    ["deleted", { status: "deleted" }, "the file was deleted; upload it again under a new id"],
    ["rejected", { status: "rejected", reason: "the file is empty" }, "the file was rejected: the file is empty"],
    ["not yet checked", { status: "pending" }, "the file has not been checked yet; try again in a minute"],
  ])("refuses evidence that is %s, and submits once it is accepted again", async (_what, change, problem) => {
    const { appId, owner } = await eligibleApplication();
    await db.doc(`users/${owner.uid}/evidence/ev-acls`).update(change);
    const { error } = await submit(appId, owner);
    expect(error?.details?.missingEvidence).toEqual([{ evidenceId: "ev-acls", usedBy: ["profile (ACLS)"], problem }]);
    await upload(db, owner.uid, ["ev-acls"]);
    expect((await submit(appId, owner)).result).toMatchObject({ status: "submitted" });
  });

  it("names a recognition item's evidence among what is missing", async () => {
    const { appId, owner } = await eligibleApplication();
    await db
      .doc(`applications/${appId}/recognition/pub-1`)
      .set({ kind: "publication", date: "2024-02-01", evidenceId: "ev-pub" });
    const { error } = await submit(appId, owner);
    expect(error?.details?.missingEvidence).toEqual([
      { evidenceId: "ev-pub", usedBy: ["recognition/pub-1"], problem: "no file uploaded under this id" },
    ]);
  });

  it("does not ask for evidence that no document names (a cleared id)", async () => {
    const { appId, owner } = await eligibleApplication();
    await db
      .doc(`applications/${appId}/recognition/pub-1`)
      .set({ kind: "publication", date: "2024-02-01", evidenceId: null });
    expect((await submit(appId, owner)).result).toMatchObject({ status: "submitted" });
  });

  it("a file used by two applications stays frozen for both", async () => {
    const first = await eligibleApplication();
    await submit(first.appId, first.owner);
    const second = await eligibleApplication({ withEvidence: false, ownerUid: first.owner.uid });
    expect((await submit(second.appId, second.owner)).result).toMatchObject({ status: "submitted" });
    expect((await evidenceOf(first.owner.uid, "ev-acls"))?.submittedIn).toEqual([first.appId, second.appId]);
  });

  it("keeps the application of an older record frozen with a single id", async () => {
    const { appId, owner } = await eligibleApplication();
    await db.doc(`users/${owner.uid}/evidence/ev-acls`).update({ submittedIn: "app-from-before" });
    await submit(appId, owner);
    expect((await evidenceOf(owner.uid, "ev-acls"))?.submittedIn).toEqual(["app-from-before", appId]);
  });

  it("refuses a file already frozen by three other applications, and accepts one frozen by two", async () => {
    const { appId, owner } = await eligibleApplication();
    await db.doc(`users/${owner.uid}/evidence/ev-acls`).update({ submittedIn: ["a1", "a2", "a3"] });
    const { error } = await submit(appId, owner);
    expect(error?.details?.missingEvidence).toEqual([
      {
        evidenceId: "ev-acls",
        usedBy: ["profile (ACLS)"],
        problem: "the file is already part of 3 other submitted applications; upload a copy under a new id",
      },
    ]);
    await db.doc(`users/${owner.uid}/evidence/ev-acls`).update({ submittedIn: ["a1", "a2"] });
    expect((await submit(appId, owner)).result).toMatchObject({ status: "submitted" });
    expect((await evidenceOf(owner.uid, "ev-acls"))?.submittedIn).toEqual(["a1", "a2", appId]);
  });

  it("after a return the candidate replaces a certificate under a new id; the old one stays frozen in snapshot 1", async () => {
    const { appId, owner, bundle } = await eligibleApplication();
    const entry = bundle.cme[0];
    const oldId = entry.certificateId!;
    await submit(appId, owner);
    const frozen = await evidenceOf(owner.uid, oldId);
    await callFunction("returnForModification", { applicationId: appId, reasons: [`Replace ${oldId}.`] }, committee);

    // The old id cannot be written again, whatever the file.
    await upload(db, owner.uid, [oldId]);
    expect(await evidenceOf(owner.uid, oldId)).toEqual(frozen);

    await upload(db, owner.uid, ["cert-replacement"]);
    await db.doc(`applications/${appId}/cme/${entry.id}`).update({ certificateId: "cert-replacement" });
    expect((await submit(appId, owner)).result).toMatchObject({ submission: 2 });

    const [first, second] = await Promise.all(
      [1, 2].map(async (n) => (await db.doc(`applications/${appId}/snapshots/${n}`).get()).data()),
    );
    expect(Object.keys(first?.evidence)).toContain(oldId);
    expect(first?.evidence[oldId].sha256).toBe(frozen?.sha256);
    expect(Object.keys(second?.evidence)).toContain("cert-replacement");
    expect(Object.keys(second?.evidence)).not.toContain(oldId);
    expect((await evidenceOf(owner.uid, oldId))?.submittedIn).toEqual([appId]);
    expect((await evidenceOf(owner.uid, "cert-replacement"))?.submittedIn).toEqual([appId]);
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
      // The queue is shared with the tasks of every application this file seeded before.
      { what: "the first live report", timeoutMs: 60_000 },
    );
    await callFunction("submitApplication", { applicationId: appId }, owner);
    const reportBefore = (await report()).data();
    const before = await state();

    await db.doc(`applications/${appId}/cases/late-edit`).set({ anything: true });
    const after = await waitFor(
      state,
      (s) => (s?.stats?.skippedNotEditable ?? 0) > (before?.stats?.skippedNotEditable ?? 0),
      { what: "the revalidation task to see the submitted status", timeoutMs: 60_000 },
    );
    expect(after?.stats?.computations).toBe(before?.stats?.computations);
    expect((await report()).data()).toEqual(reportBefore);
  }, 150_000);
});

// Remote supervision end to end: the live report refuses the cases and the
// training of a supervisor at another institution; the candidate asks for
// approval naming them; the supervisor adds a statement; the board asks for
// changes, the candidate resubmits (the 4-week clock restarts), the board
// grants, and the live report counts them again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDaysIso } from "../../functions/src/platform/domain/dates.js";
import { makeBundle, SUPERVISOR_ID } from "../factories/bundle.js";
import { SMALL_POLICY, SMALL_POLICY_OVERRIDE } from "../factories/policy.js";
import { adminDb, callFunction, seedApplication, setPolicy, today, waitFor } from "./helpers.js";
import {
  askChanges,
  decide,
  historyOf,
  mailTo,
  ok,
  registeredSupervisor,
  requestDoc,
  submitReq,
  waitForReport,
} from "./requests-helpers.js";

const db = adminDb();
beforeAll(() => setPolicy(db, SMALL_POLICY_OVERRIDE));
afterAll(() => setPolicy(db, null));

const remote = (supervisor: string, over: object = {}) => ({
  kind: "remote-supervision",
  reason: "No Level 3 CMR practitioner at my hospital.",
  institutionAnnualCaseload: 350,
  localSupervision: "A Level 2 colleague reviews my scans on site.",
  remoteSupervisorUid: supervisor,
  arrangements: "Weekly online review of every case with the remote supervisor.",
  contactTime: "Two hours a week",
  assessmentMethods: "Joint reporting and a monthly audit of my reports.",
  from: "2024-06-01",
  to: "2026-12-31",
  ...over,
});

const codes = (r: Record<string, unknown>) => (r.findings as { code: string }[]).map((f) => f.code);

describe("a remote-supervision request", () => {
  it("goes through changes requested, is granted, and changes the live report", { timeout: 300_000 }, async () => {
    const bundle = makeBundle("level2", {}, SMALL_POLICY);
    const { appId, ownerUid } = await seedApplication(db, bundle);
    await db.doc(`users/${ownerUid}`).update({ institution: "Centre Hospitalier de Lens" });
    await db.doc(`supervisors/${SUPERVISOR_ID}`).set({ institution: "Remote University Hospital" }, { merge: true });
    await db.doc(`users/${SUPERVISOR_ID}`).set({ displayName: "Dr Remote", email: "remote@example.org" });

    // Without approval the supervisor's cases and training do not count, and the report says why.
    const refused = await waitForReport(
      db,
      appId,
      (r) => codes(r).includes("REMOTE_SUPERVISION_NOT_APPROVED"),
      "the report refusing the remote supervisor",
    );
    expect(refused.eligible).toBe(false);

    // The remote supervisor must be a current Level 3: a lapsed one is refused.
    const lapsed = await registeredSupervisor(db, { level3Until: addDaysIso(today(), -1) });
    const notCurrent = await submitReq(ownerUid, remote(lapsed));
    expect(notCurrent.error?.status).toBe("FAILED_PRECONDITION");
    expect(notCurrent.error?.message).toContain("current Level 3");
    // All seven items are required.
    expect((await submitReq(ownerUid, remote(SUPERVISOR_ID, { assessmentMethods: "" }))).error?.status).toBe(
      "INVALID_ARGUMENT",
    );

    const sent = ok(await submitReq(ownerUid, remote(SUPERVISOR_ID)));
    const id = sent.requestId as string;
    expect(sent.decisionDueOn).toBe(addDaysIso(today(), 28));
    expect(await mailTo(db, `request-${id}-001-submitted-${SUPERVISOR_ID}`)).toBe("remote@example.org");

    // The supervisor adds their statement (as firestore.rules let them); it is recorded and the candidate told.
    await db.doc(`requests/${id}`).update({
      supervisorStatement: { by: SUPERVISOR_ID, text: "I agree to supervise remotely.", signedOn: today() },
    });
    await waitFor(
      () => historyOf(db, id),
      (h) => h.includes("002-statement-added"),
      { what: "the statement in the history", timeoutMs: 60_000 },
    );
    expect(await mailTo(db, `request-${id}-002-statement-added-${ownerUid}`)).toBe(`${ownerUid}@example.org`);

    ok(await askChanges(id, "State the contact time per month."));
    expect((await requestDoc(db, id))?.decisionDueOn).toBeNull();
    ok(
      await callFunction(
        "resubmitRequest",
        { requestId: id, content: remote(SUPERVISOR_ID, { contactTime: "Eight hours a month" }) },
        { uid: ownerUid },
      ),
    );
    expect(await requestDoc(db, id)).toMatchObject({
      status: "resubmitted",
      decisionDueOn: addDaysIso(today(), 28),
      content: { contactTime: "Eight hours a month" },
    });
    // Still refused in the report: not granted yet.
    expect(codes((await db.doc(`applications/${appId}/validation/current`).get()).data()!)).toContain(
      "REMOTE_SUPERVISION_NOT_APPROVED",
    );

    const granted = ok(await decide(id, { outcome: "granted", reason: "Arrangements are adequate." }));
    expect(granted).toMatchObject({
      outcome: "approved",
      covers: { supervisorId: SUPERVISOR_ID, from: "2024-06-01", to: "2026-12-31" },
    });
    expect(await historyOf(db, id)).toEqual([
      "001-submitted",
      "002-statement-added",
      "003-changes-requested",
      "004-resubmitted",
      "005-granted",
    ]);
    const eligible = await waitForReport(db, appId, (r) => r.eligible === true, "the report counting them again");
    expect(codes(eligible)).not.toContain("REMOTE_SUPERVISION_NOT_APPROVED");
  });
});

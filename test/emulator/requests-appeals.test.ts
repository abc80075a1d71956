// Special circumstances, logbook appeals and exam appeals end to end, through
// the real callables and triggers: a policy override that changes one live
// report; an overturned logbook appeal, decided by a panel without the
// original graders, that leads to a certification; a re-marked exam appeal
// that opens the logbook deadline from the new result date; a confirmed one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDaysIso, addMonthsIso } from "../../functions/src/platform/domain/dates.js";
import { logbookDeadline } from "../../functions/src/logbook/index.js";
import { DEFAULT_POLICY } from "../../functions/src/platform/domain/policy.js";
import { makeBundle } from "../factories/bundle.js";
import { SMALL_POLICY, SMALL_POLICY_OVERRIDE } from "../factories/policy.js";
import { adminDb, callFunction, seedApplication, setPolicy, today, waitFor } from "./helpers.js";
import { eligibleApplication, resetGraders, submit, waitForRound } from "./grading-helpers.js";
import {
  candidateWithExam,
  chair,
  committee,
  decide,
  historyOf,
  ok,
  requestDoc,
  submitReq,
  waitForReport,
} from "./requests-helpers.js";

const db = adminDb();
beforeAll(() => setPolicy(db, SMALL_POLICY_OVERRIDE));
afterAll(async () => {
  await setPolicy(db, null);
  await resetGraders(db, []);
});
const WALK_MS = 300_000;
const codes = (r: Record<string, unknown>) => (r.findings as { code: string }[]).map((f) => f.code);

describe("special circumstances", () => {
  it(
    "a grant with a policy override changes that one application's report, naming the decision",
    { timeout: WALK_MS },
    async () => {
      const bundle = makeBundle("level2", {}, SMALL_POLICY);
      const required = SMALL_POLICY.cases.required.level2;
      const { appId, ownerUid } = await seedApplication(db, { ...bundle, cases: bundle.cases.slice(0, required - 1) });
      const short = await waitForReport(db, appId, (r) => codes(r).includes("CASES_TOO_FEW"), "one case short");
      expect(short.eligible).toBe(false);

      // Only the owner of the application may ask about it.
      const content = {
        kind: "special-circumstances",
        applicationId: appId,
        text: "My centre closed for renovation for three months.",
      };
      expect((await submitReq("someone-else", content)).error?.status).toBe("PERMISSION_DENIED");
      const id = ok(await submitReq(ownerUid, content)).requestId as string;

      // An override that would make the policy invalid is refused, and nothing is decided.
      const bad = await decide(id, {
        outcome: "granted",
        reason: "x",
        policyOverride: { cases: { required: { level2: -3 } } },
      });
      expect(bad.error?.status).toBe("INVALID_ARGUMENT");
      // So is a setting the policy does not have (the schema would drop it: the grant would change nothing), and {}.
      const REFUSED: [object, string][] = [
        [{ cases: { requird: { level2: 1 } } }, 'The policy has no setting "cases.requird"'],
        [{}, "The policy override names no setting"],
      ];
      for (const [policyOverride, why] of REFUSED) {
        const refused = await decide(id, { outcome: "granted", reason: "x", policyOverride });
        expect(refused.error?.status).toBe("INVALID_ARGUMENT");
        expect(refused.error?.message).toContain(why);
      }
      expect((await requestDoc(db, id))?.status).toBe("submitted");

      const override = { cases: { required: { level2: required - 1 } } };
      ok(await decide(id, { outcome: "granted", reason: "Documented closure.", policyOverride: override }));
      expect((await requestDoc(db, id))?.decision).toMatchObject({ outcome: "granted", policyOverride: override });
      const report = await waitForReport(db, appId, (r) => r.eligible === true, "the report under the override");
      const finding = (report.findings as { code: string; message: string; documentPath?: string }[]).find(
        (f) => f.code === "POLICY_OVERRIDE",
      );
      expect(finding?.documentPath).toBe(`requests/${id}`);
      expect(finding?.message).toContain(`decision ${id}: cases.required.level2 = ${required - 1}`);
    },
  );
});

describe("a logbook appeal", () => {
  it(
    "overturned by a panel without the original graders and chair leads to a certification",
    { timeout: WALK_MS },
    async () => {
      const app = await eligibleApplication(db);
      await resetGraders(db, [{}, {}]);
      await submit(app.appId, app.ownerUid);
      const round = await waitForRound(db, app.appId, (r) => r.status === "grading", "graders assigned");
      const graders = round.graderUids as string[];
      const fail = (comment: string) => ({
        applicationId: app.appId,
        areas: {
          cases: "does-not-meet",
          training: "meets",
          cme: "meets",
          peerRecognition: "not-applicable",
          supervisorDeclaration: "meets",
        },
        overall: "fail",
        comment,
      });
      for (const g of graders)
        ok(await callFunction("gradeApplication", fail("Too few cases."), { uid: g, claims: { role: "grader" } }));
      await waitForRound(db, app.appId, (r) => r.outcome === "failed", "failed");

      const content = {
        kind: "logbook-appeal",
        applicationId: app.appId,
        grounds: "Case 3 was wrongly read as observed.",
      };
      const id = ok(await submitReq(app.ownerUid, content)).requestId as string;
      expect(id).toBe(`logbook-appeal-${app.appId}-1`);
      // One appeal per decision.
      expect((await submitReq(app.ownerUid, content)).error?.status).toBe("ALREADY_EXISTS");
      expect(await requestDoc(db, id)).toMatchObject({ excludedDeciders: graders, applicationId: app.appId });

      // The original graders may not decide, even with the committee's claims.
      const graderOnPanel = await decide(
        id,
        { outcome: "granted", reason: "x" },
        { uid: graders[0], claims: { role: "committee" } },
      );
      expect(graderOnPanel.error?.status).toBe("PERMISSION_DENIED");
      ok(
        await decide(
          id,
          { outcome: "granted", reason: "The panel finds case 3 was performed by the candidate." },
          chair,
        ),
      );

      const certId = `cert-${app.appId}-1`;
      const cert = await waitFor(
        async () => (await db.doc(`certifications/${certId}`).get()).data(),
        (c) => c !== undefined,
        { what: "the certification", timeoutMs: 60_000 },
      );
      expect(cert).toMatchObject({ uid: app.ownerUid, level: 2, appealRequestId: id, status: "active" });
      expect((await db.doc(`applications/${app.appId}`).get()).get("status")).toBe("passed");
      expect((await requestDoc(db, id))?.decision).toMatchObject({ outcome: "overturned", by: chair.uid });
      // The grading history keeps the first decision and records the appeal's.
      const gradingHistory = (await db.collection(`gradings/${app.appId}/history`).get()).docs.map((d) => d.id);
      expect(gradingHistory).toEqual(expect.arrayContaining(["001-decided", "001-decided-appeal", "001-awarded"]));
      // The pass mail, with the certificate, under its own id (the failure's mail is kept).
      await waitFor(
        async () => (await db.doc(`mail/grading-${app.appId}-1-result-appeal`).get()).exists,
        (e) => e,
        { what: "the certificate mail", timeoutMs: 60_000 },
      );
      expect((await db.doc(`mail/grading-${app.appId}-1-result`).get()).get("message.subject")).toContain(
        "not accepted",
      );
    },
  );

  it("cannot appeal a logbook that did not fail", async () => {
    const bundle = makeBundle("level2", {}, SMALL_POLICY);
    const { appId, ownerUid } = await seedApplication(db, bundle, { withLogbook: false });
    const r = await submitReq(ownerUid, { kind: "logbook-appeal", applicationId: appId, grounds: "x" });
    expect(r.error?.status).toBe("FAILED_PRECONDITION");
  });
});

describe("an exam appeal", () => {
  const appeal = (examResultId: string) => ({
    kind: "exam-appeal",
    examResultId,
    grounds: "Item 42 had two correct answers.",
  });

  it(
    "re-marked to a pass: new score and outcome, the old one in history, the logbook deadline from the new date",
    { timeout: WALK_MS },
    async () => {
      const t = today();
      const { uid, examId } = await candidateWithExam(db, addDaysIso(t, -30), {
        passed: false,
        status: "failed",
        score: 58,
      });
      const id = ok(await submitReq(uid, appeal(examId))).requestId as string;
      // Only the exam board (committee claims) decides, and a re-marking gives the new marks.
      expect((await decide(id, { outcome: "granted", reason: "x" })).error?.status).toBe("INVALID_ARGUMENT");
      const decided = ok(
        await decide(id, { outcome: "granted", reason: "Item 42 removed.", remark: { score: 60, passMark: 60 } }),
      );
      expect(decided.outcome).toBe("re-marked");
      const exam = (await db.doc(`examResults/${examId}`).get()).data()!;
      expect(exam).toMatchObject({
        score: 60,
        passMark: 60,
        passed: true,
        status: "passed",
        resultDate: t,
        maxScore: 100,
      });
      expect(exam.history).toEqual([
        {
          score: 58,
          maxScore: 100,
          passMark: 60,
          passed: false,
          status: "failed",
          resultDate: addDaysIso(t, -30),
          replacedOn: t,
          byRequest: id,
        },
      ]);
      expect(logbookDeadline({ ...exam, id: examId } as never, DEFAULT_POLICY)).toBe(addMonthsIso(t, 24));
      expect(await historyOf(db, id)).toEqual(["001-submitted", "002-granted"]);
    },
  );

  it("confirmed: the result stays as it was", async () => {
    const { uid, examId } = await candidateWithExam(db, addDaysIso(today(), -5), {
      passed: false,
      status: "failed",
      score: 40,
    });
    const before = (await db.doc(`examResults/${examId}`).get()).data();
    const id = ok(await submitReq(uid, appeal(examId))).requestId as string;
    const decided = ok(await decide(id, { outcome: "refused", reason: "Marked correctly." }, committee));
    expect(decided.outcome).toBe("confirmed");
    const after = (await db.doc(`examResults/${examId}`).get()).data();
    expect({ ...after, nextActionOn: undefined }).toEqual({ ...before, nextActionOn: undefined });
  });

  it("is in time on the window's last day, not the day after", async () => {
    const t = today();
    const onTime = await candidateWithExam(db, addDaysIso(t, -30));
    expect((await submitReq(onTime.uid, appeal(onTime.examId))).error).toBeUndefined();
    const late = await candidateWithExam(db, addDaysIso(t, -31));
    const refused = await submitReq(late.uid, appeal(late.examId));
    expect(refused.error?.status).toBe("FAILED_PRECONDITION");
    expect(refused.error?.message).toContain(`closed on ${addDaysIso(t, -1)}`);
  });
});

// The request lifecycle through the real callables, on the extension kind:
// submitted -> changes requested -> resubmitted -> granted for fewer months
// than asked; the deadline moves on the exam result and the daily job and the
// live report follow; a late extension is refused; a withdrawn request cannot
// be decided; the recertification deadline moves the same way.
import { describe, expect, it } from "vitest";
import { addDaysIso, addMonthsIso } from "../../functions/src/platform/domain/dates.js";
import { DEFAULT_POLICY } from "../../functions/src/platform/domain/policy.js";
import { runLogbookDeadlineJob } from "../../functions/src/logbook/deadline-job.js";
import { adminDb, callFunction, today, waitFor } from "./helpers.js";
import {
  acceptedEvidence,
  askChanges,
  candidateWithExam,
  decide,
  historyOf,
  mailTo,
  ok,
  registeredSupervisor,
  requestDoc,
  submitReq,
} from "./requests-helpers.js";

const db = adminDb();
const WALK_MS = 180_000;

const extension = (examId: string, supervisor: string, over: object = {}) => ({
  kind: "extension",
  target: { deadline: "logbook", examResultId: examId },
  grounds: "parental-leave",
  requestedMonths: 6,
  explanation: "Parental leave from January to June.",
  letterEvidenceId: "letter",
  letterSupervisorUid: supervisor,
  ...over,
});

describe("an extension of the logbook deadline", () => {
  it(
    "goes through changes requested, is granted for fewer months, and moves the deadline the daily job uses",
    { timeout: WALK_MS },
    async () => {
      // The deadline is today (Europe/Paris): still in time.
      const t = today();
      const { uid, examId } = await candidateWithExam(db, addMonthsIso(t, -24));
      const deadline = addMonthsIso(addMonthsIso(t, -24), 24);
      expect(deadline <= t).toBe(true);
      const sup = await registeredSupervisor(db);
      await acceptedEvidence(db, uid, "letter");

      // Grounds outside the three, no letter, a letter not accepted: refused with what to do.
      expect((await submitReq(uid, extension(examId, sup, { grounds: "workload" }))).error?.status).toBe(
        "INVALID_ARGUMENT",
      );
      await db.doc(`users/${uid}/evidence/pending-letter`).set({ status: "rejected", reason: "not a PDF" });
      const rejected = await submitReq(uid, extension(examId, sup, { letterEvidenceId: "pending-letter" }));
      expect(rejected.error?.status).toBe("FAILED_PRECONDITION");
      expect(rejected.error?.message).toContain("pending-letter");
      // Someone else's exam result is not theirs to extend.
      const other = await candidateWithExam(db, addMonthsIso(t, -12));
      expect((await submitReq(uid, extension(other.examId, sup))).error?.status).toBe("PERMISSION_DENIED");
      // The letter is a supervisor's, never the candidate's own.
      expect((await submitReq(uid, extension(examId, uid))).error?.message).toContain("not by the candidate");

      const sent = ok(await submitReq(uid, extension(examId, sup)));
      const id = sent.requestId as string;
      expect(sent).toMatchObject({ status: "submitted", decisionDueOn: addDaysIso(t, 28) });
      expect(await requestDoc(db, id)).toMatchObject({
        kind: "extension",
        candidateUid: uid,
        status: "submitted",
        supervisorUids: [sup],
        evidenceIds: ["letter"],
        decision: null,
      });
      // The letter is frozen by the request.
      expect((await db.doc(`users/${uid}/evidence/letter`).get()).get("submittedIn")).toEqual([`request-${id}`]);
      // Candidate and the supervisor who signed are told, by mail and in the app.
      expect(await mailTo(db, `request-${id}-001-submitted-${uid}`)).toBe(`${uid}@example.org`);
      expect(await mailTo(db, `request-${id}-001-submitted-${sup}`)).toBe(`${sup}@example.org`);
      expect((await db.doc(`users/${uid}/notifications/request-${id}-001-submitted-${uid}`).get()).exists).toBe(true);

      // Only the committee decides; never the candidate.
      expect((await decide(id, { outcome: "granted", reason: "ok", grantedMonths: 3 }, { uid })).error?.status).toBe(
        "PERMISSION_DENIED",
      );

      ok(await askChanges(id, "The letter must state the duration."));
      expect(await requestDoc(db, id)).toMatchObject({ status: "changes-requested", decisionDueOn: null });
      // Not decidable while waiting for the candidate.
      expect((await decide(id, { outcome: "refused", reason: "x" })).error?.status).toBe("FAILED_PRECONDITION");
      // Another candidate cannot resubmit it.
      const foreign = await callFunction(
        "resubmitRequest",
        { requestId: id, content: extension(examId, sup) },
        { uid: other.uid },
      );
      expect(foreign.error?.status).toBe("PERMISSION_DENIED");
      // A resubmission cannot turn to another deadline (one long passed would skip the timing check).
      const stale = await db.collection("examResults").add({
        uid,
        passed: true,
        status: "expired-for-logbook",
        sittingDate: addMonthsIso(t, -40),
        resultDate: addMonthsIso(t, -38),
      });
      const retargeted = await callFunction(
        "resubmitRequest",
        { requestId: id, content: extension(stale.id, sup) },
        { uid },
      );
      expect(retargeted.error?.status).toBe("INVALID_ARGUMENT");
      expect(retargeted.error?.message).toContain("same deadline");
      const again = ok(
        await callFunction(
          "resubmitRequest",
          { requestId: id, content: extension(examId, sup, { explanation: "Letter now states six months." }) },
          { uid },
        ),
      );
      expect(again).toMatchObject({ status: "resubmitted", decisionDueOn: addDaysIso(t, 28) });

      // More than asked, or no duration: invalid.
      expect((await decide(id, { outcome: "granted", reason: "ok", grantedMonths: 7 })).error?.status).toBe(
        "INVALID_ARGUMENT",
      );
      expect((await decide(id, { outcome: "granted", reason: "ok" })).error?.status).toBe("INVALID_ARGUMENT");
      const granted = ok(await decide(id, { outcome: "granted", reason: "Documented leave.", grantedMonths: 4 }));
      const until = addMonthsIso(deadline, 4);
      expect(granted).toMatchObject({ status: "granted", grantedMonths: 4, grantedUntil: until });
      expect((await db.doc(`examResults/${examId}`).get()).get("extensionGrantedUntil")).toBe(until);
      expect((await requestDoc(db, id))?.decision).toMatchObject({
        outcome: "granted",
        reason: "Documented leave.",
        by: "committee-req",
        grantedMonths: 4,
        grantedUntil: until,
      });
      expect(await historyOf(db, id)).toEqual([
        "001-submitted",
        "002-changes-requested",
        "003-resubmitted",
        "004-granted",
      ]);
      expect(await mailTo(db, `request-${id}-004-granted-${sup}`)).toBe(`${sup}@example.org`);
      // Final: no second decision, no withdrawal.
      expect((await decide(id, { outcome: "refused", reason: "x" })).error?.status).toBe("FAILED_PRECONDITION");
      expect((await callFunction("withdrawRequest", { requestId: id }, { uid })).error?.status).toBe(
        "FAILED_PRECONDITION",
      );

      // The daily job reads the moved deadline: no expiry the day after the old one, expiry the day after the new.
      // (the scheduling trigger makes the changed exam result due today first)
      await waitFor(
        async () => (await db.doc(`examResults/${examId}`).get()).get("nextActionOn"),
        (on) => on === t,
        { what: "the exam result due today" },
      );
      await runLogbookDeadlineJob(db, addDaysIso(deadline, 1), DEFAULT_POLICY);
      expect((await db.doc(`examResults/${examId}`).get()).get("status")).toBe("passed");
      await db.doc(`examResults/${examId}`).update({ nextActionOn: addDaysIso(until, 1) });
      await runLogbookDeadlineJob(db, addDaysIso(until, 1), DEFAULT_POLICY);
      expect((await db.doc(`examResults/${examId}`).get()).get("status")).toBe("expired-for-logbook");
    },
  );

  it("is refused when sent after the deadline it would extend (the server's Paris date)", async () => {
    const t = today();
    const { uid, examId } = await candidateWithExam(db, addMonthsIso(addDaysIso(t, -1), -24));
    const sup = await registeredSupervisor(db);
    await acceptedEvidence(db, uid, "letter");
    const late = await submitReq(uid, extension(examId, sup));
    expect(late.error?.status).toBe("FAILED_PRECONDITION");
    expect(late.error?.message).toContain("must be requested before it passes");
    const mine = await db.collection("requests").where("candidateUid", "==", uid).get();
    expect(mine.size).toBe(0);
  });

  it("a withdrawn request cannot be decided, and only its candidate withdraws it", async () => {
    const { uid, examId } = await candidateWithExam(db, addMonthsIso(today(), -6));
    const sup = await registeredSupervisor(db);
    await acceptedEvidence(db, uid, "letter");
    const id = ok(await submitReq(uid, extension(examId, sup))).requestId as string;
    expect((await callFunction("withdrawRequest", { requestId: id }, { uid: sup })).error?.status).toBe(
      "PERMISSION_DENIED",
    );
    ok(await callFunction("withdrawRequest", { requestId: id, reason: "Back at work." }, { uid }));
    expect(await requestDoc(db, id)).toMatchObject({ status: "withdrawn", decisionDueOn: null });
    expect((await decide(id, { outcome: "granted", reason: "ok", grantedMonths: 1 })).error?.status).toBe(
      "FAILED_PRECONDITION",
    );
    expect((await db.doc(`examResults/${examId}`).get()).get("extensionGrantedUntil")).toBeUndefined();
  });
});

describe("an extension of the recertification deadline", () => {
  it("moves the certification's window, which the register and reminders read", { timeout: WALK_MS }, async () => {
    const t = today();
    const { uid } = await candidateWithExam(db, "2019-01-01");
    const certId = `cert-${uid}`;
    // Expired two months ago: the window closes in four months.
    const expiresOn = addMonthsIso(t, -2);
    await db.doc(`certifications/${certId}`).set({
      uid,
      level: 2,
      awardedOn: addMonthsIso(expiresOn, -60),
      expiresOn,
      status: "expired",
      recertificationSubmitted: false,
    });
    const sup = await registeredSupervisor(db);
    await acceptedEvidence(db, uid, "letter");
    const id = ok(
      await submitReq(uid, {
        ...extension("x", sup),
        target: { deadline: "recertification", certificationId: certId },
        grounds: "illness",
        requestedMonths: 3,
      }),
    ).requestId as string;
    ok(await decide(id, { outcome: "granted", reason: "Illness documented.", grantedMonths: 3 }));
    expect((await db.doc(`certifications/${certId}`).get()).get("extensionGrantedUntil")).toBe(
      addMonthsIso(addMonthsIso(expiresOn, 6), 3),
    );
  });
});

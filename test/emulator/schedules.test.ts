// The scheduled functions' run(), called for a sequence of days across six
// years against the Firestore emulator, in a project of their own (no
// Functions-emulator trigger fires there). Asserts the exact outbox and the
// state transitions. Every test starts from an empty project and seeds what it
// needs (beforeEach), so no test relies on what another one left.
import { beforeEach, describe, expect, it } from "vitest";
import { addDaysIso, addMonthsIso } from "../../functions/src/platform/domain/dates.js";
import { committeeDigest } from "../../functions/src/digest/schedules/committee-digest.js";
import { logbookDeadlines } from "../../functions/src/logbook/schedules/logbook-deadlines.js";
import { recertificationReminders } from "../../functions/src/recertification/schedules/recertification-reminders.js";
import { adminDb } from "./helpers.js";

const db = adminDb("demo-cmr-jobs");
const COMMITTEE = "committee@demo.cmr";
process.env.COMMITTEE_EMAIL = COMMITTEE;

/** 08:00 Paris time on `day`, as Cloud Scheduler would pass it. */
const at = (day: string) => ({ scheduleTime: `${day}T06:00:00.000Z`, jobName: "test" });

function days(from: string, to: string, extra: string[] = []): string[] {
  const monthly: string[] = [];
  for (let d = from; d <= to; d = addMonthsIso(d, 1)) monthly.push(d);
  return [...new Set([...monthly, ...extra])].sort();
}

/** Empties this test file's project (the emulator's REST endpoint for it). */
async function clearProject() {
  const host = process.env.FIRESTORE_EMULATOR_HOST;
  await fetch(`http://${host}/emulator/v1/projects/demo-cmr-jobs/databases/(default)/documents`, { method: "DELETE" });
}

const mailIdsIn = async () => (await db.collection("mail").get()).docs.map((d) => d.id).sort();
const statusOf = async (path: string) => (await db.doc(path).get()).get("status");

describe("recertification reminders across six years", () => {
  beforeEach(async () => {
    await clearProject();
    const batch = db.batch();
    const person = (uid: string, email: string | null, membership: string) =>
      batch.set(db.doc(`users/${uid}`), { displayName: uid, ...(email ? { email } : {}), membership });
    person("holder-a", "a@example.org", "silver");
    person("holder-b", "b@example.org", "non-member");
    person("holder-c", null, "associate");
    person("holder-d", "d@example.org", "associate");
    const cert = (id: string, uid: string, fields: object = {}) => {
      batch.set(db.doc(`certifications/${id}`), {
        uid,
        level: 2,
        expiresOn: "2030-06-15",
        status: "active",
        nextActionOn: "2025-01-01",
        ...fields,
      });
      // No register rows here: rows are keyed by the holder's uid and follow the certification
      // through grading's register trigger, which does not run in this project (the lapse removing
      // the row is in test/emulator/recertification-flow.test.ts).
    };
    cert("cert-a", "holder-a");
    cert("cert-b", "holder-b");
    cert("cert-c", "holder-c", { expiresOn: "2028-02-29" });
    cert("cert-d", "holder-d", { extensionGrantedUntil: "2031-03-31" });
    await batch.commit();
  });

  /** The daily job, monthly from 2025 to the end of 2031 plus the milestone days, with checks on the way. */
  async function runSixYears() {
    // Monthly runs, plus the milestone days (a monthly run alone would, rightly, skip a final
    // notice whose window closed before the next run) and the day cert-b's holder applies.
    const milestones = [
      "2028-08-15",
      "2029-12-15",
      "2030-01-10",
      "2030-03-15",
      "2030-06-14",
      "2030-06-15",
      "2030-09-15",
    ];
    milestones.push("2030-12-01", "2030-12-15", "2030-12-16", "2031-03-17");
    for (const day of days("2025-01-01", "2031-12-01", milestones)) {
      // The holder applies; the scheduling trigger (not running in this project) would set nextActionOn.
      if (day === "2030-01-10")
        await db.doc("certifications/cert-b").update({ recertificationSubmitted: true, nextActionOn: day });
      await recertificationReminders.run(at(day));
      if (day === "2030-06-14") expect(await statusOf("certifications/cert-a")).toBe("active");
      if (day === "2030-06-15") expect(await statusOf("certifications/cert-a")).toBe("expired");
      if (day === "2030-12-15") expect(await statusOf("certifications/cert-a")).toBe("expired");
      if (day === "2030-12-16") {
        expect(await statusOf("certifications/cert-a")).toBe("lapsed");
      }
    }
  }

  it("sends each reminder once, on its day, expires and lapses on the day they fall due", async () => {
    await runSixYears();

    expect(await mailIdsIn()).toEqual([
      "recert-cert-a-final",
      "recert-cert-a-lapsed",
      "recert-cert-a-m+0",
      "recert-cert-a-m+3",
      "recert-cert-a-m-3",
      "recert-cert-a-m-6",
      "recert-cert-b-m-6",
      "recert-cert-d-final",
      "recert-cert-d-lapsed",
      "recert-cert-d-m+0",
      "recert-cert-d-m+3",
      "recert-cert-d-m-3",
      "recert-cert-d-m-6",
    ]);
    const m3 = (await db.doc("mail/recert-cert-a-m-3").get()).data();
    expect(m3).toMatchObject({
      to: "a@example.org",
      message: { subject: "Reminder: apply for CMR recertification by 2030-12-15" },
    });
    expect(m3?.message.text).toContain("€75 (excluding VAT)");
    expect((await db.doc("mail/recert-cert-d-m-6").get()).get("message.text")).toContain("€200 (excluding VAT)");
    expect((await db.doc("mail/recert-cert-d-final").get()).get("message.subject")).toBe(
      "Final notice: apply for CMR recertification by 2031-03-31",
    );
    expect((await db.doc("mail/recert-cert-a-lapsed").get()).get("message.text")).toContain("exam and the logbook");

    expect(await statusOf("certifications/cert-b")).toBe("active");
    expect(await statusOf("certifications/cert-d")).toBe("lapsed");
    expect((await db.doc("certifications/cert-d").get()).get("lapsedOn")).toBe("2031-04-01");
  });

  it("a holder without an address gets in-app notifications and is reported as unreachable", async () => {
    await runSixYears();
    const notifications = (await db.collection("users/holder-c/notifications").get()).docs.map((d) => d.id).sort();
    expect(notifications).toEqual([
      "recert-cert-c-final",
      "recert-cert-c-lapsed",
      "recert-cert-c-m+0",
      "recert-cert-c-m+3",
      "recert-cert-c-m-3",
      "recert-cert-c-m-6",
    ]);
    const undeliverable = await db.collection("undeliverable").where("uid", "==", "holder-c").get();
    expect(undeliverable.size).toBe(6);
    expect((await mailIdsIn()).filter((id) => id.startsWith("recert-cert-c-"))).toEqual([]);
  });

  it("running the same day twice changes nothing", async () => {
    await db
      .doc("certifications/cert-e")
      .set({ uid: "holder-a", level: 3, expiresOn: "2032-01-10", status: "active", nextActionOn: "2031-07-10" });
    await recertificationReminders.run(at("2031-07-10"));
    const mails = await mailIdsIn();
    const snapshot = (await db.doc("certifications/cert-e").get()).data();
    await recertificationReminders.run(at("2031-07-10"));
    expect(await mailIdsIn()).toEqual(mails);
    expect((await db.doc("certifications/cert-e").get()).data()).toEqual(snapshot);
    expect(mails).toContain("recert-cert-e-m-6");
  });

  it("a malformed certification is reported and taken off the schedule, never fatal, never changed", async () => {
    await db
      .doc("certifications/cert-bad")
      .set({ uid: "holder-a", level: 2, expiresOn: "soon", status: "active", nextActionOn: "2031-08-01" });
    await db
      .doc("certifications/cert-good")
      .set({ uid: "holder-a", level: 2, expiresOn: "2032-02-01", status: "active", nextActionOn: "2031-08-01" });
    await recertificationReminders.run(at("2031-08-01"));
    expect((await db.doc("certifications/cert-bad").get()).data()).toMatchObject({
      expiresOn: "soon",
      status: "active",
      nextActionOn: null,
      scheduleProblem: expect.stringContaining("malformed"),
    });
    expect(await mailIdsIn()).toContain("recert-cert-good-m-6");
  });

  it("re-running a day after a half-done run sends only what is missing", async () => {
    await db
      .doc("certifications/cert-f")
      .set({ uid: "holder-a", level: 2, expiresOn: "2032-03-01", status: "active", nextActionOn: "2031-09-01" });
    // The first run sent the mail but died before moving nextActionOn on.
    await recertificationReminders.run(at("2031-09-01"));
    await db.doc("certifications/cert-f").update({ nextActionOn: "2031-09-01" });
    await recertificationReminders.run(at("2031-09-01"));
    expect((await mailIdsIn()).filter((id) => id.startsWith("recert-cert-f"))).toEqual(["recert-cert-f-m-6"]);
  });
});

describe("logbook deadlines", () => {
  beforeEach(async () => {
    await clearProject();
    await db.doc("users/cand-1").set({ email: "cand@example.org" });
    await db.doc("examResults/exam-1").set({
      uid: "cand-1",
      passed: true,
      sittingDate: "2025-11-07",
      resultDate: "2025-12-19",
      status: "passed",
      nextActionOn: "2026-01-01",
    });
    await db.doc("examResults/exam-2").set({
      uid: "cand-1",
      passed: true,
      sittingDate: "2025-11-07",
      resultDate: "2025-12-19",
      status: "passed",
      logbookSubmittedOn: "2026-05-01",
      nextActionOn: "2026-01-01",
    });
    await db
      .doc("applications/draft-1")
      .set({ ownerUid: "cand-1", route: "level2", status: "draft", supervisorIds: [], examResultId: "exam-1" });
    await db.doc("applications/draft-1/cases/case-1").set({ patientRef: "pt-1", studyDate: "2026-01-05" });
    await db
      .doc("applications/submitted-1")
      .set({ ownerUid: "cand-1", route: "level2", status: "submitted", supervisorIds: [], examResultId: "exam-1" });
  });

  it("reminds at 6, 3 and 1 month(s) and 1 week before, then expires the pass and closes the draft", async () => {
    for (const day of days("2026-01-01", "2028-06-01", ["2027-12-12", "2027-12-19", "2027-12-20"])) {
      await logbookDeadlines.run(at(day));
      if (day === "2027-12-19") expect(await statusOf("examResults/exam-1")).toBe("passed");
    }
    expect(await mailIdsIn()).toEqual([
      "logbook-exam-1-d-7",
      "logbook-exam-1-expired",
      "logbook-exam-1-m-1",
      "logbook-exam-1-m-3",
      "logbook-exam-1-m-6",
    ]);
    expect((await db.doc("mail/logbook-exam-1-m-6").get()).get("message.subject")).toBe(
      "Reminder: submit your CMR logbook by 2027-12-19",
    );
    expect(await statusOf("examResults/exam-1")).toBe("expired-for-logbook");
    expect((await db.doc("applications/draft-1").get()).data()).toMatchObject({
      status: "expired",
      expiredOn: "2027-12-20",
    });
    expect((await db.doc("applications/draft-1/cases/case-1").get()).exists).toBe(true);
    expect(await statusOf("applications/submitted-1")).toBe("submitted");
    expect(await statusOf("examResults/exam-2")).toBe("passed");
  });
});

describe("the committee digest", () => {
  const day = "2026-04-15";
  beforeEach(async () => {
    await clearProject();
    await db
      .doc("applications/late")
      .set({ ownerUid: "x", route: "level2", status: "submitted", submittedOn: addMonthsIso(day, -3) });
    await db
      .doc("applications/recent")
      .set({ ownerUid: "y", route: "level2", status: "submitted", submittedOn: addDaysIso(addMonthsIso(day, -3), 1) });
    // Requests: overdue once decisionDueOn is before today, while waiting for a decision.
    const req = (status: string, decisionDueOn: string | null) => ({
      kind: "remote-supervision",
      candidateUid: "x",
      status,
      decisionDueOn,
    });
    await db.doc("requests/r1").set(req("submitted", addDaysIso(day, -1)));
    await db.doc("requests/r3").set({ ...req("resubmitted", addDaysIso(day, -3)), kind: "exam-appeal" });
    await db.doc("requests/r4").set(req("submitted", day));
    await db.doc("requests/r2").set(req("granted", null));
    await db.doc("requests/r5").set(req("changes-requested", null));
    await db.doc("examSessions/s1").set({ sittingDate: addDaysIso(day, -56), resultsReleased: false });
    await db.doc("examSessions/s2").set({ sittingDate: "2025-11-07", resultsReleased: true });
    await db.doc("undeliverable/recert-c-m-6").set({ uid: "holder-c", about: "certification c", reportedOn: null });
  });

  it("sends one digest a day listing exactly what is overdue", async () => {
    await committeeDigest.run(at(day));
    await committeeDigest.run(at(day));
    expect(await mailIdsIn()).toEqual(["digest-2026-04-15"]);
    const mail = (await db.doc("mail/digest-2026-04-15").get()).data();
    expect(mail?.to).toBe(COMMITTEE);
    expect(mail?.message.text).toContain("application late, submitted 2026-01-15");
    expect(mail?.message.text).not.toContain("application recent");
    expect(mail?.message.text).toContain("remote-supervision request r1, due 2026-04-14");
    expect(mail?.message.text).toContain("exam-appeal request r3, due 2026-04-12");
    for (const notDue of ["r2", "r4", "r5"]) expect(mail?.message.text).not.toContain(`request ${notDue}`);
    expect(mail?.message.text).toContain("session s1, sat 2026-02-18");
    expect(mail?.message.text).toContain("user holder-c");
    expect((await db.doc("undeliverable/recert-c-m-6").get()).get("reportedOn")).toBe("2026-04-15");
  });

  it("reports an unreachable user once, not every day", async () => {
    await committeeDigest.run(at(day));
    expect((await db.doc("mail/digest-2026-04-15").get()).get("message.text")).toContain("user holder-c");
    await committeeDigest.run(at(addDaysIso(day, 1)));
    expect((await db.doc("mail/digest-2026-04-16").get()).get("message.text")).not.toContain("holder-c");
  });
});

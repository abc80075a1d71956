// Exam sessions and registrations through the callables (issue 12): who may
// create a session and when; registering needs an open window and a current
// physician registration, once per session; cancelling until the window
// closes; the proctoring CSV for admins only. And the results callables'
// guards: roles, order of the steps, the two-person rule after a change.
import { describe, expect, it } from "vitest";
import { addDaysIso } from "../../functions/src/platform/domain/dates.js";
import { adminDb, callFunction, today, uniqueId } from "./helpers.js";

const db = adminDb();
const ADMIN = { uid: "sessions-admin", claims: { role: "admin" } };

/** A session written past the callable, with its registration window relative to today. */
async function session(opensIn: number, closesIn: number, sittingIn = closesIn + 14) {
  const id = uniqueId("cmr");
  await db.doc(`examSessions/${id}`).set({
    sittingDate: addDaysIso(today(), sittingIn),
    timeZone: "Europe/Paris",
    registrationOpens: addDaysIso(today(), opensIn),
    registrationCloses: addDaysIso(today(), closesIn),
    startWindow: { from: "11:00", to: "14:00", opensAt: "x", closesAt: "y" },
    title: "test",
    resultsReleased: false,
    releaseDate: null,
  });
  return id;
}

async function candidate(profile: object = { physicianRegistration: { validUntil: addDaysIso(today(), 30) } }) {
  const uid = uniqueId("cand");
  await db.doc(`users/${uid}`).set({ displayName: "C", email: `${uid}@example.org`, ...profile });
  return uid;
}

const names = { familyName: "Curie", givenNames: "Marie" };
const registerAs = (uid: string, sessionId: string) =>
  callFunction("registerForExam", { sessionId, ...names }, { uid });

describe("createExamSession", () => {
  it("an admin creates a session; the windows come from the policy; one session per sitting date", async () => {
    const sitting = addDaysIso(today(), 400 + Math.floor(Math.random() * 2000));
    const { result } = await callFunction("createExamSession", { sittingDate: sitting }, ADMIN);
    expect(result).toMatchObject({
      sessionId: `cmr-${sitting}`,
      plan: { registrationCloses: addDaysIso(sitting, -14) },
    });
    const again = await callFunction("createExamSession", { sittingDate: sitting }, ADMIN);
    expect(again.error?.status).toBe("ALREADY_EXISTS");
  });
  it("refuses a sitting date that is today or not a date, and accepts tomorrow", async () => {
    const past = await callFunction("createExamSession", { sittingDate: today() }, ADMIN);
    expect(past.error?.status).toBe("INVALID_ARGUMENT");
    expect(past.error?.message).toContain("must be after today");
    const tomorrow = await callFunction("createExamSession", { sittingDate: addDaysIso(today(), 1) }, ADMIN);
    expect(tomorrow.error).toBeUndefined();
    expect((await callFunction("createExamSession", { sittingDate: "2031-02-30" }, ADMIN)).error?.status).toBe(
      "INVALID_ARGUMENT",
    );
  });
  it("refuses a committee member and a candidate", async () => {
    const sittingDate = addDaysIso(today(), 3000);
    for (const caller of [{ uid: "c", claims: { role: "committee" } }, { uid: "cand" }]) {
      expect((await callFunction("createExamSession", { sittingDate }, caller)).error?.status).toBe(
        "PERMISSION_DENIED",
      );
    }
  });
});

describe("registerForExam / cancelExamRegistration", () => {
  it("registers while open, once; cancels; registers again", async () => {
    const s = await session(-5, 5);
    const uid = await candidate();
    expect((await registerAs(uid, s)).result).toEqual({ registrationId: `${s}_${uid}` });
    const reg = (await db.doc(`examRegistrations/${s}_${uid}`).get()).data();
    expect(reg).toMatchObject({ uid, sessionId: s, status: "registered", ...names, email: `${uid}@example.org` });
    expect((await registerAs(uid, s)).error?.status).toBe("ALREADY_EXISTS");
    expect((await callFunction("cancelExamRegistration", { sessionId: s }, { uid })).result).toEqual({
      cancelled: true,
    });
    expect((await db.doc(`examRegistrations/${s}_${uid}`).get()).get("status")).toBe("cancelled");
    expect((await callFunction("cancelExamRegistration", { sessionId: s }, { uid })).error?.status).toBe("NOT_FOUND");
    expect((await registerAs(uid, s)).result).toEqual({ registrationId: `${s}_${uid}` });
  });
  it("the window's first and last days are open; the day before and after are not", async () => {
    const uid = await candidate();
    const opensToday = await session(0, 10);
    const closesToday = await session(-10, 0);
    const opensTomorrow = await session(1, 10);
    const closedYesterday = await session(-10, -1);
    expect((await registerAs(uid, opensToday)).error).toBeUndefined();
    expect((await registerAs(uid, closesToday)).error).toBeUndefined();
    const early = await registerAs(uid, opensTomorrow);
    expect(early.error?.status).toBe("FAILED_PRECONDITION");
    expect(early.error?.message).toContain(`opens on ${addDaysIso(today(), 1)}`);
    const late = await registerAs(uid, closedYesterday);
    expect(late.error?.message).toContain(`closed on ${addDaysIso(today(), -1)}`);
  });
  it("cannot cancel once registration has closed", async () => {
    const uid = await candidate();
    const s = await session(-10, 0);
    await registerAs(uid, s);
    await db.doc(`examSessions/${s}`).update({ registrationCloses: addDaysIso(today(), -1) });
    const refused = await callFunction("cancelExamRegistration", { sessionId: s }, { uid });
    expect(refused.error?.message).toContain("can no longer cancel");
    expect((await db.doc(`examRegistrations/${s}_${uid}`).get()).get("status")).toBe("registered");
  });
  it("needs a physician registration current today (valid until today is enough)", async () => {
    const s = await session(-5, 5);
    const none = await registerAs(await candidate({}), s);
    expect(none.error?.message).toContain("no physician registration");
    const expired = await registerAs(
      await candidate({ physicianRegistration: { validUntil: addDaysIso(today(), -1) } }),
      s,
    );
    expect(expired.error?.message).toContain(`expired on ${addDaysIso(today(), -1)}`);
    const lastDay = await registerAs(await candidate({ physicianRegistration: { validUntil: today() } }), s);
    expect(lastDay.error).toBeUndefined();
  });
  it("refuses a signed-out caller, an unknown session and empty names", async () => {
    const s = await session(-5, 5);
    const uid = await candidate();
    expect((await callFunction("registerForExam", { sessionId: s, ...names })).error?.status).toBe("UNAUTHENTICATED");
    expect((await registerAs(uid, "no-such-session")).error?.status).toBe("NOT_FOUND");
    const blank = await callFunction("registerForExam", { sessionId: s, familyName: " ", givenNames: "M" }, { uid });
    expect(blank.error?.status).toBe("INVALID_ARGUMENT");
  });
});

describe("exportExamRegistrations", () => {
  it("gives admins the active registrations as the proctoring CSV; refuses others", async () => {
    const s = await session(-5, 5);
    const [a, b] = [await candidate(), await candidate()];
    await registerAs(a, s);
    await registerAs(b, s);
    await callFunction("cancelExamRegistration", { sessionId: s }, { uid: b });
    const { result } = await callFunction("exportExamRegistrations", { sessionId: s }, ADMIN);
    const rows = (result!.csv as string).trim().split("\r\n");
    expect(rows).toHaveLength(2);
    expect(rows[1].startsWith(`${a},${s}_${a},Curie,Marie,${a}@example.org,`)).toBe(true);
    expect(result!.count).toBe(1);
    for (const caller of [{ uid: a }, { uid: "c", claims: { role: "committee" } }]) {
      expect((await callFunction("exportExamRegistrations", { sessionId: s }, caller)).error?.status).toBe(
        "PERMISSION_DENIED",
      );
    }
  });
});

describe("results callables: guards and order", () => {
  const BOARD = { uid: "board", claims: { role: "committee" } };
  it("a candidate cannot import or read the report; the board must import the key first", async () => {
    const s = await session(-100, -30, -10);
    const cand = { uid: await candidate() };
    expect(
      (await callFunction("importExamFile", { sessionId: s, kind: "answer-key", csv: "" }, cand)).error?.status,
    ).toBe("PERMISSION_DENIED");
    expect((await callFunction("getExamReport", { sessionId: s }, cand)).error?.status).toBe("PERMISSION_DENIED");
    const early = await callFunction(
      "importExamFile",
      { sessionId: s, kind: "responses", csv: "candidate,item,response\n" },
      BOARD,
    );
    expect(early.error?.message).toContain("Import the answer key");
    const badKey = await callFunction(
      "importExamFile",
      { sessionId: s, kind: "answer-key", csv: "item,key\nQ1,Z\n" },
      BOARD,
    );
    expect(badKey.error?.status).toBe("INVALID_ARGUMENT");
    expect(badKey.error?.message).toMatch(/line 2: key/);
    expect((await callFunction("rescoreExam", { sessionId: s }, BOARD)).error?.message).toContain(
      "Import the answer key and the platform's export",
    );
    expect((await callFunction("prepareExamResults", { sessionId: s }, ADMIN)).error?.message).toContain(
      "No scoring run yet",
    );
    expect((await callFunction("approveExamResults", { sessionId: s }, ADMIN)).error?.message).toContain(
      "not been prepared",
    );
    // Nothing a client can see was written.
    expect((await db.doc(`examProcessing/${s}/imports/answer-key`).get()).exists).toBe(false);
  });
});

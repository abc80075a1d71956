// What creating an application needs (issue 12): the server's words for the
// check firestore.rules makes (test/rules/exam.test.ts has the same cases).
import { describe, expect, it } from "vitest";
import { logbookAccessProblem, type AccessInput } from "../../../functions/src/logbook/domain/access.js";

const UID = "cand";
const TODAY = "2026-06-15";
const exam = { uid: UID, passed: true, sittingDate: "2025-11-07", status: "passed" };
const level2 = { uid: UID, level: 2, status: "active", expiresOn: "2028-01-01" };
const input = (over: Partial<AccessInput>): AccessInput => ({
  route: "level2",
  uid: UID,
  examResultId: "e1",
  exam,
  level2CertificationId: null,
  level2: null,
  today: TODAY,
  ...over,
});

describe.each(["level2", "level3-direct"] as const)("%s", (route) => {
  it("is allowed with the candidate's passed exam", () => expect(logbookAccessProblem(input({ route }))).toBeNull());
  it("is allowed with a passed exam that has no status (results recorded before statuses)", () =>
    expect(logbookAccessProblem(input({ route, exam: { ...exam, status: undefined } }))).toBeNull());
  it.each([
    ["no exam named", { examResultId: null, exam: null }, /only after passing the written exam/],
    ["an exam that does not exist", { exam: null }, /e1 does not exist/],
    ["another candidate's exam", { exam: { ...exam, uid: "other" } }, /not yours/],
    ["an exam not passed", { exam: { ...exam, passed: false, status: "failed" } }, /2025-11-07 was not passed/],
    ["a passed flag that is a string", { exam: { ...exam, passed: "true" } }, /was not passed/],
    [
      "an exam expired for the logbook",
      { exam: { ...exam, status: "expired-for-logbook" } },
      /expired for the logbook/,
    ],
    ["a Level 2 certification instead", { examResultId: null, exam: null, level2CertificationId: "c", level2 }, /exam/],
    [
      "a Level 2 certification named as well",
      { level2CertificationId: "c", level2 },
      /leave the Level 2 certification empty/,
    ],
  ])("is refused with %s, saying what is missing", (_what, over, message) =>
    expect(logbookAccessProblem(input({ route, ...over }))).toMatch(message),
  );
});

describe("level3-via-level2", () => {
  const via = (over: Partial<AccessInput>) =>
    input({ route: "level3-via-level2", examResultId: null, exam: null, level2CertificationId: "c", level2, ...over });
  it("is allowed with the candidate's current Level 2", () => expect(logbookAccessProblem(via({}))).toBeNull());
  it("is allowed on the expiry day, refused the day after", () => {
    expect(logbookAccessProblem(via({ level2: { ...level2, expiresOn: TODAY } }))).toBeNull();
    expect(logbookAccessProblem(via({ level2: { ...level2, expiresOn: "2026-06-14" } }))).toMatch(/not current/);
  });
  it.each([
    ["no certification named", { level2CertificationId: null, level2: null }, /needs your current Level 2/],
    ["a certification that does not exist", { level2: null }, /c does not exist/],
    ["another candidate's", { level2: { ...level2, uid: "other" } }, /not yours/],
    ["a Level 3", { level2: { ...level2, level: 3 } }, /not a Level 2/],
    ["an expired status", { level2: { ...level2, status: "expired" } }, /not current/],
    ["a revoked one", { level2: { ...level2, status: "revoked" } }, /not current/],
    ["a passed exam instead", { level2CertificationId: null, level2: null, examResultId: "e1", exam }, /Level 2/],
    ["an exam result named as well", { examResultId: "e1", exam }, /leave the exam result empty/],
  ])("is refused with %s", (_what, over, message) => expect(logbookAccessProblem(via(over))).toMatch(message));
});

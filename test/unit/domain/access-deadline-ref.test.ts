// Opening a Level 3 via Level 2 logbook on a Level 2 certification, the
// logbook deadline of an exam result without a status, and the empty patient
// reference.
import { describe, expect, it } from "vitest";
import { logbookAccessProblem, type AccessInput } from "../../../functions/src/logbook/domain/access.js";
import { planLogbookDeadline } from "../../../functions/src/logbook/domain/deadline.js";
import { patientRefProblem } from "../../../functions/src/logbook/domain/patient-ref.js";
import { DEFAULT_POLICY } from "../../../functions/src/logbook/domain/index.js";

describe("logbookAccessProblem: the Level 2 certification of a Level 3 via Level 2 application", () => {
  const input = (level2: AccessInput["level2"]): AccessInput => ({
    route: "level3-via-level2",
    uid: "u1",
    examResultId: null,
    exam: null,
    level2CertificationId: "l2",
    level2,
    today: "2026-06-01",
  });

  it("a certification without a status is active: current until its expiry day, not after", () => {
    expect(logbookAccessProblem(input({ uid: "u1", level: 2, expiresOn: "2026-06-01" }))).toBeNull();
    expect(logbookAccessProblem(input({ uid: "u1", level: 2, expiresOn: "2026-05-31" }))).toBe(
      "Your Level 2 certification l2 is not current (status active, expiry 2026-05-31): Level 3 via Level 2 needs a current one.",
    );
  });

  it("a certification without an expiry date is not current", () => {
    expect(logbookAccessProblem(input({ uid: "u1", level: 2, status: "active" }))).toBe(
      "Your Level 2 certification l2 is not current (status active, expiry undefined): Level 3 via Level 2 needs a current one.",
    );
  });
});

describe("planLogbookDeadline", () => {
  it("an exam result passed before statuses were recorded is still open for the logbook", () => {
    const exam = { id: "e1", uid: "u1", passed: true, sittingDate: "2025-05-10", resultDate: "2025-06-01" };
    // Deadline 2027-06-01; one week before is 2027-05-25.
    expect(planLogbookDeadline(exam, "2027-05-26", DEFAULT_POLICY)).toEqual({
      actions: [{ kind: "remind", milestone: "d-7" }],
      nextActionOn: "2027-06-02",
    });
  });
});

describe("patientRefProblem", () => {
  it("says an empty reference is empty", () => {
    expect(patientRefProblem("")).toBe("it is empty");
    expect(patientRefProblem("PT-0148")).toBeNull();
  });
});

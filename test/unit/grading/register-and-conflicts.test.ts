// The public register's row and verification answer, conflicts of interest
// by country, the random-check sample and the certificate's code: the grading
// domain's mutation survivors, stated as the programme's expectations, each
// with its twin on the other side.
import { describe, expect, it } from "vitest";
import {
  certificateNumber,
  certificationForAward,
  exclusionOf,
  gradeProblems,
  normaliseCode,
  randomCheckSample,
  registerRowFor,
  standingOf,
  verificationAnswer,
  type ConflictSubject,
  type GraderProfile,
  type GradeInput,
  type RegisteredCertification,
} from "../../../functions/src/grading/domain/index.js";
import { registeredCertification } from "../../factories/grading.js";

const cert = registeredCertification;

describe("standing of a certification", () => {
  it("a renewed certification stays current until its own expiry (its number still verifies), then lapses", () => {
    const renewed = cert({ status: "renewed" });
    expect(standingOf(renewed, "2029-01-10", 6)).toBe("current");
    expect(standingOf(renewed, "2029-01-11", 6)).toBe("lapsed");
  });
  it("on its expiry day, an active certification is current; one the job already marked expired is not", () => {
    expect(standingOf(cert(), "2029-01-10", 6)).toBe("current");
    expect(standingOf(cert({ status: "expired" }), "2029-01-10", 6)).toBe("expired-in-window");
  });
});

describe("the register row", () => {
  const l2 = (over: Partial<RegisteredCertification>) => cert({ level: 2, ...over });
  const both = (a: RegisteredCertification, b: RegisteredCertification) => [
    registerRowFor([a, b], "2029-03-01", 6)?.certificationId,
    registerRowFor([b, a], "2029-03-01", 6)?.certificationId,
  ];

  it("at the same level, a current certification is shown before one expired in its window, in either order", () => {
    const current = l2({ id: "c-current", expiresOn: "2030-01-10" });
    const expired = l2({ id: "c-expired", expiresOn: "2029-01-10", status: "expired" });
    expect(both(current, expired)).toEqual(["c-current", "c-current"]);
  });
  it("on the expiry day, the active certification is shown before the one already marked expired, in either order", () => {
    const active = l2({ id: "c-b", expiresOn: "2029-03-01" });
    const marked = l2({ id: "c-a", expiresOn: "2029-03-01", status: "expired" });
    expect(both(active, marked)).toEqual(["c-b", "c-b"]);
  });
  it("at the same level and standing, the latest expiry is shown, in either order", () => {
    const later = l2({ id: "c-later", expiresOn: "2031-01-10" });
    const earlier = l2({ id: "c-earlier", expiresOn: "2030-01-10" });
    expect(both(later, earlier)).toEqual(["c-later", "c-later"]);
  });
  it("with everything else equal, the smaller id is shown, in either order (the same input, the same row)", () => {
    expect(both(l2({ id: "c-a" }), l2({ id: "c-b" }))).toEqual(["c-a", "c-a"]);
  });
  it("shows the name trimmed, or says it is not recorded", () => {
    expect(registerRowFor([cert({ holderName: "  Dr A  " })], "2026-01-01", 6)?.name).toBe("Dr A");
    expect(registerRowFor([cert({ holderName: null })], "2026-01-01", 6)?.name).toBe("(name not recorded)");
    expect(registerRowFor([cert({ holderName: "   " })], "2026-01-01", 6)?.name).toBe("(name not recorded)");
  });
  it("shows the country and the number when recorded, null when not", () => {
    expect(registerRowFor([cert()], "2026-01-01", 6)).toMatchObject({
      country: "FR",
      certificateNumber: "CMR-L2-2024-00001",
    });
    expect(registerRowFor([cert({ country: undefined, certificateNumber: undefined })], "2026-01-01", 6)).toMatchObject(
      { country: null, certificateNumber: null },
    );
  });
});

describe("the verification answer", () => {
  it("shows the name and country while the register lists the holder, expired in the window included", () => {
    expect(verificationAnswer(cert({ status: "expired" }), "2029-03-01", 6)).toEqual({
      status: "expired-in-window",
      certificateNumber: "CMR-L2-2024-00001",
      level: 2,
      awardedOn: "2024-01-10",
      expiresOn: "2029-01-10",
      name: "Dr A",
      country: "FR",
    });
    expect(verificationAnswer(cert({ status: "lapsed" }), "2029-03-01", 6)).toEqual({
      status: "lapsed",
      certificateNumber: "CMR-L2-2024-00001",
      level: 2,
      awardedOn: "2024-01-10",
      expiresOn: "2029-01-10",
    });
  });
});

describe("conflicts of interest by country (when the policy switch is on)", () => {
  const rules = { gradersPerApplication: 2, excludeSameCountry: true };
  const grader = (country: string | null): GraderProfile => ({
    uid: "g1",
    institution: "Charité Berlin",
    country,
    active: true,
    capacity: 10,
    openAssignments: 0,
  });
  const subject = (candidateCountry: string | null): ConflictSubject => ({
    candidateUid: "cand",
    candidateInstitution: "CHU Lyon",
    candidateCountry,
    supervisorUids: [],
    supervisorInstitutions: [],
  });
  it("another country is no conflict; the same one, however typed, is", () => {
    expect(exclusionOf(grader("DE"), subject("FR"), rules)).toBeNull();
    expect(exclusionOf(grader(" fr "), subject("FR"), rules)).toBe("same-country");
  });
  it("a country nobody recorded is no conflict", () => {
    expect(exclusionOf(grader(null), subject(null), rules)).toBeNull();
    expect(exclusionOf(grader(null), subject("FR"), rules)).toBeNull();
    expect(exclusionOf(grader("  "), subject("  "), rules)).toBeNull();
  });
});

describe("the random-check sample", () => {
  const ids = Array.from({ length: 20 }, (_, i) => `case-${i}`);
  it("is pinned: a deploy never changes which cases an application's check names (a redelivery must ask the same supervisors)", () => {
    const seed = { applicationId: "app-1", submission: 1, salt: "s" };
    const rules = { minCases: 4, fraction: 0 };
    expect(randomCheckSample(ids, seed, rules)).toEqual(["case-0", "case-10", "case-13", "case-8"]);
    expect(randomCheckSample([...ids].reverse(), seed, rules)).toEqual(["case-0", "case-10", "case-13", "case-8"]);
    // Ranked by the SHA-256 in hex: as raw bytes read as text, case-2 would rank first.
    expect(randomCheckSample(["case-1", "case-2"], seed, { minCases: 1, fraction: 0 })).toEqual(["case-1"]);
  });
});

describe("certificates and grades", () => {
  it("a sequence below 1 is refused, saying what it must be", () => {
    expect(() => certificateNumber(2, 2026, 0)).toThrow("sequence must be a positive integer");
    expect(certificateNumber(2, 2026, 1)).toBe("CMR-L2-2026-00001");
  });
  it("a verification code has exactly twelve characters: eleven or thirteen valid ones are not a code", () => {
    expect(normaliseCode("ABCD-EFGH-JKMN")).toBe("ABCD-EFGH-JKMN");
    expect(normaliseCode("ABCD-EFGH-JKM")).toBeNull();
    expect(normaliseCode("ABCD-EFGH-JKMNP")).toBeNull();
  });
  it("a new certification has no recertification submitted yet", () => {
    const cert = certificationForAward({
      certId: "cert-app-1",
      holderUid: "u1",
      applicationId: "app-1",
      submission: 1,
      decidedOn: "2026-11-30",
      sequence: 7,
      years: 5,
      route: "level3-direct",
      level2Keys: null,
    });
    expect(cert.recertificationSubmitted).toBe(false);
    expect(cert.extensionGrantedUntil).toBeNull();
  });
  it("a required area graded not-applicable is refused, naming the area and the route", () => {
    const grade: GradeInput = {
      areas: {
        cases: "not-applicable",
        training: "meets",
        cme: "meets",
        peerRecognition: "meets",
        supervisorDeclaration: "meets",
      },
      overall: "pass",
      comment: "ok",
    };
    expect(gradeProblems(grade, "level3-direct")).toEqual([
      "cases is a requirement of the level3-direct route: say meets or does-not-meet",
    ]);
  });
});

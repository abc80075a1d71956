import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  certificateNumber,
  certificationForAward,
  CERTIFICATE_NUMBER,
  gradeProblems,
  historyId,
  institutionKey,
  level2KeysOf,
  normaliseCode,
  outcomeOfGrades,
  randomCheckSample,
  registerRowFor,
  sampleSize,
  standingOf,
  verificationAnswer,
  verificationCode,
  type GradeInput,
} from "../../../functions/src/grading/domain/index.js";
import { registeredCertification } from "../../factories/grading.js";

describe("institution keys", () => {
  it("ignore case, accents, punctuation, '&' and spacing", () => {
    expect(institutionKey("  Hôpital Européen G.-Pompidou ")).toBe("hopital europeen g pompidou");
    expect(institutionKey("St Thomas' & Guy's")).toBe("st thomas and guys");
    expect(institutionKey("St Thomas and Guys")).toBe(institutionKey("ST. THOMAS & GUY'S"));
  });
  it("are null when nothing is recorded", () => {
    expect(institutionKey(null)).toBeNull();
    expect(institutionKey(" -- ")).toBeNull();
  });
  it("are idempotent", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const k = institutionKey(s);
        expect(k === null ? null : institutionKey(k)).toBe(k);
      }),
    );
  });
});

describe("random-check sample", () => {
  const ids = Array.from({ length: 150 }, (_, i) => `case-${i}`);
  const rules = { minCases: 3, fraction: 0.02 };
  it("is the larger of the count and the fraction, capped by the cases there are", () => {
    expect(sampleSize(150, rules)).toBe(3);
    expect(sampleSize(300, rules)).toBe(6);
    expect(sampleSize(301, rules)).toBe(7);
    expect(sampleSize(2, rules)).toBe(2);
    expect(sampleSize(0, rules)).toBe(0);
  });
  it("is the same for the same application and submission, whatever the read order", () => {
    const seed = { applicationId: "app-1", submission: 1, salt: "s" };
    const a = randomCheckSample(ids, seed, rules);
    expect(randomCheckSample([...ids].reverse(), seed, rules)).toEqual(a);
    expect(a).toHaveLength(3);
    for (const id of a) expect(ids).toContain(id);
  });
  it("changes with the submission, the application and the salt", () => {
    const base = { applicationId: "app-1", submission: 1, salt: "s" };
    const samples = [base, { ...base, submission: 2 }, { ...base, applicationId: "app-2" }, { ...base, salt: "t" }].map(
      (seed) => randomCheckSample(ids, seed, { minCases: 10, fraction: 0 }).join(),
    );
    expect(new Set(samples).size).toBe(4);
  });
  it("always returns distinct ids of the application", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { maxLength: 60 }), fc.nat(20), (caseIds, n) => {
        const sample = randomCheckSample(
          caseIds,
          { applicationId: "a", submission: 1, salt: "" },
          {
            minCases: n,
            fraction: 0.1,
          },
        );
        expect(new Set(sample).size).toBe(sample.length);
        expect(sample.length).toBe(sampleSize(new Set(caseIds).size, { minCases: n, fraction: 0.1 }));
        for (const id of sample) expect(caseIds).toContain(id);
      }),
    );
  });
});

const grade = (over: Partial<GradeInput> = {}): GradeInput => ({
  areas: { cases: "meets", training: "meets", cme: "meets", peerRecognition: "meets", supervisorDeclaration: "meets" },
  overall: "pass",
  comment: "complete",
  ...over,
});

describe("grades and the decision", () => {
  it("a Level 3 grade judges peer recognition; a Level 2 grade says it does not apply", () => {
    expect(gradeProblems(grade(), "level3-direct")).toEqual([]);
    expect(gradeProblems(grade(), "level2")).toEqual([
      "peerRecognition is not a requirement of the level2 route: say not-applicable",
    ]);
    const l2 = grade({ areas: { ...grade().areas, peerRecognition: "not-applicable" } });
    expect(gradeProblems(l2, "level2")).toEqual([]);
    expect(gradeProblems({ ...l2, areas: { ...l2.areas, cases: "not-applicable" } }, "level2")).toHaveLength(1);
  });
  it("a pass with an unmet area is refused; a fail with every area met is allowed (the comment says why)", () => {
    const unmet = grade({ areas: { ...grade().areas, cme: "does-not-meet" } });
    expect(gradeProblems(unmet, "level3-direct")).toEqual([
      "an overall pass needs every area to meet the requirements",
    ]);
    expect(gradeProblems({ ...unmet, overall: "fail" }, "level3-direct")).toEqual([]);
    expect(gradeProblems(grade({ overall: "fail" }), "level3-direct")).toEqual([]);
  });
  it("two passes pass, two fails fail, a split goes to the chair, one grade waits", () => {
    expect(outcomeOfGrades(["pass", "pass"], 2)).toBe("passed");
    expect(outcomeOfGrades(["fail", "fail"], 2)).toBe("failed");
    expect(outcomeOfGrades(["pass", "fail"], 2)).toBe("chair");
    expect(outcomeOfGrades(["fail", "pass"], 2)).toBe("chair");
    expect(outcomeOfGrades(["pass"], 2)).toBe("waiting");
    expect(outcomeOfGrades([], 2)).toBe("waiting");
  });
});

describe("certificates", () => {
  it("numbers are human-readable and unique per level, year and sequence", () => {
    expect(certificateNumber(3, 2026, 42)).toBe("CMR-L3-2026-00042");
    expect(certificateNumber(2, 2027, 123456)).toBe("CMR-L2-2027-123456");
    expect(CERTIFICATE_NUMBER.test(certificateNumber(2, 2026, 1))).toBe(true);
    expect(() => certificateNumber(2, 2026, 0)).toThrow(RangeError);
  });
  it("verification codes are stable, readable and found however they are typed", () => {
    const code = verificationCode("cert-app-1", "CMR-L2-2026-00001");
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(verificationCode("cert-app-1", "CMR-L2-2026-00001")).toBe(code);
    expect(verificationCode("cert-app-2", "CMR-L2-2026-00001")).not.toBe(code);
    expect(normaliseCode(code.toLowerCase().replace(/-/g, " "))).toBe(code);
    expect(normaliseCode("ABCD-EFGH-IJK")).toBeNull();
    expect(normaliseCode("ABCD-EFGH-IJKL")).toBeNull(); // I and L are not in the alphabet
  });
  const award = {
    certId: "cert-app-1",
    holderUid: "u1",
    applicationId: "app-1",
    submission: 1,
    decidedOn: "2026-11-30",
    sequence: 7,
    years: 5,
  };
  const keys = level2KeysOf({
    cases: [
      { patientRef: "p2", studyDate: "2025-01-02" },
      { patientRef: "p1", studyDate: "2025-01-01" },
      { patientRef: "p1", studyDate: "2025-01-01" },
    ],
    cme: [{ id: "c1", title: "EuroCMR", catalogueId: "eurocmr", startDate: "2025-05-01", endDate: "2025-05-03" }],
  });
  it("a Level 2 pass is valid 5 years from the decision and keeps the logbook's reuse keys", () => {
    const cert = certificationForAward({ ...award, route: "level2", level2Keys: keys });
    expect(cert).toMatchObject({
      uid: "u1",
      level: 2,
      awardedOn: "2026-11-30",
      expiresOn: "2031-11-30",
      status: "active",
      certificateNumber: "CMR-L2-2026-00007",
      caseKeys: ["p1|2025-01-01", "p2|2025-01-02"],
      cmeIds: ["c1"],
      cmeEvents: [
        {
          catalogueId: "eurocmr",
          title: "EuroCMR",
          startDate: "2025-05-01",
          endDate: "2025-05-03",
          certificateId: null,
        },
      ],
    });
  });
  it("a Level 3 pass (either route) is Level 3 and stores no reuse keys", () => {
    for (const route of ["level3-direct", "level3-via-level2"] as const) {
      const cert = certificationForAward({ ...award, route, level2Keys: keys });
      expect(cert.level).toBe(3);
      expect(cert).not.toHaveProperty("caseKeys");
    }
  });
  it("29 February awards expire on 28 February five years later", () => {
    expect(
      certificationForAward({ ...award, decidedOn: "2028-02-29", route: "level2", level2Keys: null }).expiresOn,
    ).toBe("2033-02-28");
  });
});

const cert = registeredCertification;

describe("the register row and verification", () => {
  it("current until the expiry date, then expired in the window, then lapsed after it", () => {
    expect(standingOf(cert(), "2029-01-10", 6)).toBe("current");
    expect(standingOf(cert(), "2029-01-11", 6)).toBe("expired-in-window");
    expect(standingOf(cert({ status: "expired" }), "2029-07-10", 6)).toBe("expired-in-window");
    expect(standingOf(cert({ status: "expired" }), "2029-07-11", 6)).toBe("lapsed");
    expect(standingOf(cert({ status: "expired", extensionGrantedUntil: "2029-09-01" }), "2029-09-01", 6)).toBe(
      "expired-in-window",
    );
    expect(standingOf(cert({ status: "revoked" }), "2025-01-01", 6)).toBe("revoked");
    expect(standingOf(cert({ status: "lapsed" }), "2025-01-01", 6)).toBe("lapsed");
  });
  it("one row per person: a Level 3 supersedes a Level 2", () => {
    const l3 = cert({ id: "c3", level: 3, certificateNumber: "CMR-L3-2026-00001", awardedOn: "2026-11-30" });
    expect(registerRowFor([cert(), l3], "2026-12-01", 6)).toMatchObject({
      level: 3,
      certificateNumber: "CMR-L3-2026-00001",
      certificationId: "c3",
      status: "current",
    });
  });
  it("a revoked Level 3 leaves the Level 2 on the register; nothing left removes the row", () => {
    const l3 = cert({ id: "c3", level: 3, status: "revoked" });
    expect(registerRowFor([cert(), l3], "2026-12-01", 6)?.level).toBe(2);
    expect(registerRowFor([cert({ status: "lapsed" }), l3], "2026-12-01", 6)).toBeNull();
    expect(registerRowFor([], "2026-12-01", 6)).toBeNull();
  });
  it("verification never shows a name the register does not show", () => {
    expect(verificationAnswer(null, "2026-12-01", 6)).toEqual({ status: "unknown" });
    expect(verificationAnswer(cert(), "2026-12-01", 6)).toMatchObject({ status: "current", name: "Dr A" });
    const revoked = verificationAnswer(cert({ status: "revoked" }), "2026-12-01", 6);
    expect(revoked.status).toBe("revoked");
    expect(revoked).not.toHaveProperty("name");
    expect(revoked).not.toHaveProperty("uid");
  });
  it("the row always shows one of the holder's listable certifications", () => {
    const statuses = ["active", "expired", "lapsed", "renewed", "revoked"] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            level: fc.constantFrom(2 as const, 3 as const),
            status: fc.constantFrom(...statuses),
            year: fc.integer({ min: 2020, max: 2030 }),
          }),
          { maxLength: 5 },
        ),
        (specs) => {
          const certs = specs.map((s, i) =>
            cert({ id: `c${i}`, level: s.level, status: s.status, expiresOn: `${s.year}-06-01` }),
          );
          const row = registerRowFor(certs, "2026-01-01", 6);
          const listable = certs.filter(
            (c) => c.status !== "renewed" && ["current", "expired-in-window"].includes(standingOf(c, "2026-01-01", 6)),
          );
          if (listable.length === 0) {
            expect(row).toBeNull();
            return;
          }
          expect(row?.level).toBe(Math.max(...listable.map((c) => c.level)));
          expect(listable.map((c) => c.id)).toContain(row?.certificationId);
        },
      ),
    );
  });
});

describe("history ids", () => {
  it("are deterministic and sort by submission", () => {
    expect(historyId(1, "graded", "g1")).toBe("001-graded-g1");
    expect(historyId(12, "assigned")).toBe("012-assigned");
  });
});

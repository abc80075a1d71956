// The results letter: the facts it states and its deterministic ids.
import { describe, expect, it } from "vitest";
import { completionMail, examMailIds, resultLetter } from "../../../functions/src/exam/domain/letters.js";
import { DEFAULT_POLICY } from "../../../functions/src/platform/domain/policy.js";

const base = { sittingDate: "2026-11-07", resultDate: "2026-12-20", score: 61, maxScore: 98, passMark: 60 };

describe("resultLetter", () => {
  it("a pass states the score, the pass mark, the logbook deadline two years on and the certificate", () => {
    const m = resultLetter({ ...base, passed: true }, DEFAULT_POLICY);
    expect(m.subject).toMatch(/passed/);
    expect(m.text).toContain("61 out of 98");
    expect(m.text).toContain("pass mark: 60");
    expect(m.text).toContain("no later than 2028-12-20");
    expect(m.text).toMatch(/certificate of completion/);
  });
  it("a fail states the score and the pass mark and mentions appeals, not the logbook", () => {
    const m = resultLetter({ ...base, score: 59, passed: false }, DEFAULT_POLICY);
    expect(m.subject).not.toMatch(/passed/);
    expect(m.text).toContain("did not pass");
    expect(m.text).toContain("59 out of 98");
    expect(m.text).toMatch(/appeal/i);
    expect(m.text).not.toMatch(/logbook must be submitted/);
  });
  it("one id per result, different for the letter and the certificate", () => {
    expect(examMailIds.letter("s_u")).toBe("exam-result-s_u");
    expect(examMailIds.certificate("s_u")).toBe("exam-certificate-s_u");
    expect(completionMail("2026-11-07").text).toContain("2026-11-07");
  });
});

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

describe("the letters' whole text", () => {
  it("a pass: subject, score line, certificate and the logbook deadline from the result date", () => {
    const m = resultLetter({ ...base, passed: true }, DEFAULT_POLICY);
    expect(m.subject).toBe("Your EACVI CMR exam result: passed");
    expect(m.text.split("\n\n")).toEqual([
      "Congratulations: you passed the EACVI CMR written exam of 2026-11-07.",
      "Your score: 61 out of 98 scored questions. The pass mark: 60.",
      "Your certificate of completion of the written exam follows in a separate message and is available in your account.",
      "You now have access to the logbook platform. The logbook must be submitted no later than 2028-12-20 (2 years after these results); after that date the exam must be repeated.",
    ]);
  });

  it("the deadline and the period it states follow the policy's logbook months", () => {
    const letter = (logbookSubmissionMonths: number) =>
      resultLetter(
        { ...base, passed: true },
        { ...DEFAULT_POLICY, deadlines: { ...DEFAULT_POLICY.deadlines, logbookSubmissionMonths } },
      ).text;
    expect(letter(18)).toContain("no later than 2028-06-20 (18 months after these results)");
    expect(letter(12)).toContain("no later than 2027-12-20 (1 year after these results)");
    expect(letter(36)).toContain("no later than 2029-12-20 (3 years after these results)");
    expect(letter(6)).toContain("no later than 2027-06-20 (6 months after these results)");
  });

  it("a fail: subject, score line and the appeal", () => {
    const m = resultLetter({ ...base, score: 59, passed: false }, DEFAULT_POLICY);
    expect(m.subject).toBe("Your EACVI CMR exam result");
    expect(m.text.split("\n\n")).toEqual([
      "You did not pass the EACVI CMR written exam of 2026-11-07.",
      "Your score: 59 out of 98 scored questions. The pass mark: 60.",
      "You may register for a later session. An appeal is possible: the procedure is described on the programme's page.",
    ]);
  });

  it("the certificate's message", () => {
    const m = completionMail("2026-11-07");
    expect(m.subject).toBe("Your certificate of completion of the EACVI CMR written exam");
    expect(m.text.split("\n\n")).toEqual([
      "Attached is your certificate of completion of the EACVI CMR written exam of 2026-11-07.",
      "Keep it: the logbook application refers to this exam result.",
    ]);
  });
});

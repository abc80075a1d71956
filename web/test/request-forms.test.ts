// The request forms' pure part: the text typed becomes content the server's
// own schema judges, empty numbers are missing (never 0), a resend starts
// from what was sent, and the schema's complaints name the fields in words.
import { describe, expect, it } from "vitest";
import { requestContent, type RequestContent } from "../../functions/src/requests/domain/kinds";
import {
  contentOf,
  describeFieldIssue,
  FIELD_LABELS,
  holdsLevel3,
  isMoreKind,
  MORE_KINDS,
  valuesOf,
} from "../src/requests/forms";

const REMOTE: Extract<RequestContent, { kind: "remote-supervision" }> = {
  kind: "remote-supervision",
  reason: "No Level 3 supervisor at my hospital.",
  institutionAnnualCaseload: 350,
  localSupervision: "A Level 2 cardiologist reports with me.",
  remoteSupervisorUid: "sup-1",
  arrangements: "Weekly review of anonymised studies online.",
  contactTime: "two hours a week",
  assessmentMethods: "Case-based discussion and report review.",
  from: "2026-01-01",
  to: "2026-12-31",
  evidenceIds: ["ev-1"],
};
const SPECIAL: RequestContent = {
  kind: "special-circumstances",
  applicationId: "app-1",
  text: "Illness.",
  evidenceIds: [],
};
const APPEAL: RequestContent = { kind: "logbook-appeal", applicationId: "app-2", grounds: "Misread.", evidenceIds: [] };

const issuesOf = (content: unknown) => {
  const parsed = requestContent.safeParse(content);
  return parsed.success ? [] : parsed.error.issues.map(describeFieldIssue);
};

describe("request forms", () => {
  it("give back exactly what was sent when a request is resent after changes (each new kind)", () => {
    for (const content of [REMOTE, SPECIAL, APPEAL]) {
      if (!isMoreKind(content.kind)) throw new Error("not a new kind");
      const again = contentOf(content.kind, valuesOf(content), content.evidenceIds);
      expect(requestContent.parse(again)).toEqual(content);
    }
  });

  it("send nothing the schema would refuse: an empty form names every missing field in words", () => {
    for (const kind of MORE_KINDS) {
      const issues = issuesOf(contentOf(kind, {}, []));
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues)
        expect(issue).toMatch(new RegExp(`^(${Object.values(FIELD_LABELS).join("|")})(:| is | must )`));
    }
    const remote = issuesOf(contentOf("remote-supervision", {}, []));
    expect(remote).toContain("Your institution's annual CMR caseload is required");
    expect(remote).toContain("Remote supervisor is required");
    expect(remote.some((i) => i === "Covered from must be a real calendar date in the form YYYY-MM-DD")).toBe(true);
  });

  it("keep an empty caseload missing (never 0), and take 0 when 0 is typed", () => {
    const values = valuesOf(REMOTE);
    expect(issuesOf(contentOf("remote-supervision", { ...values, institutionAnnualCaseload: " " }, []))).toEqual([
      "Your institution's annual CMR caseload is required",
    ]);
    expect(issuesOf(contentOf("remote-supervision", { ...values, institutionAnnualCaseload: "0" }, []))).toEqual([]);
    expect(issuesOf(contentOf("remote-supervision", { ...values, institutionAnnualCaseload: "-1" }, []))).toEqual([
      "Your institution's annual CMR caseload: the annual caseload is a number of studies",
    ]);
  });

  it("refuse a period that ends before it starts, and accept one of a single day", () => {
    const values = valuesOf(REMOTE);
    expect(issuesOf(contentOf("remote-supervision", { ...values, from: "2026-05-02", to: "2026-05-01" }, []))).toEqual([
      "Covered until must not be before from",
    ]);
    expect(issuesOf(contentOf("remote-supervision", { ...values, from: "2026-05-02", to: "2026-05-02" }, []))).toEqual(
      [],
    );
  });

  it("hold Level 3 from its first day to its last, both included; an open end never lapses", () => {
    expect(holdsLevel3("2020-01-01", null, "2020-01-01")).toBe(true);
    expect(holdsLevel3("2020-01-01", null, "2019-12-31")).toBe(false);
    expect(holdsLevel3("2020-01-01", "2025-06-30", "2025-06-30")).toBe(true);
    expect(holdsLevel3("2020-01-01", "2025-06-30", "2025-07-01")).toBe(false);
    expect(holdsLevel3(undefined, null, "2025-07-01")).toBe(false);
  });
});

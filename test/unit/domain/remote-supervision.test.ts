// "Remote mentoring requires prior approval": a supervisor at another
// institution than the candidate's counts for cases and training only on the
// dates a granted remote-supervision request naming them covers. Both sides of
// every limit: same vs other institution (after normalisation), recorded or
// not, the first and last covered day and the days either side, the named
// supervisor vs another, granted vs not granted / withdrawn / refused.
import { describe, expect, it } from "vitest";
import {
  judgeApplication,
  type ApplicationDocs,
  type Doc,
} from "../../../functions/src/logbook/domain/application-docs.js";
import { DEFAULT_POLICY, validateApplication, type Bundle } from "../../../functions/src/logbook/domain/index.js";
import {
  describeSpans,
  mergeSpans,
  splitByCoverage,
} from "../../../functions/src/logbook/domain/remote-supervision.js";
import { makeBundle, SUPERVISOR_ID } from "../../factories/bundle.js";
import { codesOf, findingsOf, requirementOf } from "../../factories/report.js";

const CANDIDATE_AT = "Hôpital Européen Georges-Pompidou";
const SUPERVISOR_AT = "King's College London";
/** The level 2 bundle's cases are studied 2025-01-01 (case-0000) to 2025-05-30 (case-0149); training 2025-01-01 – 2025-03-31. */
const ALL = { from: "2025-01-01", to: "2025-05-30" };

function bundle(
  candidate: string | null,
  supervisor: string | null,
  grants: { supervisorId?: string; from: string; to: string }[] = [],
): Bundle {
  const base = makeBundle("level2");
  return {
    ...base,
    candidate: { ...base.candidate, institution: candidate },
    supervisors: base.supervisors.map((s) => ({ ...s, institution: supervisor })),
    remoteSupervision: grants.map((g, i) => ({ requestId: `req-${i}`, supervisorId: SUPERVISOR_ID, ...g })),
  };
}
const TODAY = "2026-06-01";
const doc = (path: string, data: unknown): Doc => ({ path, id: path.split("/").pop()!, data });
const strip = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;

/** The documents of application a1 of u1 describing `b`, with the candidate's granted (or not) requests. */
function docsOf(
  b: Bundle,
  requests: Doc[],
  { candidateAt, supervisorAt }: { candidateAt: string | null; supervisorAt: string | null },
): ApplicationDocs {
  return {
    application: doc("applications/a1", {
      ownerUid: "u1",
      route: "level2",
      status: "draft",
      supervisorIds: [SUPERVISOR_ID],
      examResultId: "e1",
    }),
    profile: doc("users/u1", { ...strip({ id: "", ...b.candidate }), institution: candidateAt }),
    exam: doc("examResults/e1", { uid: "u1", ...b.exam }),
    level2: null,
    supervisors: b.supervisors.map((s) => doc(`supervisors/${s.id}`, { ...strip(s), institution: supervisorAt })),
    cases: b.cases.map((c) => doc(`applications/a1/cases/${c.id}`, strip(c))),
    cme: b.cme.map((e) => doc(`applications/a1/cme/${e.id}`, strip(e))),
    training: b.training.map((t) => doc(`applications/a1/training/${t.id}`, strip(t))),
    recognition: [],
    declarations: [doc(`applications/a1/declarations/${SUPERVISOR_ID}`, { signedOn: "2026-05-20" })],
    requests,
  };
}

const excludedCases = (b: Bundle) =>
  findingsOf(validateApplication(b), "REMOTE_SUPERVISION_NOT_APPROVED").flatMap((f) => f.caseIds ?? []);

describe("which supervisors are remote", () => {
  it("the same institution, however typed, needs no approval", () => {
    const report = validateApplication(bundle(SUPERVISOR_AT, "kings college   LONDON"));
    expect(report.eligible).toBe(true);
    expect(codesOf(report)).not.toContain("REMOTE_SUPERVISION_NOT_APPROVED");
  });

  it("a supervisor whose institution is not recorded is not judged remote", () => {
    expect(validateApplication(bundle(CANDIDATE_AT, null)).eligible).toBe(true);
    expect(validateApplication(bundle(CANDIDATE_AT, "  ")).eligible).toBe(true);
  });

  it("another institution without approval: no case and no training counts, and the findings say why", () => {
    const report = validateApplication(bundle(CANDIDATE_AT, SUPERVISOR_AT));
    expect(report.eligible).toBe(false);
    const cases = findingsOf(report, "REMOTE_SUPERVISION_NOT_APPROVED").filter((f) => f.caseIds);
    expect(cases).toHaveLength(150);
    expect(cases[0].severity).toBe("error");
    expect(cases[0].message).toContain(`another institution (${SUPERVISOR_AT}) than the candidate's (${CANDIDATE_AT})`);
    expect(cases[0].message).toContain("covers 2025-01-01");
    const training = findingsOf(report, "REMOTE_SUPERVISION_NOT_APPROVED").filter((f) => f.trainingIds);
    expect(training).toHaveLength(1);
    expect(training[0].message).toContain("covers 2025-01-01 – 2025-03-31, so the period is not counted");
    expect(report.summary.casesCounted).toBe(0);
    expect(report.summary.trainingFteMonths).toBe(0);
  });

  it("a candidate whose institution is not recorded cannot avoid the rule", () => {
    const report = validateApplication(bundle(null, SUPERVISOR_AT));
    expect(report.eligible).toBe(false);
    expect(findingsOf(report, "REMOTE_SUPERVISION_NOT_APPROVED")[0].message).toContain(
      "the candidate's institution is not recorded",
    );
  });
});

describe("a granted remote-supervision request", () => {
  it("covering every date makes every case and the training count", () => {
    const report = validateApplication(bundle(CANDIDATE_AT, SUPERVISOR_AT, [ALL]));
    expect(report.eligible).toBe(true);
    expect(report.summary.casesCounted).toBe(150);
  });

  it("counts a case on its first and last day, not the day before nor the day after", () => {
    expect(excludedCases(bundle(CANDIDATE_AT, SUPERVISOR_AT, [{ from: "2025-01-02", to: "2025-05-29" }]))).toEqual([
      "case-0000",
      "case-0149",
    ]);
    expect(excludedCases(bundle(CANDIDATE_AT, SUPERVISOR_AT, [{ from: "2025-01-01", to: "2025-05-30" }]))).toEqual([]);
  });

  it("two grants that touch cover the days of both", () => {
    const split = [
      { from: "2025-01-01", to: "2025-02-28" },
      { from: "2025-03-01", to: "2025-05-30" },
    ];
    expect(validateApplication(bundle(CANDIDATE_AT, SUPERVISOR_AT, split)).eligible).toBe(true);
    expect(mergeSpans(split)).toEqual([ALL]);
  });

  it("naming another supervisor covers nothing of this one", () => {
    const other = bundle(CANDIDATE_AT, SUPERVISOR_AT, [{ supervisorId: "sup-someone-else", ...ALL }]);
    expect(excludedCases(other)).toHaveLength(150);
  });

  it("covering part of a training period counts only that part, and names the days left out", () => {
    const b = bundle(CANDIDATE_AT, SUPERVISOR_AT, [
      { from: "2025-01-01", to: "2025-01-31" },
      { from: "2025-03-01", to: "2025-05-30" },
    ]);
    const report = validateApplication(b);
    const [training] = findingsOf(report, "REMOTE_SUPERVISION_NOT_APPROVED").filter((f) => f.trainingIds);
    expect(training.severity).toBe("warning");
    expect(training.message).toContain(
      "covers 2025-02-01 – 2025-02-28, so only 2025-01-01 – 2025-01-31, 2025-03-01 – 2025-03-31 counts",
    );
    expect(requirementOf(report, "training.fteMonths")).toMatchObject({ met: false, actual: 2 });
    expect(codesOf(report)).toContain("TRAINING_TOO_SHORT");
  });

  it("splitByCoverage: covered and uncovered parts, edges included", () => {
    const rule = { why: "", spans: [{ from: "2025-01-10", to: "2025-01-20" }] };
    expect(splitByCoverage(rule, "2025-01-01", "2025-01-31")).toEqual({
      covered: [{ from: "2025-01-10", to: "2025-01-20" }],
      uncovered: [
        { from: "2025-01-01", to: "2025-01-09" },
        { from: "2025-01-21", to: "2025-01-31" },
      ],
    });
    expect(splitByCoverage(rule, "2025-01-10", "2025-01-20").uncovered).toEqual([]);
    expect(splitByCoverage(rule, "2025-01-21", "2025-01-25").covered).toEqual([]);
  });
});

describe("grant spans", () => {
  it("a one-day grant covers that day; a grant ending before it starts covers nothing", () => {
    const excluded = excludedCases(bundle(CANDIDATE_AT, SUPERVISOR_AT, [{ from: "2025-01-01", to: "2025-01-01" }]));
    expect(excluded).toHaveLength(149);
    expect(excluded).not.toContain("case-0000");
    expect(excludedCases(bundle(CANDIDATE_AT, SUPERVISOR_AT, [{ from: "2025-05-30", to: "2025-01-01" }]))).toHaveLength(
      150,
    );
  });

  it("mergeSpans sorts by start whatever the order given, and merges touching or overlapping spans", () => {
    const jan = { from: "2025-01-01", to: "2025-01-31" };
    const feb = { from: "2025-02-01", to: "2025-02-28" };
    const apr = { from: "2025-04-01", to: "2025-04-30" };
    const lateJan = { from: "2025-01-20", to: "2025-01-25" };
    const janToFeb = { from: "2025-01-01", to: "2025-02-28" };
    for (const order of [
      [jan, feb, apr],
      [apr, feb, jan],
      [feb, apr, jan],
      [apr, jan, feb],
      [feb, jan, apr],
    ]) {
      expect(mergeSpans(order)).toEqual([janToFeb, apr]);
    }
    expect(mergeSpans([apr, lateJan])).toEqual([lateJan, apr]);
    expect(mergeSpans([feb, apr, lateJan])).toEqual([lateJan, feb, apr]);
    expect(mergeSpans([apr, lateJan, jan])).toEqual([jan, apr]);
    expect(mergeSpans([lateJan, apr, jan])).toEqual([jan, apr]);
  });

  it("splitByCoverage counts a single covered day and a single day left out", () => {
    const rule = { why: "", spans: [{ from: "2025-01-10", to: "2025-01-20" }] };
    expect(splitByCoverage(rule, "2025-01-20", "2025-01-21")).toEqual({
      covered: [{ from: "2025-01-20", to: "2025-01-20" }],
      uncovered: [{ from: "2025-01-21", to: "2025-01-21" }],
    });
    expect(splitByCoverage(rule, "2025-01-09", "2025-01-10")).toEqual({
      covered: [{ from: "2025-01-10", to: "2025-01-10" }],
      uncovered: [{ from: "2025-01-09", to: "2025-01-09" }],
    });
  });

  it("describeSpans writes a single day once and a longer span as its first and last day", () => {
    expect(
      describeSpans([
        { from: "2025-01-09", to: "2025-01-09" },
        { from: "2025-01-21", to: "2025-01-31" },
      ]),
    ).toBe("2025-01-09, 2025-01-21 – 2025-01-31");
  });
});

describe("from the request documents to the engine", () => {
  const b = makeBundle("level2");
  const request = (id: string, over: object = {}) =>
    doc(`requests/${id}`, {
      kind: "remote-supervision",
      candidateUid: "u1",
      status: "granted",
      applicationId: null,
      content: { kind: "remote-supervision", remoteSupervisorUid: SUPERVISOR_ID, ...ALL },
      decision: { outcome: "approved" },
      ...over,
    });
  const judge = (requests: Doc[]) =>
    judgeApplication(
      docsOf(b, requests, { candidateAt: CANDIDATE_AT, supervisorAt: SUPERVISOR_AT }),
      TODAY,
      DEFAULT_POLICY,
    ).report;

  it("a granted request of the candidate counts", () => {
    expect(judge([request("r1")]).eligible).toBe(true);
  });

  for (const status of ["submitted", "changes-requested", "resubmitted", "refused", "withdrawn"]) {
    it(`a ${status} request counts for nothing`, () => {
      const report = judge([request("r1", { status })]);
      expect(report.eligible).toBe(false);
      expect(codesOf(report)).toContain("REMOTE_SUPERVISION_NOT_APPROVED");
    });
  }

  it("another candidate's granted request counts for nothing", () => {
    expect(judge([request("r1", { candidateUid: "u2" })]).eligible).toBe(false);
  });

  it("another kind of granted request is no remote-supervision approval", () => {
    expect(judge([request("r1", { kind: "extension" })]).eligible).toBe(false);
  });
});

describe("special circumstances: a policy override for one application", () => {
  const b = makeBundle("level2");
  const short = { ...b, cases: b.cases.slice(0, 140) };
  const special = (id: string, over: object = {}) =>
    doc(`requests/${id}`, {
      kind: "special-circumstances",
      candidateUid: "u1",
      status: "granted",
      applicationId: "a1",
      content: { kind: "special-circumstances", applicationId: "a1" },
      decision: { outcome: "granted", policyOverride: { cases: { required: { level2: 140 } } } },
      ...over,
    });
  const judge = (requests: Doc[]) =>
    judgeApplication(docsOf(short, requests, { candidateAt: null, supervisorAt: null }), TODAY, DEFAULT_POLICY).report;

  it("without an override, 140 cases of 150 are not enough", () => {
    expect(judge([]).eligible).toBe(false);
  });

  it("a granted override applies to that application and the report names the decision", () => {
    const report = judge([special("sc-1")]);
    expect(report.eligible).toBe(true);
    expect(report.requirements.find((r) => r.id === "cases.total")).toMatchObject({ required: 140, met: true });
    const [finding] = findingsOf(report, "POLICY_OVERRIDE");
    expect(finding).toMatchObject({ severity: "warning", documentPath: "requests/sc-1" });
    expect(finding.message).toContain("special-circumstances decision sc-1: cases.required.level2 = 140");
  });

  it("nothing else overrides: not another application's, not an undecided or refused one", () => {
    expect(judge([special("sc-1", { applicationId: "a2" })]).eligible).toBe(false);
    expect(judge([special("sc-1", { status: "submitted" })]).eligible).toBe(false);
    expect(judge([special("sc-1", { status: "refused" })]).eligible).toBe(false);
    expect(judge([special("sc-1", { candidateUid: "u2" })]).eligible).toBe(false);
    expect(judge([special("sc-1", { kind: "remote-supervision" })]).eligible).toBe(false);
  });

  it("an override that would make the policy invalid is reported and not applied", () => {
    const report = judge([
      special("sc-1", { decision: { outcome: "granted", policyOverride: { cases: { required: { level2: -1 } } } } }),
    ]);
    expect(report.eligible).toBe(false);
    expect(findingsOf(report, "POLICY_OVERRIDE_INVALID")[0].documentPath).toBe("requests/sc-1");
  });
});

describe("the logbook deadline a granted extension moves", () => {
  const b = makeBundle("level2");
  const late = { ...b, exam: { passed: true, sittingDate: "2024-03-01", resultDate: "2024-05-31" } };
  const judge = (examOver: object, appOver: object = {}) => {
    const docs = docsOf(late, [], { candidateAt: null, supervisorAt: null });
    docs.exam = doc("examResults/e1", { uid: "u1", ...late.exam, ...examOver });
    docs.application = { ...docs.application, data: { ...(docs.application.data as object), ...appOver } };
    return codesOf(judgeApplication(docs, TODAY, DEFAULT_POLICY).report);
  };

  it("without an extension the deadline (2026-05-31) has passed on 2026-06-01", () => {
    expect(judge({})).toContain("LOGBOOK_SUBMISSION_DEADLINE_PASSED");
  });
  it("the exam result's extensionGrantedUntil moves it: the last day still counts, the day before does not", () => {
    expect(judge({ extensionGrantedUntil: "2026-06-01" })).not.toContain("LOGBOOK_SUBMISSION_DEADLINE_PASSED");
    expect(judge({ extensionGrantedUntil: "2026-05-31" })).toContain("LOGBOOK_SUBMISSION_DEADLINE_PASSED");
  });
  it("the later of the exam result's and the application's counts", () => {
    expect(judge({ extensionGrantedUntil: "2026-01-01" }, { extensionGrantedUntil: "2026-12-31" })).not.toContain(
      "LOGBOOK_SUBMISSION_DEADLINE_PASSED",
    );
    expect(judge({ extensionGrantedUntil: "2026-12-31" }, { extensionGrantedUntil: "2026-01-01" })).not.toContain(
      "LOGBOOK_SUBMISSION_DEADLINE_PASSED",
    );
  });
});

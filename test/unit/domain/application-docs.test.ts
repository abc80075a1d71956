// From Firestore documents to the live report, without Firestore.
import { describe, expect, it } from "vitest";
import {
  judgeApplication,
  policyForApplication,
  type ApplicationDocs,
  type Doc,
} from "../../../functions/src/logbook/domain/application-docs.js";
import { DEFAULT_POLICY } from "../../../functions/src/logbook/domain/index.js";
import { makeBundle } from "../../factories/bundle.js";
import { codesOf } from "../../factories/report.js";

const TODAY = "2026-06-01";
const doc = (path: string, data: unknown): Doc => ({ path, id: path.split("/").pop()!, data });
const strip = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;

function docsFor(bundle = makeBundle("level2"), changes: Partial<ApplicationDocs> = {}): ApplicationDocs {
  const app = "applications/a1";
  return {
    application: doc(app, {
      ownerUid: "u1",
      route: bundle.route,
      status: "draft",
      supervisorIds: bundle.supervisors.map((s) => s.id),
      examResultId: "e1",
    }),
    profile: doc("users/u1", {
      physicianRegistration: bundle.candidate.physicianRegistration,
      acls: bundle.candidate.acls,
    }),
    exam: bundle.exam ? doc("examResults/e1", { uid: "u1", ...bundle.exam }) : null,
    level2: null,
    supervisors: bundle.supervisors.map((s) => doc(`supervisors/${s.id}`, strip(s))),
    cases: bundle.cases.map((c) => doc(`${app}/cases/${c.id}`, strip(c))),
    cme: bundle.cme.map((e) => doc(`${app}/cme/${e.id}`, strip(e))),
    training: bundle.training.map((t) => doc(`${app}/training/${t.id}`, strip(t))),
    recognition: [],
    declarations: [doc(`${app}/declarations/sup-lv3`, { signedOn: "2026-05-20" })],
    ...changes,
  };
}

describe("judgeApplication", () => {
  it("gives the engine's report for well-formed documents", () => {
    const { report, bundle } = judgeApplication(docsFor(), TODAY, DEFAULT_POLICY);
    expect(report.eligible).toBe(true);
    expect(bundle?.asOf).toBe(TODAY);
    expect(bundle?.cases[0].id).toBe("case-0000");
  });

  it("ignores an exam result that belongs to someone else (DOCUMENT_NOT_OWNED)", () => {
    const docs = docsFor(undefined, { exam: doc("examResults/e1", { uid: "someone-else", ...makeBundle().exam }) });
    const { report } = judgeApplication(docs, TODAY, DEFAULT_POLICY);
    expect(codesOf(report)).toEqual(["DOCUMENT_NOT_OWNED", "EXAM_NOT_PASSED"]);
    expect(report.findings[0].documentPath).toBe("examResults/e1");
  });

  it("ignores a declaration by someone not named on the application", () => {
    const docs = docsFor(undefined, {
      declarations: [doc("applications/a1/declarations/intruder", { signedOn: "2026-05-20" })],
    });
    expect(codesOf(judgeApplication(docs, TODAY, DEFAULT_POLICY).report)).toEqual(["SUPERVISOR_DECLARATION_MISSING"]);
  });

  it("an application document that is not valid gives a report naming it, and no bundle", () => {
    const docs = docsFor(undefined, { application: doc("applications/a1", { ownerUid: "u1", route: "level9" }) });
    const { report, bundle } = judgeApplication(docs, TODAY, DEFAULT_POLICY);
    expect(bundle).toBeNull();
    expect(report).toMatchObject({ eligible: false, route: null, summary: null });
    expect(report.findings.map((f) => f.documentPath)).toEqual(["applications/a1"]);
  });

  it("a malformed profile is reported and treated as empty", () => {
    const docs = docsFor(undefined, { profile: doc("users/u1", { physicianRegistration: { validUntil: "soon" } }) });
    expect(codesOf(judgeApplication(docs, TODAY, DEFAULT_POLICY).report)).toEqual([
      "ACLS_MISSING",
      "DOCUMENT_INVALID",
      "REGISTRATION_NOT_VALID",
    ]);
  });

  it("a case document that is not an object is CASE_INVALID under its document id", () => {
    const docs = docsFor();
    docs.cases.push(doc("applications/a1/cases/odd", "just text"));
    const { report } = judgeApplication(docs, TODAY, DEFAULT_POLICY);
    expect(report.findings.find((f) => f.code === "CASE_INVALID")?.caseIds).toEqual(["odd"]);
  });

  it("carries the owner's uid and the named supervisors, so that the candidate is never their own supervisor", () => {
    const docs = docsFor();
    docs.application = doc("applications/a1", {
      ownerUid: "u1",
      route: "level2",
      status: "draft",
      supervisorIds: ["sup-lv3", "u1"],
      examResultId: "e1",
    });
    const { report, bundle } = judgeApplication(docs, TODAY, DEFAULT_POLICY);
    expect(bundle?.candidate.uid).toBe("u1");
    expect(bundle?.supervisorIds).toEqual(["sup-lv3", "u1"]);
    expect(codesOf(report)).toEqual(["CANDIDATE_OWN_SUPERVISOR"]);
  });

  it("reads the Level 2 CME events, and still the entry ids of older certifications", () => {
    const level3 = makeBundle("level3-via-level2");
    const event = {
      title: "advanced-cmr course",
      startDate: "2025-05-01",
      endDate: "2025-05-01",
      certificateId: "c-l2",
    };
    const withLevel2 = (data: object) =>
      judgeApplication(
        docsFor(level3, {
          application: doc("applications/a1", {
            ownerUid: "u1",
            route: "level3-via-level2",
            status: "draft",
            supervisorIds: ["sup-lv3"],
            level2CertificationId: "l2",
          }),
          level2: doc("certifications/l2", {
            uid: "u1",
            level: 2,
            awardedOn: "2023-03-01",
            expiresOn: "2028-03-01",
            ...data,
          }),
          recognition: level3.peerRecognition.map(({ id, ...rest }) => doc(`applications/a1/recognition/${id}`, rest)),
        }),
        TODAY,
        DEFAULT_POLICY,
      );
    const old = withLevel2({ caseKeys: [], cmeIds: ["cme-course"] });
    expect(old.bundle?.candidate.level2).toMatchObject({ cmeIds: ["cme-course"], cmeEvents: [] });
    expect(old.report.findings.filter((f) => f.code === "CME_REUSED_FROM_LEVEL2").map((f) => f.cmeIds)).toEqual([
      ["cme-course"],
    ]);
    const current = withLevel2({ caseKeys: [], cmeIds: [], cmeEvents: [event] });
    expect(current.report.findings.filter((f) => f.code === "CME_REUSED_FROM_LEVEL2").map((f) => f.cmeIds)).toEqual([
      ["cme-course"],
    ]);
  });
});

describe("judgeApplication: each document on its own", () => {
  it("names a malformed document and the schema's reason, and still judges the rest", () => {
    const docs = docsFor(undefined, { exam: doc("examResults/e1", { uid: "u1", passed: "yes" }) });
    const { report, bundle } = judgeApplication(docs, TODAY, DEFAULT_POLICY);
    expect(report.findings.find((f) => f.code === "DOCUMENT_INVALID")).toMatchObject({
      severity: "error",
      message:
        "examResults/e1 is not valid: passed: Invalid input: expected boolean, received string; " +
        "sittingDate: Invalid input: expected string, received undefined; resultDate: Invalid input: expected string, received undefined",
      documentPath: "examResults/e1",
    });
    expect(bundle?.exam).toBeNull();
  });

  it("a malformed or another user's Level 2 certification is reported and not used", () => {
    const level3 = makeBundle("level3-via-level2");
    const dates = { awardedOn: "2023-03-01", expiresOn: "2028-03-01" };
    const l2 = { level: 2, ...dates };
    const judge = (level2: Doc) => judgeApplication(docsFor(level3, { level2 }), TODAY, DEFAULT_POLICY);
    const mine = judge(doc("certifications/l2", { uid: "u1", ...l2 }));
    expect(mine.bundle?.candidate.level2).toEqual({ ...dates, caseKeys: [], cmeIds: [], cmeEvents: [] });
    const theirs = judge(doc("certifications/l2", { uid: "u2", ...l2 }));
    expect(theirs.bundle?.candidate.level2).toBeNull();
    expect(theirs.report.findings.find((f) => f.code === "DOCUMENT_NOT_OWNED")).toMatchObject({
      message: "certifications/l2 belongs to another user and is ignored",
      documentPath: "certifications/l2",
    });
    const malformed = judge(doc("certifications/l2", { uid: "u1", ...l2, level: 3 }));
    expect(malformed.bundle?.candidate.level2).toBeNull();
    expect(codesOf(malformed.report)).toContain("DOCUMENT_INVALID");
    expect(codesOf(malformed.report)).not.toContain("DOCUMENT_NOT_OWNED");
  });

  it("drops a malformed supervisor, peer recognition or declaration and keeps the valid ones with their document ids", () => {
    const docs = docsFor();
    docs.supervisors.push(doc("supervisors/bad", { name: 42 }));
    docs.recognition = [
      doc("applications/a1/recognition/p1", { kind: "publication", date: "2025-01-10" }),
      doc("applications/a1/recognition/p2", { kind: "poster", date: "2025-01-10" }),
    ];
    const application = docs.application.data as { supervisorIds: string[] };
    application.supervisorIds.push("bad");
    docs.declarations.push(doc("applications/a1/declarations/bad", { signedOn: "yesterday" }));
    const { report, bundle } = judgeApplication(docs, TODAY, DEFAULT_POLICY);
    expect(bundle?.supervisors.map((s) => s.id)).toEqual(["sup-lv3"]);
    expect(bundle?.peerRecognition).toEqual([{ id: "p1", kind: "publication", date: "2025-01-10" }]);
    expect(bundle?.supervisorDeclaration).toEqual({ supervisorId: "sup-lv3", signedOn: "2026-05-20" });
    expect(report.findings.filter((f) => f.code === "DOCUMENT_INVALID").map((f) => f.documentPath)).toEqual([
      "applications/a1/declarations/bad",
      "applications/a1/recognition/p2",
      "supervisors/bad",
    ]);
    // A malformed document is an error: the application is not eligible while it stands.
    expect(report.eligible).toBe(false);
  });

  it("an error about one document makes an otherwise eligible application not eligible", () => {
    const docs = docsFor(undefined, {
      recognition: [doc("applications/a1/recognition/p2", { kind: "poster", date: "2025-01-10" })],
    });
    const { report } = judgeApplication(docs, TODAY, DEFAULT_POLICY);
    expect(codesOf(report)).toEqual(["DOCUMENT_INVALID"]);
    expect(report.requirements.every((r) => r.met)).toBe(true);
    expect(report.eligible).toBe(false);
  });

  it("a case document that is not an object keeps only its id in the bundle", () => {
    const docs = docsFor();
    docs.cases.push(doc("applications/a1/cases/odd", "just text"));
    const { bundle } = judgeApplication(docs, TODAY, DEFAULT_POLICY);
    expect(bundle?.cases.find((c) => c.id === "odd")).toEqual({ id: "odd" });
  });

  it("takes the latest declaration of a named supervisor, the smaller id on the same day", () => {
    const three = makeBundle("level2");
    const docs = docsFor(three);
    (docs.application.data as { supervisorIds: string[] }).supervisorIds = ["s-b", "s-a", "s-c", "s-d"];
    const decl = (id: string, signedOn: string) => doc(`applications/a1/declarations/${id}`, { signedOn });
    const latest = (declarations: Doc[]) =>
      judgeApplication({ ...docs, declarations }, TODAY, DEFAULT_POLICY).bundle?.supervisorDeclaration;
    expect(latest([decl("s-a", "2026-05-01"), decl("s-b", "2026-05-20")])).toEqual({
      supervisorId: "s-b",
      signedOn: "2026-05-20",
    });
    expect(latest([decl("s-b", "2026-05-20"), decl("s-a", "2026-05-01")])?.supervisorId).toBe("s-b");
    expect(
      latest([decl("s-c", "2026-05-20"), decl("s-b", "2026-05-20"), decl("s-a", "2026-05-01")])?.supervisorId,
    ).toBe("s-b");
    expect(
      latest([decl("s-b", "2026-05-20"), decl("s-c", "2026-05-20"), decl("s-d", "2026-05-21")])?.supervisorId,
    ).toBe("s-d");
    expect(latest([decl("s-b", "2026-05-20"), decl("s-c", "2026-05-20")])?.supervisorId).toBe("s-b");
    const malformed = doc("applications/a1/declarations/s-a", { signedOn: "soon" });
    expect(latest([malformed, decl("s-c", "2026-05-20")])).toEqual({ supervisorId: "s-c", signedOn: "2026-05-20" });
    expect(latest([decl("s-c", "2026-05-20"), malformed])).toEqual({ supervisorId: "s-c", signedOn: "2026-05-20" });
    expect(latest([malformed])).toBeNull();
  });

  it("carries the profile's institution, and no remote-supervision list when there is no approval", () => {
    const docs = docsFor();
    docs.profile = doc("users/u1", { ...(docs.profile!.data as object), institution: "St Elsewhere" });
    const { bundle } = judgeApplication(docs, TODAY, DEFAULT_POLICY);
    expect(bundle?.candidate.institution).toBe("St Elsewhere");
    expect(bundle && "remoteSupervision" in bundle).toBe(false);
    const without = judgeApplication(docsFor(), TODAY, DEFAULT_POLICY).bundle;
    expect(without && "institution" in without.candidate).toBe(false);
  });

  it("an application that cannot be judged has no requirements", () => {
    const docs = docsFor(undefined, { application: doc("applications/a1", { ownerUid: "u1", route: "level9" }) });
    expect(judgeApplication(docs, TODAY, DEFAULT_POLICY).report.requirements).toEqual([]);
  });

  it("a bundle the engine cannot use is reported as BUNDLE_INVALID, never a crash", () => {
    const { report, bundle } = judgeApplication(docsFor(), "someday", DEFAULT_POLICY);
    expect(bundle).toBeNull();
    expect(report).toEqual({
      eligible: false,
      route: "level2",
      asOf: "someday",
      policyVersion: DEFAULT_POLICY.version,
      summary: null,
      categories: null,
      requirements: [],
      findings: [
        {
          severity: "error",
          code: "BUNDLE_INVALID",
          message: "the bundle is not usable: asOf: must be a real calendar date in the form YYYY-MM-DD",
        },
      ],
    });
  });

  it("any other failure is not hidden in a report", () => {
    const broken = { ...DEFAULT_POLICY, cases: undefined } as unknown as typeof DEFAULT_POLICY;
    expect(() => judgeApplication(docsFor(), TODAY, broken)).toThrow(TypeError);
  });
});

describe("policyForApplication", () => {
  const granted = (id: string, data: object) => ({
    id,
    kind: "special-circumstances",
    status: "granted" as const,
    candidateUid: "u1",
    applicationId: "a1",
    content: {},
    ...data,
  });
  const override = (level2: number) => ({ decision: { policyOverride: { cases: { required: { level2 } } } } });

  it("applies the overrides about this application in the order of their ids, each named in a warning", () => {
    const { policy, findings } = policyForApplication(
      DEFAULT_POLICY,
      [granted("r3", override(130)), granted("r1", override(110)), granted("r2", override(120))],
      "a1",
    );
    expect(policy.cases.required.level2).toBe(130);
    expect(findings.map((f) => f.message)).toEqual([
      "Policy overridden for this application by special-circumstances decision r1: cases.required.level2 = 110",
      "Policy overridden for this application by special-circumstances decision r2: cases.required.level2 = 120",
      "Policy overridden for this application by special-circumstances decision r3: cases.required.level2 = 130",
    ]);
    expect(findings.map((f) => [f.severity, f.code, f.documentPath])).toEqual([
      ["warning", "POLICY_OVERRIDE", "requests/r1"],
      ["warning", "POLICY_OVERRIDE", "requests/r2"],
      ["warning", "POLICY_OVERRIDE", "requests/r3"],
    ]);
  });

  it("writes a null setting and a list as they are", () => {
    const policyOverride = {
      cme: { catalogue: { eurocmr: { maxCredits: null } } },
      logbookReminders: { daysBefore: [7, 14] },
    };
    const { policy, findings } = policyForApplication(
      DEFAULT_POLICY,
      [granted("r1", { decision: { policyOverride } })],
      "a1",
    );
    expect(policy.cme.catalogue.eurocmr.maxCredits).toBeNull();
    expect(findings.map((f) => f.message)).toEqual([
      "Policy overridden for this application by special-circumstances decision r1: cme.catalogue.eurocmr.maxCredits = null; logbookReminders.daysBefore = [7,14]",
    ]);
  });

  it("lists every setting an override changes", () => {
    const { findings } = policyForApplication(
      DEFAULT_POLICY,
      [granted("r1", { decision: { policyOverride: { cases: { required: { level2: 120 }, spanMonths: 36 } } } })],
      "a1",
    );
    expect(findings.map((f) => f.message)).toEqual([
      "Policy overridden for this application by special-circumstances decision r1: cases.required.level2 = 120; cases.spanMonths = 36",
    ]);
  });

  it("ignores other applications' decisions, other kinds of request and decisions without an override", () => {
    const { policy, findings } = policyForApplication(
      DEFAULT_POLICY,
      [
        granted("r1", { ...override(110), applicationId: "a2" }),
        granted("r2", { ...override(120), kind: "remote-supervision" }),
        granted("r3", { decision: null }),
        granted("r4", {}),
        granted("r5", { decision: { policyOverride: null } }),
      ],
      "a1",
    );
    expect(policy).toBe(DEFAULT_POLICY);
    expect(findings).toEqual([]);
  });

  it("an override that makes the policy invalid is reported with the reason and not applied", () => {
    const { policy, findings } = policyForApplication(
      DEFAULT_POLICY,
      [granted("r1", { decision: { policyOverride: { cases: { required: { level2: -1 }, spanMonths: 1.5 } } } })],
      "a1",
    );
    expect(policy).toBe(DEFAULT_POLICY);
    expect(findings).toEqual([
      {
        severity: "error",
        code: "POLICY_OVERRIDE_INVALID",
        message:
          "The policy override of special-circumstances decision r1 is not valid and is not applied: " +
          "cases.required.level2: Too small: expected number to be >=0; cases.spanMonths: Invalid input: expected int, received number",
        documentPath: "requests/r1",
      },
    ]);
  });
});

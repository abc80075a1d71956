// From Firestore documents to the live report, without Firestore.
import { describe, expect, it } from "vitest";
import {
  judgeApplication,
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

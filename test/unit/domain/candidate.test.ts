import { describe, expect, it } from "vitest";
import { validateApplication, type Bundle } from "../../../functions/src/logbook/domain/index.js";
import { EXAM, makeBundle, SUPERVISOR_ID } from "../../factories/bundle.js";
import { codesOf } from "../../factories/report.js";

const codes = (bundle: Bundle) => codesOf(validateApplication(bundle));

describe("exam", () => {
  it("a missing or failed exam is EXAM_NOT_PASSED for level 2 and direct level 3", () => {
    expect(codes(makeBundle("level2", { exam: null }))).toEqual(["EXAM_NOT_PASSED"]);
    expect(codes(makeBundle("level3-direct", { exam: { ...EXAM, passed: false } }))).toEqual(["EXAM_NOT_PASSED"]);
  });

  it("level 3 via level 2 needs no exam of its own", () => {
    expect(codes(makeBundle("level3-via-level2", { exam: null }))).toEqual([]);
  });
});

describe("logbook submission deadline (results + 24 months)", () => {
  it("submitting on the deadline is in time; the day after is LOGBOOK_SUBMISSION_DEADLINE_PASSED", () => {
    const exam = { ...EXAM, sittingDate: "2024-11-07", resultDate: "2024-12-19" };
    expect(codes(makeBundle("level2", { exam, asOf: "2026-12-19" }))).not.toContain(
      "LOGBOOK_SUBMISSION_DEADLINE_PASSED",
    );
    expect(codes(makeBundle("level2", { exam, asOf: "2026-12-20" }))).toContain("LOGBOOK_SUBMISSION_DEADLINE_PASSED");
  });

  it("a granted extension moves the deadline to its last day", () => {
    const exam = { ...EXAM, sittingDate: "2024-11-07", resultDate: "2024-12-19" };
    const extended = { exam, extensionGrantedUntil: "2027-03-31" };
    expect(codes(makeBundle("level2", { ...extended, asOf: "2027-03-31" }))).not.toContain(
      "LOGBOOK_SUBMISSION_DEADLINE_PASSED",
    );
    expect(codes(makeBundle("level2", { ...extended, asOf: "2027-04-01" }))).toContain(
      "LOGBOOK_SUBMISSION_DEADLINE_PASSED",
    );
  });

  it("an extension earlier than the regular deadline does not shorten it", () => {
    const exam = { ...EXAM, sittingDate: "2024-11-07", resultDate: "2024-12-19" };
    const bundle = makeBundle("level2", { exam, extensionGrantedUntil: "2025-01-31", asOf: "2026-12-19" });
    expect(codes(bundle)).not.toContain("LOGBOOK_SUBMISSION_DEADLINE_PASSED");
  });
});

describe("registration", () => {
  it("valid on the day of asOf is enough; expired the day before is REGISTRATION_NOT_VALID", () => {
    const candidate = (validUntil: string) => ({ ...makeBundle().candidate, physicianRegistration: { validUntil } });
    expect(codes(makeBundle("level2", { candidate: candidate("2026-06-01") }))).toEqual([]);
    expect(codes(makeBundle("level2", { candidate: candidate("2026-05-31") }))).toEqual(["REGISTRATION_NOT_VALID"]);
  });

  it("no registration is REGISTRATION_NOT_VALID", () => {
    const candidate = { ...makeBundle().candidate, physicianRegistration: null };
    expect(codes(makeBundle("level2", { candidate }))).toEqual(["REGISTRATION_NOT_VALID"]);
  });
});

describe("advanced life support", () => {
  const withAcls = (acls: Bundle["candidate"]["acls"]) =>
    codes(makeBundle("level2", { candidate: { ...makeBundle().candidate, acls } }));

  it("a certificate valid on asOf is enough; one expired the day before is ACLS_MISSING", () => {
    expect(withAcls({ kind: "certificate", validUntil: "2026-06-01", evidenceId: "ev" })).toEqual([]);
    expect(withAcls({ kind: "certificate", validUntil: "2026-05-31", evidenceId: "ev" })).toEqual(["ACLS_MISSING"]);
  });

  it("a certificate without a validity date, or nothing at all, is ACLS_MISSING", () => {
    expect(withAcls({ kind: "certificate", validUntil: null, evidenceId: "ev" })).toEqual(["ACLS_MISSING"]);
    expect(withAcls(null)).toEqual(["ACLS_MISSING"]);
  });

  it("routine practice counts with documented evidence only", () => {
    expect(withAcls({ kind: "routine-practice", validUntil: null, evidenceId: "ev-letter" })).toEqual([]);
    expect(withAcls({ kind: "routine-practice", validUntil: null, evidenceId: null })).toEqual(["ACLS_MISSING"]);
  });
});

describe("level 2 certification for level 3 via level 2", () => {
  const withLevel2 = (level2: Bundle["candidate"]["level2"]) =>
    codes(makeBundle("level3-via-level2", { candidate: { ...makeBundle("level3-via-level2").candidate, level2 } }));
  const level2 = { awardedOn: "2021-06-01", caseKeys: [], cmeIds: [] };

  it("none is LEVEL2_CERTIFICATION_REQUIRED", () => {
    expect(withLevel2(null)).toEqual(["LEVEL2_CERTIFICATION_REQUIRED"]);
  });

  it("expiring on asOf is still current; expired the day before is LEVEL2_CERTIFICATION_EXPIRED", () => {
    expect(withLevel2({ ...level2, expiresOn: "2026-06-01" })).toEqual([]);
    expect(withLevel2({ ...level2, expiresOn: "2026-05-31" })).toEqual(["LEVEL2_CERTIFICATION_EXPIRED"]);
  });
});

describe("peer recognition (level 3)", () => {
  type Item = Bundle["peerRecognition"][number];
  const item = (n: number, fields: Partial<Item>): Item => ({
    id: `pr-${n}`,
    kind: "publication",
    date: "2024-01-01",
    title: `item ${n}`,
    ...fields,
  });
  const withItems = (items: Item[], route: Bundle["route"] = "level3-direct") =>
    codes(makeBundle(route, { peerRecognition: items }));
  const times = (n: number, fields: Partial<Item>) => Array.from({ length: n }, (_, i) => item(i, fields));

  it("is not asked of level 2", () => {
    expect(withItems([], "level2")).toEqual([]);
  });

  it("two faculty lectures or two invited talks suffice; one does not", () => {
    expect(withItems(times(2, { kind: "faculty-lecturer" }))).toEqual([]);
    expect(withItems(times(2, { kind: "invited-speaker" }))).toEqual([]);
    expect(withItems(times(1, { kind: "faculty-lecturer" }))).toEqual(["PEER_RECOGNITION_INSUFFICIENT"]);
  });

  it("three publications suffice, abstracts excluded", () => {
    expect(withItems(times(3, { kind: "publication" }), "level3-via-level2")).toEqual([]);
    expect(withItems([...times(2, { kind: "publication" }), item(9, { isAbstract: true })])).toEqual([
      "PEER_RECOGNITION_INSUFFICIENT",
    ]);
  });

  it("oral presentations count as first author who presented, never as moderated posters", () => {
    const oral = { kind: "oral-presentation" as const, firstAuthor: true, presentedInPerson: true };
    expect(withItems(times(2, oral))).toEqual([]);
    expect(withItems([item(1, oral), item(2, { ...oral, moderatedPoster: true })])).toEqual([
      "PEER_RECOGNITION_INSUFFICIENT",
    ]);
    expect(withItems([item(1, oral), item(2, { ...oral, firstAuthor: false })])).toEqual([
      "PEER_RECOGNITION_INSUFFICIENT",
    ]);
    expect(withItems([item(1, oral), item(2, { ...oral, presentedInPerson: undefined })])).toEqual([
      "PEER_RECOGNITION_INSUFFICIENT",
    ]);
  });

  it("kinds do not add up: one of each is not enough", () => {
    expect(
      withItems([
        item(1, { kind: "faculty-lecturer" }),
        item(2, { kind: "invited-speaker" }),
        item(3, { kind: "publication" }),
      ]),
    ).toEqual(["PEER_RECOGNITION_INSUFFICIENT"]);
  });
});

describe("supervisor's declaration", () => {
  it("a missing declaration is SUPERVISOR_DECLARATION_MISSING", () => {
    expect(codes(makeBundle("level2", { supervisorDeclaration: null }))).toEqual(["SUPERVISOR_DECLARATION_MISSING"]);
  });

  it("a declaration by an unknown supervisor, or one not Level 3 on the day signed, is SUPERVISOR_DECLARATION_NOT_LEVEL3", () => {
    expect(
      codes(makeBundle("level2", { supervisorDeclaration: { supervisorId: "x", signedOn: "2026-05-01" } })),
    ).toEqual(["SUPERVISOR_DECLARATION_NOT_LEVEL3"]);
    const supervisors = [
      { id: SUPERVISOR_ID, body: "EACVI" as const, level3From: "2015-01-01", level3Until: "2026-04-30" },
    ];
    const cases = makeBundle("level2").cases;
    expect(
      codes(
        makeBundle("level2", {
          supervisors,
          cases,
          supervisorDeclaration: { supervisorId: SUPERVISOR_ID, signedOn: "2026-05-01" },
        }),
      ),
    ).toEqual(["SUPERVISOR_DECLARATION_NOT_LEVEL3"]);
    expect(
      codes(
        makeBundle("level2", {
          supervisors,
          cases,
          supervisorDeclaration: { supervisorId: SUPERVISOR_ID, signedOn: "2026-04-30" },
        }),
      ),
    ).toEqual([]);
  });
});

describe("supervisor's declaration in time", () => {
  const declared = (signedOn: string, overrides: Partial<Bundle> = {}) =>
    codes(makeBundle("level2", { supervisorDeclaration: { supervisorId: SUPERVISOR_ID, signedOn }, ...overrides }));
  const lastCase = makeBundle("level2").cases.reduce((d, c) => (c.studyDate > d ? c.studyDate : d), "");

  it("dated on the last case's day counts; the day before is SUPERVISOR_DECLARATION_BEFORE_LAST_CASE", () => {
    expect(declared(lastCase)).toEqual([]);
    const dayBefore = makeBundle("level2")
      .cases.map((c) => c.studyDate)
      .sort()[148];
    expect(declared(dayBefore)).toEqual(["SUPERVISOR_DECLARATION_BEFORE_LAST_CASE"]);
  });

  it("dated on asOf counts; the day after is SUPERVISOR_DECLARATION_IN_FUTURE", () => {
    expect(declared("2026-06-01")).toEqual([]);
    expect(declared("2026-06-02")).toEqual(["SUPERVISOR_DECLARATION_IN_FUTURE"]);
    expect(declared("2099-12-31")).toEqual(["SUPERVISOR_DECLARATION_IN_FUTURE"]);
  });

  it("an early declaration by a supervisor whose Level 3 has since ended does not cover later cases", () => {
    const supervisors = [
      { id: SUPERVISOR_ID, body: "EACVI" as const, level3From: "2015-01-01", level3Until: "2026-12-31" },
      { id: "sup-ended", body: "SCMR" as const, level3From: "2015-01-01", level3Until: "2025-03-01" },
    ];
    const bundle = makeBundle("level2", {
      supervisors,
      supervisorDeclaration: { supervisorId: "sup-ended", signedOn: "2025-03-01" },
    });
    expect(codes(bundle)).toEqual(["SUPERVISOR_DECLARATION_BEFORE_LAST_CASE"]);
    bundle.supervisorDeclaration = { supervisorId: "sup-ended", signedOn: "2026-05-20" };
    expect(codes(bundle)).toEqual(["SUPERVISOR_DECLARATION_NOT_LEVEL3"]);
  });
});

describe("the candidate is never their own supervisor", () => {
  const asOwner = (change: (bundle: Bundle) => void) => {
    const bundle = makeBundle("level2");
    bundle.candidate.uid = "cand-1";
    change(bundle);
    return validateApplication(bundle);
  };
  const self = { id: "cand-1", body: "EACVI" as const, level3From: "2015-01-01", level3Until: null };

  it("named in supervisorIds is CANDIDATE_OWN_SUPERVISOR", () => {
    const report = asOwner((b) => (b.supervisorIds = [SUPERVISOR_ID, "cand-1"]));
    expect(codesOf(report)).toEqual(["CANDIDATE_OWN_SUPERVISOR"]);
    expect(report.eligible).toBe(false);
  });

  it("in the list of supervisors, or signing the declaration, is CANDIDATE_OWN_SUPERVISOR", () => {
    expect(codesOf(asOwner((b) => b.supervisors.push(self)))).toEqual(["CANDIDATE_OWN_SUPERVISOR"]);
    const signed = asOwner((b) => {
      b.supervisors.push(self);
      b.supervisorDeclaration = { supervisorId: "cand-1", signedOn: "2026-05-20" };
    });
    expect(signed.findings.filter((f) => f.code === "CANDIDATE_OWN_SUPERVISOR")).toHaveLength(2);
  });

  it("another user's uid is no problem", () => {
    expect(codesOf(asOwner((b) => (b.supervisorIds = [SUPERVISOR_ID])))).toEqual([]);
  });
});

describe("ACLS certificate evidence", () => {
  it("a current ACLS certificate without its uploaded evidence is ACLS_MISSING", () => {
    const candidate = {
      ...makeBundle().candidate,
      acls: { kind: "certificate" as const, validUntil: "2027-06-30", evidenceId: null },
    };
    expect(codes(makeBundle("level2", { candidate }))).toEqual(["ACLS_MISSING"]);
  });
});

describe("peer recognition in time and identity", () => {
  const pub = (id: string, fields: Partial<Bundle["peerRecognition"][number]> = {}) => ({
    id,
    kind: "publication" as const,
    date: "2024-03-01",
    title: `Paper ${id}`,
    isAbstract: false,
    ...fields,
  });

  it("an item dated after asOf does not count (PEER_RECOGNITION_IN_FUTURE)", () => {
    const report = validateApplication(
      makeBundle("level3-direct", { peerRecognition: [pub("a"), pub("b"), pub("c", { date: "2026-06-02" })] }),
    );
    expect(codesOf(report)).toEqual(["PEER_RECOGNITION_INSUFFICIENT", "PEER_RECOGNITION_IN_FUTURE"]);
  });

  it("the same publication entered twice counts once (PEER_RECOGNITION_DUPLICATE)", () => {
    const items = [pub("a"), pub("b"), pub("c", { title: "PAPER a" })];
    const report = validateApplication(makeBundle("level3-direct", { peerRecognition: items }));
    expect(codesOf(report)).toEqual(["PEER_RECOGNITION_DUPLICATE", "PEER_RECOGNITION_INSUFFICIENT"]);
    const sameEvidence = [pub("a", { evidenceId: "ev-1" }), pub("b"), pub("c", { evidenceId: "ev-1" })];
    expect(codes(makeBundle("level3-direct", { peerRecognition: sameEvidence }))).toContain(
      "PEER_RECOGNITION_INSUFFICIENT",
    );
  });
});

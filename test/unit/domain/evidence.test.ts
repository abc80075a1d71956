import { describe, expect, it } from "vitest";
import {
  detectContentType,
  EVIDENCE_MAX_BYTES,
  freezeIn,
  frozenBy,
  inspectEvidence,
  parseEvidencePath,
} from "../../../functions/src/evidence/domain/evidence.js";
import { fakePdf, realPdf, realPng } from "../../factories/files.js";
import { evidenceProblems, groupReferences, recordProblem } from "../../../functions/src/evidence/domain/references.js";

const upload = (name: string, bytes: Buffer, contentType?: string, size = bytes.length) =>
  inspectEvidence({ name, size, contentType, head: bytes.subarray(0, 16) });

describe("evidence uploads", () => {
  it("a real PDF named .pdf and uploaded as application/pdf is accepted", () => {
    expect(upload("evidence/u1/ev1/certificate.pdf", realPdf(), "application/pdf")).toEqual({
      status: "accepted",
      contentType: "application/pdf",
    });
  });

  it("a real PNG is accepted", () => {
    expect(upload("evidence/u1/ev1/scan.PNG", realPng(), "image/png").status).toBe("accepted");
  });

  it("a text file named .pdf is rejected: its bytes are not a PDF", () => {
    expect(upload("evidence/u1/ev1/certificate.pdf", fakePdf(), "application/pdf")).toEqual({
      status: "rejected",
      reason: "the file is not a PDF, PNG or JPEG document",
    });
  });

  it("a PNG named .pdf is rejected", () => {
    expect(upload("evidence/u1/ev1/certificate.pdf", realPng(), "application/pdf")).toMatchObject({
      status: "rejected",
      reason: expect.stringContaining('ends in ".pdf"'),
    });
  });

  it("a PDF uploaded with another content type is rejected", () => {
    expect(upload("evidence/u1/ev1/c.pdf", realPdf(), "image/png").status).toBe("rejected");
  });

  it("10 MB is accepted; one byte more is rejected", () => {
    expect(upload("evidence/u1/ev1/c.pdf", realPdf(), "application/pdf", EVIDENCE_MAX_BYTES).status).toBe("accepted");
    expect(upload("evidence/u1/ev1/c.pdf", realPdf(), "application/pdf", EVIDENCE_MAX_BYTES + 1)).toMatchObject({
      status: "rejected",
      reason: "the file is larger than 10 MB",
    });
  });

  it("an empty file is rejected", () => {
    expect(upload("evidence/u1/ev1/c.pdf", Buffer.alloc(0), "application/pdf").status).toBe("rejected");
  });

  it.each(["evidence/u1/c.pdf", "uploads/u1/ev1/c.pdf", "evidence/u1/ev1/sub/c.pdf"])(
    "the wrong path %s is rejected",
    (name) => {
      expect(upload(name, realPdf(), "application/pdf").status).toBe("rejected");
      expect(parseEvidencePath(name)).toBeNull();
    },
  );

  it("detects JPEG by its first bytes", () => {
    expect(detectContentType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("image/jpeg");
  });
});

// What a submission needs from the evidence it names (references.ts), each
// problem with its allowed twin.
describe("evidence a submission names", () => {
  const accepted = (submittedIn: unknown = null) => ({ status: "accepted", submittedIn });
  it.each([
    ["an id that is a path", "ev/1", accepted(), "not a valid evidence id"],
    ["an id of 129 characters", "e".repeat(129), accepted(), "not a valid evidence id"],
    ["no record", "ev-1", undefined, "no file uploaded under this id"],
    ["a deleted file", "ev-1", { status: "deleted" }, "the file was deleted; upload it again under a new id"],
    ["a rejected file", "ev-1", { status: "rejected", reason: "not a PDF" }, "the file was rejected: not a PDF"],
    ["a rejected file without reason", "ev-1", { status: "rejected" }, "the file was rejected: no reason given"],
    [
      "a file not checked yet",
      "ev-1",
      { status: "pending" },
      "the file has not been checked yet; try again in a minute",
    ],
    [
      "a file in 3 other submissions",
      "ev-1",
      accepted(["a1", "a2", "a3"]),
      "the file is already part of 3 other submitted applications; upload a copy under a new id",
    ],
  ])("refuses %s", (_what, id, record, problem) => expect(recordProblem(id, record, "app-1")).toBe(problem));
  it.each([
    ["an accepted file never submitted", "ev-1", accepted()],
    ["an id of 128 characters", "e".repeat(128), accepted()],
    ["a file in 2 other submissions", "ev-1", accepted(["a1", "a2"])],
    ["a file in 3 submissions, this one included", "ev-1", accepted(["a1", "a2", "app-1"])],
    ["a file frozen by this application alone", "ev-1", accepted("app-1")],
  ])("accepts %s", (_what, id, record) => expect(recordProblem(id, record, "app-1")).toBeNull());
  it("groups the documents naming each id, and reports each bad id once with all of them", () => {
    const references = [
      { evidenceId: "ev-1", usedBy: "cme/c1" },
      { evidenceId: "ev-2", usedBy: "recognition/r1" },
      { evidenceId: "ev-1", usedBy: "profile (ACLS)" },
    ];
    expect(groupReferences(references)).toEqual(
      new Map([
        ["ev-1", ["cme/c1", "profile (ACLS)"]],
        ["ev-2", ["recognition/r1"]],
      ]),
    );
    expect(evidenceProblems(references, new Map([["ev-2", accepted()]]), "app-1")).toEqual([
      { evidenceId: "ev-1", usedBy: ["cme/c1", "profile (ACLS)"], problem: "no file uploaded under this id" },
    ]);
    expect(
      evidenceProblems(
        references,
        new Map([
          ["ev-1", accepted()],
          ["ev-2", accepted()],
        ]),
        "app-1",
      ),
    ).toEqual([]);
  });
});

describe("freezing a record in a submission (submittedIn)", () => {
  it("adds the key to the list, keeping every earlier freeze", () => {
    expect(freezeIn(undefined, "app-1")).toEqual(["app-1"]);
    expect(freezeIn([], "app-1")).toEqual(["app-1"]);
    expect(freezeIn(["app-0"], "app-1")).toEqual(["app-0", "app-1"]);
  });
  it("turns an old single id into a list with it first", () => {
    expect(freezeIn("app-0", "app-1")).toEqual(["app-0", "app-1"]);
  });
  it("changes nothing when the key already froze the record", () => {
    expect(freezeIn(["app-0", "app-1"], "app-1")).toBeNull();
    expect(freezeIn("app-1", "app-1")).toBeNull();
  });
  it("reads the list the same way whatever its form", () => {
    expect(frozenBy(["a", 3, "b"])).toEqual(["a", "b"]);
    expect(frozenBy("a")).toEqual(["a"]);
    expect(frozenBy("")).toEqual([]);
    expect(frozenBy(null)).toEqual([]);
  });
});

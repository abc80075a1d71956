// The limits on evidence files (docs/security.md, "Certificates in Storage"):
// an evidence id of 1–64 letters, digits, `_` or `-`; a file name of at most
// 120 characters; fewer than 100 objects and 250 MB per account; a file frozen
// by at most 3 applications; the content type read from the first bytes.
// Each refusal has its accepted twin on the other side of the limit.
import { describe, expect, it } from "vitest";
import {
  detectContentType,
  EVIDENCE_LIMITS,
  evidenceNameProblem,
  frozenBy,
  inspectEvidence,
  isRecordableId,
  parseEvidencePath,
  quarantineName,
  usageProblem,
  type EvidenceUsage,
} from "../../../functions/src/evidence/domain/evidence.js";
import { realPdf, realPng } from "../../factories/files.js";

const MB = 1024 * 1024;
const path = (evidenceId: string, fileName = "c.pdf") => ({ ownerUid: "u1", evidenceId, fileName });

describe("the limits the rules repeat", () => {
  it("are the documented figures", () => {
    expect(EVIDENCE_LIMITS).toEqual({
      maxFileBytes: 10 * MB,
      maxObjectsPerUser: 100,
      maxBytesPerUser: 250 * MB,
      evidenceIdPattern: "^[A-Za-z0-9_-]{1,64}$",
      maxFileNameLength: 120,
      maxApplicationsPerEvidence: 3,
    });
  });
});

describe("evidence path", () => {
  it("names the owner, the evidence id and the file name", () => {
    expect(parseEvidencePath("evidence/u1/ev-1/c.pdf")).toEqual({
      ownerUid: "u1",
      evidenceId: "ev-1",
      fileName: "c.pdf",
    });
  });
  it.each(["xevidence/u1/ev1/c.pdf", "evidence/u1/ev1/c.pdf/", "evidence//ev1/c.pdf", "evidence/u1//c.pdf"])(
    "refuses %s (anchored, no empty segment)",
    (name) => expect(parseEvidencePath(name)).toBeNull(),
  );
  it("a quarantined object keeps its name under quarantine/", () => {
    expect(quarantineName("evidence/u1/ev1/c.pdf")).toBe("quarantine/evidence/u1/ev1/c.pdf");
  });
});

describe("evidence id and file name", () => {
  it.each(["a", "e".repeat(64), "Az09_-"])("accepts the id %s", (id) => {
    expect(evidenceNameProblem(path(id))).toBeNull();
  });
  it.each(["", "e".repeat(65), "ev.1", "ev 1", "év"])("refuses the id %j", (id) => {
    expect(evidenceNameProblem(path(id))).toBe("the evidence id must be 1 to 64 letters, digits, '_' or '-'");
  });
  it("a file name of 120 characters is accepted; 121 is refused", () => {
    expect(evidenceNameProblem(path("ev1", "n".repeat(116) + ".pdf"))).toBeNull();
    expect(evidenceNameProblem(path("ev1", "n".repeat(117) + ".pdf"))).toBe(
      "the file name is longer than 120 characters",
    );
  });
});

describe("ids a refusal can be recorded under (Firestore document ids)", () => {
  it.each(["a", "x".repeat(128), "ev.1", "...", "__a", "a__", "_a_", "a__b__", "__b__a"])("accepts %j", (id) => {
    expect(isRecordableId(id)).toBe(true);
  });
  it.each(["", "x".repeat(129), "a/b", ".", "..", "__a__", "____"])("refuses %j", (id) => {
    expect(isRecordableId(id)).toBe(false);
  });
});

describe("what one account may store", () => {
  const objects = (count: number, size = 1) =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`evidence/u1/e${i}/c.pdf`, { generation: "1", size }]));
  const usage = (o: EvidenceUsage["objects"]): EvidenceUsage => ({ objects: o });

  it("a 100th object is accepted; a 101st is refused", () => {
    expect(usageProblem(usage(objects(99)), "evidence/u1/new/c.pdf", 1)).toBeNull();
    expect(usageProblem(usage(objects(100)), "evidence/u1/new/c.pdf", 1)).toBe(
      "you already store 100 evidence files, the most one account may keep; delete some first",
    );
  });
  it("overwriting one of 100 objects is not one more object", () => {
    expect(usageProblem(usage(objects(100)), "evidence/u1/e0/c.pdf", 1)).toBeNull();
  });
  it("250 MB in all is accepted; one byte more is refused", () => {
    const stored = usage({ "evidence/u1/a/c.pdf": { generation: "1", size: 200 * MB } });
    expect(usageProblem(stored, "evidence/u1/new/c.pdf", 50 * MB)).toBeNull();
    expect(usageProblem(stored, "evidence/u1/new/c.pdf", 50 * MB + 1)).toBe(
      "your evidence files would exceed 250 MB in all; delete some first",
    );
  });
  it("the bytes of every other object count, those of the object overwritten do not", () => {
    const stored = usage({
      "evidence/u1/a/c.pdf": { generation: "1", size: 100 * MB },
      "evidence/u1/b/c.pdf": { generation: "1", size: 100 * MB },
    });
    expect(usageProblem(stored, "evidence/u1/new/c.pdf", 50 * MB + 1)).not.toBeNull();
    expect(usageProblem(stored, "evidence/u1/b/c.pdf", 150 * MB)).toBeNull();
    expect(usageProblem(stored, "evidence/u1/b/c.pdf", 150 * MB + 1)).not.toBeNull();
  });
});

describe("the applications that froze a file", () => {
  it("a list keeps its ids, in order, and drops anything else", () => {
    expect(frozenBy(["a1", 7, "a2", null])).toEqual(["a1", "a2"]);
  });
  it("an old record's single id is a list of one", () => {
    expect(frozenBy("a1")).toEqual(["a1"]);
  });
  it.each([undefined, null, "", 3, {}])("nothing (%j) is no application", (value) => {
    expect(frozenBy(value)).toEqual([]);
  });
});

describe("the upload check's verdict", () => {
  const inspect = (name: string, bytes: Buffer, contentType: string | undefined) =>
    inspectEvidence({ name, size: bytes.length, contentType, head: bytes.subarray(0, 16) });
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]);

  it("a wrong path is refused with where evidence goes", () => {
    expect(inspect("uploads/u1/ev1/c.pdf", realPdf(), "application/pdf")).toEqual({
      status: "rejected",
      reason: "evidence must be uploaded to evidence/{your uid}/{evidenceId}/{file name}",
    });
  });
  it("an empty file is refused as empty", () => {
    expect(inspect("evidence/u1/ev1/c.pdf", Buffer.alloc(0), "application/pdf")).toEqual({
      status: "rejected",
      reason: "the file is empty",
    });
  });
  it("a one-byte file is not refused as empty (it is judged by its bytes)", () => {
    expect(inspect("evidence/u1/ev1/c.pdf", Buffer.from("%"), "application/pdf")).toEqual({
      status: "rejected",
      reason: "the file is not a PDF, PNG or JPEG document",
    });
  });
  it.each(["c.jpg", "c.JPEG", "c.x.jpeg"])("a JPEG named %s is accepted", (fileName) => {
    expect(inspect(`evidence/u1/ev1/${fileName}`, jpeg, "image/jpeg")).toEqual({
      status: "accepted",
      contentType: "image/jpeg",
    });
  });
  it("a PDF whose name has no extension is refused, naming the empty extension", () => {
    expect(inspect("evidence/u1/ev1/pdf", realPdf(), "application/pdf")).toEqual({
      status: "rejected",
      reason: 'the file\'s content is application/pdf but its name ends in "."',
    });
  });
  it("a PNG named .jpg is refused", () => {
    expect(inspect("evidence/u1/ev1/c.jpg", realPng(), "image/png")).toEqual({
      status: "rejected",
      reason: 'the file\'s content is image/png but its name ends in ".jpg"',
    });
  });
  it("the declared content type must be the detected one, and its absence is named", () => {
    expect(inspect("evidence/u1/ev1/c.pdf", realPdf(), "image/png")).toEqual({
      status: "rejected",
      reason: "the file's content is application/pdf but it was uploaded as image/png",
    });
    expect(inspect("evidence/u1/ev1/c.pdf", realPdf(), undefined)).toEqual({
      status: "rejected",
      reason: "the file's content is application/pdf but it was uploaded as no type",
    });
  });
  it("every byte of the signature counts (the last one changed is not the type)", () => {
    const png = Uint8Array.from(realPng().subarray(0, 8));
    expect(detectContentType(png)).toBe("image/png");
    png[7] = 0;
    expect(detectContentType(png)).toBeNull();
    expect(detectContentType(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d]))).toBe("application/pdf");
    expect(detectContentType(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2e]))).toBeNull();
    expect(detectContentType(Uint8Array.from([0xff, 0xd8, 0xfe]))).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import {
  detectContentType,
  EVIDENCE_MAX_BYTES,
  inspectEvidence,
  parseEvidencePath,
} from "../../../functions/src/evidence/domain/evidence.js";
import { fakePdf, realPdf, realPng } from "../../factories/files.js";

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

import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { certificatePdf } from "../../../functions/src/grading/certificate-pdf.js";

const facts = {
  name: "Dr Zoë Łukasiewicz-Ørsted",
  level: 3 as const,
  certificateNumber: "CMR-L3-2026-00042",
  awardedOn: "2026-11-30",
  expiresOn: "2031-11-30",
  verificationCode: "ABCD-EFGH-JKMN",
};

describe("the certificate PDF", () => {
  it("is a valid one-page PDF naming the number and the verification code", async () => {
    const bytes = await certificatePdf(facts);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe("EACVI CMR Level 3 certificate CMR-L3-2026-00042");
    expect(pdf.getSubject()).toBe("Verification code ABCD-EFGH-JKMN");
    expect(pdf.getKeywords()).toContain("CMR-L3-2026-00042");
  });
  it("draws names outside the standard fonts' alphabet instead of failing", async () => {
    await expect(certificatePdf({ ...facts, name: "李雷 Ünal" })).resolves.toBeInstanceOf(Uint8Array);
  });
  it("is the same bytes for the same certification (reproducible)", async () => {
    expect(Buffer.from(await certificatePdf(facts)).equals(Buffer.from(await certificatePdf(facts)))).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { describeError } from "../src/errors";
import { emulatorsFromInitScript } from "../src/firebase";
import { describeVerification, matchesName } from "../src/public/RegisterPage";
import { describeEvent } from "../src/grading/model";
import { contentTypeOf, fileProblem } from "../src/evidence/upload";
import { checkoutSession, formatFee } from "../src/recertification/RecertificationPage";

describe("describeError", () => {
  const denied = { doing: "save this case", denied: "only the owner may change a draft logbook." };
  it("says what the rule requires instead of permission-denied", () => {
    const text = describeError({ code: "permission-denied", message: "Missing or insufficient permissions." }, denied);
    expect(text).toBe("You cannot save this case: only the owner may change a draft logbook.");
    expect(text).not.toMatch(/permission-denied|insufficient/);
  });
  it("passes on the callables' own messages and strips the functions/ prefix", () => {
    expect(describeError({ code: "functions/failed-precondition", message: "fix 2 problems" }, denied)).toBe(
      "Could not save this case: fix 2 problems",
    );
  });
  it("drops the HTTP status a transport appends, and only a trailing one", () => {
    expect(describeError({ code: "failed-precondition", message: "registration closed. [400]" }, denied)).toBe(
      "Could not save this case: registration closed.",
    );
    expect(describeError({ code: "failed-precondition", message: "code [400] here" }, denied)).toBe(
      "Could not save this case: code [400] here",
    );
  });
  it("tells a person to sign in again or to check the connection", () => {
    expect(describeError({ code: "unauthenticated" }, denied)).toMatch(/Sign in again/);
    expect(describeError({ code: "unavailable" }, denied)).toMatch(/connection/);
    expect(describeError({ code: "auth/invalid-credential" }, denied)).toBe(
      "The e-mail address or the password is wrong.",
    );
  });
});

describe("emulatorsFromInitScript", () => {
  it("reads the addresses from the Hosting emulator's init script", () => {
    const script = `var firebaseConfig = {};\nvar firebaseEmulators = {\n  "auth": {\n    "host": "127.0.0.1",\n    "port": 9799,\n    "hostAndPort": "127.0.0.1:9799"\n  }\n};\nif (x) {}`;
    expect(emulatorsFromInitScript(script)?.auth?.port).toBe(9799);
    expect(emulatorsFromInitScript("var firebaseEmulators = undefined;")).toBeNull();
  });
});

describe("matchesName", () => {
  it("matches every word, ignoring case and accents", () => {
    expect(matchesName({ name: "Zoë Müller-Lüdenscheidt" }, "zoe muller")).toBe(true);
    expect(matchesName({ name: "Ada Lovelace" }, "")).toBe(true);
    expect(matchesName({ name: "Ada Lovelace" }, "ada smith")).toBe(false);
  });
});

describe("describeVerification", () => {
  const base = { certificateNumber: "CMR-L2-2026-00001", level: 2, awardedOn: "2026-01-01", expiresOn: "2031-01-01" };
  it("names the holder only when the certificate counts", () => {
    expect(describeVerification("x", { ...base, status: "current", name: "Ada", country: "GB" })).toEqual({
      text: "Certificate CMR-L2-2026-00001 is valid: Ada, Level 2, GB, until 2031-01-01.",
      valid: true,
    });
    const revoked = describeVerification("x", { ...base, status: "revoked" });
    expect(revoked.valid).toBe(false);
    expect(revoked.text).toBe("Certificate CMR-L2-2026-00001 (Level 2) was revoked by the certification committee.");
  });
  it("an expired certificate in its renewal window is not valid, and says so", () => {
    const v = describeVerification("x", { ...base, status: "expired-in-window", name: "Ada", country: "GB" });
    expect(v.valid).toBe(false);
    expect(v.text).toMatch(/expired on 2031-01-01; it can still be renewed/);
  });
  it("an unknown number repeats what was asked", () => {
    expect(describeVerification("CMR-L3-2025-99999", { status: "unknown" }).text).toBe(
      "No certification has the number or code CMR-L3-2025-99999. Check it for typing mistakes.",
    );
  });
});

describe("describeEvent", () => {
  it("says who decided and why", () => {
    expect(describeEvent({ event: "decided", submission: 1, outcome: "passed", by: "chair", reason: "Valid." })).toBe(
      "Decided: passed by the chair (Valid.)",
    );
    expect(describeEvent({ event: "decided", submission: 1, outcome: "failed", by: "graders", reason: null })).toBe(
      "Decided: failed by the graders",
    );
  });
  it("names the certificate of an award, and falls back to the event's id", () => {
    expect(describeEvent({ event: "awarded", submission: 1, certificateNumber: "CMR-L2-2026-00001" })).toBe(
      "Certification awarded: certificate CMR-L2-2026-00001",
    );
    expect(describeEvent({ event: "something-new", submission: 2 })).toBe("something-new");
  });
});

describe("fileProblem (the upload check's rules, before uploading)", () => {
  const PDF = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ");
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  const file = (name: string, size = 2048, type = "") => ({ name, size, type });
  it("accepts a PDF named .pdf at the size limit, and refuses one byte more", () => {
    expect(fileProblem("u1", "ev-1", file("cert.pdf", 10 * 1024 * 1024), PDF)).toBeNull();
    expect(fileProblem("u1", "ev-1", file("cert.pdf", 10 * 1024 * 1024 + 1), PDF)).toBe(
      "the file is larger than 10 MB",
    );
  });
  it("refuses an empty file, and a text file named .pdf", () => {
    expect(fileProblem("u1", "ev-1", file("cert.pdf", 0), PDF)).toBe("the file is empty");
    expect(fileProblem("u1", "ev-1", file("cert.pdf"), new TextEncoder().encode("hello world!"))).toBe(
      "the file is not a PDF, PNG or JPEG document",
    );
  });
  it("refuses a PNG named .pdf, and accepts it named .png", () => {
    expect(fileProblem("u1", "ev-1", file("scan.pdf"), PNG)).toMatch(
      /content is image\/png but its name ends in ".pdf"/,
    );
    expect(fileProblem("u1", "ev-1", file("scan.png"), PNG)).toBeNull();
  });
  it("refuses a file name over 120 characters, and accepts 120", () => {
    expect(fileProblem("u1", "ev-1", file(`${"n".repeat(117)}.pdf`), PDF)).toMatch(/longer than 120/);
    expect(fileProblem("u1", "ev-1", file(`${"n".repeat(116)}.pdf`), PDF)).toBeNull();
  });
  it("announces the type from the name, whatever the browser guessed", () => {
    expect(contentTypeOf("a.JPG", "")).toBe("image/jpeg");
    expect(contentTypeOf("a.docx", "application/msword")).toBe("application/msword");
  });
});

describe("the recertification payment", () => {
  it("formats the fee as money", () => {
    expect(formatFee({ amountMinor: 7500, currency: "eur" })).toBe("€75.00");
    expect(formatFee({ amountMinor: 20000, currency: "eur" })).toBe("€200.00");
    expect(formatFee({ amountMinor: 1, currency: "eur" })).toBe("€0.01");
  });
  it("writes a checkout session with exactly the fields the rules accept", () => {
    const session = checkoutSession("recert-c-1", { amountMinor: 7500, currency: "eur" }, "https://cmr.example");
    expect(Object.keys(session).sort()).toEqual([
      "cancel_url",
      "client",
      "line_items",
      "metadata",
      "mode",
      "success_url",
    ]);
    expect(session.line_items).toEqual([
      {
        quantity: 1,
        price_data: { currency: "eur", unit_amount: 7500, product_data: { name: "EACVI CMR recertification" } },
      },
    ]);
    expect(session.metadata).toEqual({ recertificationId: "recert-c-1" });
    expect(session.success_url).toBe("https://cmr.example/recertification?application=recert-c-1&payment=done");
    expect(session.cancel_url).toMatch(/^https:\/\/cmr\.example\/recertification\?.*payment=cancelled$/);
    // The rules: http(s) URLs of at most 500 characters.
    expect(session.success_url.length).toBeLessThanOrEqual(500);
  });
});

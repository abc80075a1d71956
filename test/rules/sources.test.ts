// The rules files repeat checks the server makes (patient references, evidence
// limits). The server's constants are the source of truth; these tests read
// the rules files and fail when they drift apart.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  IDENTIFYING_PATTERNS,
  PATIENT_REF_CHARSET,
  PATIENT_REF_SEPARATORS,
  type PatientRefView,
} from "../../functions/src/logbook/domain/patient-ref.js";
import { EVIDENCE_LIMITS } from "../../functions/src/evidence/domain/evidence.js";

const root = join(import.meta.dirname, "..", "..");
const firestoreRules = readFileSync(join(root, "firestore.rules"), "utf8");
const storageRules = readFileSync(join(root, "storage.rules"), "utf8");

/** The text of `function name(...) { ... }` in a rules file. */
function functionBody(rules: string, name: string): string {
  const start = rules.indexOf(`function ${name}(`);
  expect(start, `firestore.rules has no function ${name}`).toBeGreaterThanOrEqual(0);
  let depth = 0;
  for (let i = rules.indexOf("{", start); i < rules.length; i++) {
    if (rules[i] === "{") depth++;
    if (rules[i] === "}" && --depth === 0) return rules.slice(start, i + 1);
  }
  throw new Error(`unbalanced braces after function ${name}`);
}

const VIEW_EXPRESSION: Record<PatientRefView, string> = {
  raw: "v",
  compact: "compactRef(v)",
  "compact-lower": "compactRef(v).lower()",
};

describe("firestore.rules' isPatientRef and the engine's patient-ref.ts", () => {
  const body = functionBody(firestoreRules, "isPatientRef");

  it("checks the same character set and length", () => {
    expect(body).toContain(`v.matches('${PATIENT_REF_CHARSET}')`);
  });
  it("removes the same separators", () => {
    expect(functionBody(firestoreRules, "compactRef")).toContain(`v.replace('${PATIENT_REF_SEPARATORS}', '')`);
  });
  it.each(IDENTIFYING_PATTERNS.map((p) => [p.why, p] as const))("refuses %s on the same view", (_why, pattern) => {
    expect(body).toContain(`!${VIEW_EXPRESSION[pattern.view]}.matches('.*${pattern.source}.*')`);
  });
  it("has no identifying pattern the engine does not have", () => {
    expect(body.match(/!\S+\.matches\('/g)).toHaveLength(IDENTIFYING_PATTERNS.length);
  });
});

describe("storage.rules and the upload check's limits", () => {
  it("refuses the same evidence ids and file names", () => {
    expect(storageRules).toContain(`evidenceId.matches('${EVIDENCE_LIMITS.evidenceIdPattern}')`);
    expect(storageRules).toContain(`fileName.size() <= ${EVIDENCE_LIMITS.maxFileNameLength}`);
  });
  it("stops at the same number of objects and bytes per user", () => {
    expect(storageRules).toContain(`.count < ${EVIDENCE_LIMITS.maxObjectsPerUser}`);
    expect(storageRules).toContain(`.bytes + request.resource.size <= ${EVIDENCE_LIMITS.maxBytesPerUser}`);
  });
  it("accepts the same file size", () => {
    expect(storageRules).toContain(`request.resource.size <= ${EVIDENCE_LIMITS.maxFileBytes}`);
  });
  it("lets graders of as many applications read a file as submission allows to freeze it", () => {
    const checks = storageRules.match(/gradesSubmission\(s, \d\)/g) ?? [];
    expect(checks).toHaveLength(EVIDENCE_LIMITS.maxApplicationsPerEvidence);
  });
});

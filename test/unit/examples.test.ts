// The example bundles in examples/ are made by the factories; this test checks
// each still gives its documented outcome. `UPDATE_EXAMPLES=1 npx vitest run
// test/unit/examples.test.ts` writes them anew after a factory change.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateApplication, type Bundle } from "../../functions/src/logbook/domain/index.js";
import { EXAM, makeBundle, makeCme } from "../factories/bundle.js";
import { codesOf } from "../factories/report.js";

const dir = join(import.meta.dirname, "..", "..", "examples");

function tooFewCases(): Bundle {
  const bundle = makeBundle("level2");
  bundle.cases = bundle.cases.slice(0, 140);
  bundle.cases[120] = { ...bundle.cases[120], role: "observer" };
  (bundle.cases[121] as { studyDate: string }).studyDate = "31/02/2026";
  return bundle;
}

const EXAMPLES: { name: string; make: () => unknown; codes: string[] | "unusable" }[] = [
  { name: "level2-eligible", make: () => makeBundle("level2"), codes: [] },
  { name: "level3-via-level2-eligible", make: () => makeBundle("level3-via-level2"), codes: [] },
  { name: "level3-direct-eligible", make: () => makeBundle("level3-direct"), codes: [] },
  {
    name: "level2-too-few-cases",
    make: tooFewCases,
    codes: ["CASES_TOO_FEW", "CASE_INVALID", "CASE_ROLE_NOT_ACCEPTED"],
  },
  {
    name: "level2-deadline-passed",
    make: () =>
      makeBundle("level2", {
        asOf: "2028-03-01",
        exam: { ...EXAM },
        candidate: {
          ...makeBundle("level2").candidate,
          acls: { kind: "certificate", validUntil: "2029-06-30", evidenceId: "ev-acls" },
        },
        supervisorDeclaration: { supervisorId: "sup-lv3", signedOn: "2028-02-20" },
      }),
    codes: ["LOGBOOK_SUBMISSION_DEADLINE_PASSED"],
  },
  {
    name: "level2-cme-not-accepted",
    make: () =>
      makeBundle("level2", {
        cme: [
          makeCme("cme-webinar", { kind: "general-webinar", title: "Cardiology webinar", credits: 10 }),
          makeCme("cme-reading", { kind: "self-directed", title: "Reading", credits: 10 }),
          makeCme("cme-course", { title: "CMR course", credits: 20, endDate: "2025-05-03" }),
        ],
      }),
    codes: ["CME_NOT_ACCEPTED", "CME_SINGLE_SOURCE", "CME_TOO_FEW_CREDITS"],
  },
  {
    name: "level3-direct-no-peer-recognition",
    make: () => makeBundle("level3-direct", { peerRecognition: [] }),
    codes: ["PEER_RECOGNITION_INSUFFICIENT"],
  },
  {
    name: "unusable-no-route",
    make: () => ({ ...makeBundle("level2"), route: undefined }),
    codes: "unusable",
  },
];

describe("example bundles", () => {
  it.each(EXAMPLES)("the example bundle $name gives its documented outcome", ({ name, make, codes }) => {
    const file = join(dir, `${name}.json`);
    if (process.env.UPDATE_EXAMPLES) writeFileSync(file, JSON.stringify(make(), null, 2) + "\n");
    expect(existsSync(file), `${file} is missing: run with UPDATE_EXAMPLES=1`).toBe(true);
    const bundle: unknown = JSON.parse(readFileSync(file, "utf8"));
    expect(bundle).toEqual(JSON.parse(JSON.stringify(make())));
    if (codes === "unusable") {
      expect(() => validateApplication(bundle)).toThrow(/route/);
    } else {
      const report = validateApplication(bundle);
      expect(codesOf(report).sort()).toEqual(codes);
      expect(report.eligible).toBe(codes.length === 0);
    }
  });
});

// Invariants of the engine over randomly damaged bundles.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CASE_CATEGORIES,
  ROUTES,
  validateApplication,
  type Bundle,
  type Case,
} from "../../../functions/src/logbook/domain/index.js";
import { makeBundle, makeCase } from "../../factories/bundle.js";

const caseChange = fc.record(
  {
    role: fc.constantFrom("primary-operator", "reporting-physician", "observer"),
    normal: fc.boolean(),
    category: fc.constantFrom(...CASE_CATEGORIES),
    source: fc.constantFrom("own-centre", "other-centre", "course"),
    fullReview: fc.boolean(),
    presentInControlRoom: fc.boolean(),
    patientRef: fc.constantFrom("pt-dup-a", "pt-dup-b"),
    clinicalChange: fc.boolean(),
    studyDate: fc.constantFrom("2023-01-01", "2024-06-30", "2025-07-01", "2026-05-31", "2026-07-01"),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Partial<Case>>;

/** An eligible bundle with up to 40 cases changed at random. */
const damagedBundle = fc
  .tuple(fc.constantFrom(...ROUTES), fc.array(fc.tuple(fc.nat(299), caseChange), { maxLength: 40 }))
  .map(([route, changes]) => {
    const bundle = makeBundle(route);
    for (const [index, change] of changes) {
      const i = index % bundle.cases.length;
      bundle.cases[i] = { ...bundle.cases[i], ...change };
    }
    return bundle;
  });

const excludedCase = fc
  .tuple(
    fc.constantFrom<Partial<Case>>(
      { role: "observer" },
      { studyDate: "2027-01-01" },
      { supervisorId: "nobody" },
      { source: "course", fullReview: false },
    ),
    fc.nat(1000),
  )
  .map(([change, n]) => makeCase(10_000 + n, { studyDate: "2025-08-01", ...change, id: `extra-${n}` }));

const shuffled = <T>(items: T[], seed: number) =>
  items
    .map((item, i) => ({ item, key: (i * 2654435761 + seed) % 4294967296 }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);

describe("engine invariants", () => {
  it("the report does not depend on the order of cases, CME entries or training periods", () => {
    fc.assert(
      fc.property(damagedBundle, fc.nat(), (bundle, seed) => {
        const reordered: Bundle = {
          ...bundle,
          cases: shuffled(bundle.cases, seed),
          cme: shuffled(bundle.cme, seed),
          training: shuffled(bundle.training, seed),
        };
        expect(validateApplication(reordered)).toEqual(validateApplication(bundle));
      }),
      { numRuns: 60 },
    );
  });

  it("adding an excluded case never makes an ineligible logbook eligible, nor changes the counts", () => {
    fc.assert(
      fc.property(damagedBundle, excludedCase, (bundle, extra) => {
        const before = validateApplication(bundle);
        const after = validateApplication({ ...bundle, cases: [...bundle.cases, extra] });
        if (!before.eligible) expect(after.eligible).toBe(false);
        expect(after.summary).toEqual(before.summary);
      }),
      { numRuns: 60 },
    );
  });

  it("the same input gives an identical report", () => {
    fc.assert(
      fc.property(damagedBundle, (bundle) => {
        const copy = structuredClone(bundle);
        expect(JSON.stringify(validateApplication(copy))).toBe(JSON.stringify(validateApplication(bundle)));
      }),
      { numRuns: 40 },
    );
  });

  it("eligible exactly when no finding is an error", () => {
    fc.assert(
      fc.property(damagedBundle, (bundle) => {
        const report = validateApplication(bundle);
        expect(report.eligible).toBe(!report.findings.some((f) => f.severity === "error"));
      }),
      { numRuns: 40 },
    );
  });
});

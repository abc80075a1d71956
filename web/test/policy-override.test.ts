// The committee's policy override, as the decision form reads it
// (web/src/requests/policy-override.ts): what the server accepts passes with
// its changes listed, what it refuses is refused in words before the call,
// and a key the policy does not have (which the server's schema would drop
// silently) is refused by name.
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, deepMerge, policySchema } from "../../functions/src/platform/domain/policy";
import { checkPolicyOverride, describeChange, OVERRIDE_EXAMPLE } from "../src/requests/policy-override";

const problemOf = (text: string, policy = DEFAULT_POLICY) => {
  const checked = checkPolicyOverride(text, policy);
  return checked.ok ? null : checked.problem;
};

describe("the policy override typed in the decision form", () => {
  it("is no override when left empty or blank", () => {
    expect(checkPolicyOverride("", DEFAULT_POLICY)).toEqual({ ok: true, override: null });
    expect(checkPolicyOverride(" \n\t", DEFAULT_POLICY)).toEqual({ ok: true, override: null });
  });

  it("accepts the hint's example, and lists each setting it changes with its value in force", () => {
    const checked = checkPolicyOverride(OVERRIDE_EXAMPLE, DEFAULT_POLICY);
    expect(checked).toEqual({
      ok: true,
      override: JSON.parse(OVERRIDE_EXAMPLE),
      changes: [
        { path: "cases.required.level2", from: 150, to: 120 },
        { path: "cme.requiredCredits.level2", from: DEFAULT_POLICY.cme.requiredCredits.level2, to: 20 },
      ],
    });
    // And the server's own check (merged over the policy in force, then the schema) agrees.
    expect(policySchema.safeParse(deepMerge(DEFAULT_POLICY, JSON.parse(OVERRIDE_EXAMPLE))).success).toBe(true);
  });

  it("compares with the policy in force, not the defaults", () => {
    const inForce = policySchema.parse(deepMerge(DEFAULT_POLICY, { cases: { required: { level2: 140 } } }));
    const checked = checkPolicyOverride('{"cases": {"required": {"level2": 120}}}', inForce);
    expect(checked.ok && checked.override && checked.changes).toEqual([
      { path: "cases.required.level2", from: 140, to: 120 },
    ]);
  });

  it("refuses text that is not JSON, saying so and showing the example", () => {
    for (const text of ["{cases: 1}", '{"cases": {"required": {"level2": 120}}', "level2 = 120"]) {
      expect(problemOf(text)).toMatch(/^The policy override is not valid JSON \(.+\); write it like \{/);
    }
  });

  it("refuses JSON that is not an object", () => {
    for (const text of ["120", '"cases"', "null", "true", "[]", '[{"cases": {}}]']) {
      expect(problemOf(text)).toBe(`The policy override must be a JSON object, like ${OVERRIDE_EXAMPLE}.`);
    }
  });

  it("refuses an override after which the policy is not valid, naming the setting and the schema's reason", () => {
    expect(problemOf('{"cases": {"required": {"level2": -1}}}')).toMatch(
      /^With this override the policy is not valid: cases\.required\.level2: .+\.$/,
    );
    expect(problemOf('{"cases": {"required": {"level2": 12.5}}}')).toMatch(/cases\.required\.level2: /);
    expect(problemOf('{"cases": {"required": {"level2": "120"}}}')).toMatch(/cases\.required\.level2: /);
    expect(problemOf('{"cases": {"maxNormalFraction": 1.01}}')).toMatch(/cases\.maxNormalFraction: /);
    // A whole section replaced by a scalar: every setting in it is missing.
    expect(problemOf('{"cases": 100}')).toMatch(/^With this override the policy is not valid: cases: /);
  });

  it("accepts both sides of a limit: the edge values pass, one step beyond is refused", () => {
    expect(problemOf('{"cases": {"required": {"level2": 0}}}')).toBeNull();
    expect(problemOf('{"cases": {"maxNormalFraction": 1}}')).toBeNull();
    expect(problemOf('{"cases": {"maxNormalFraction": 0}}')).toBeNull();
    expect(problemOf('{"cases": {"maxNormalFraction": -0.01}}')).not.toBeNull();
  });

  it("refuses a key the policy does not have, at any depth, naming every one", () => {
    expect(problemOf('{"cases": {"requird": {"level2": 120}}}')).toBe(
      'The policy has no setting "cases.requird": check the spelling against the policy (it would be ignored).',
    );
    expect(problemOf('{"case": {"required": {"level2": 120}}, "cases": {"required": {"level4": 1}}}')).toBe(
      'The policy has no setting "case", "cases.required.level4": check the spelling against the policy (it would be ignored).',
    );
    // "__proto__" is a key like any other (data, never a prototype), and not a setting.
    expect(problemOf('{"__proto__": {"cases": 1}}')).toMatch(/^The policy has no setting "__proto__"/);
  });

  it("accepts a new entry where the policy is a table keyed by id (the CME catalogue)", () => {
    const checked = checkPolicyOverride(
      '{"cme": {"catalogue": {"local-course": {"title": "Local course", "maxCredits": 4}}}}',
      DEFAULT_POLICY,
    );
    expect(checked.ok && checked.override && checked.changes.map(describeChange)).toEqual([
      'cme.catalogue.local-course.title: (not set) → "Local course"',
      "cme.catalogue.local-course.maxCredits: (not set) → 4",
    ]);
  });

  it("replaces a list as a whole (a leaf), as the server's merge does", () => {
    const checked = checkPolicyOverride('{"logbookReminders": {"monthsBefore": [2]}}', DEFAULT_POLICY);
    expect(checked.ok && checked.override && checked.changes).toEqual([
      {
        path: "logbookReminders.monthsBefore",
        from: DEFAULT_POLICY.logbookReminders.monthsBefore,
        to: [2],
      },
    ]);
  });

  it("refuses an object that names no setting", () => {
    for (const text of ["{}", '{"cases": {}}', '{"cases": {"required": {}}}']) {
      expect(problemOf(text)).toBe("The policy override names no setting: leave it empty to grant without one.");
    }
  });

  it("puts a change in words", () => {
    expect(describeChange({ path: "cases.required.level2", from: 150, to: 120 })).toBe(
      "cases.required.level2: 150 → 120",
    );
  });
});

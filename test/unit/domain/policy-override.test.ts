// The committee's policy override, checked by one function on the server
// (decideRequest) and in the decision form: what the server accepts passes
// with its changes listed; a policy made invalid, a key the policy does not
// have (which the schema would drop silently) and an override naming no
// setting are refused in words.
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, deepMerge, policySchema } from "../../../functions/src/platform/domain/policy.js";
import { checkPolicyOverrideValue, describeChange } from "../../../functions/src/platform/domain/policy-override.js";

/** The override written as JSON text, for readability; parsed before the check. */
const check = (text: string, policy = DEFAULT_POLICY) => checkPolicyOverrideValue(JSON.parse(text), policy);
const problemOf = (text: string, policy = DEFAULT_POLICY) => {
  const checked = check(text, policy);
  return checked.ok ? null : checked.problem;
};

describe("checkPolicyOverrideValue", () => {
  it("refuses a value that is not an object", () => {
    for (const value of [120, "cases", null, true, [], [{ cases: {} }], undefined]) {
      expect(checkPolicyOverrideValue(value, DEFAULT_POLICY)).toEqual({
        ok: false,
        problem: "The policy override must be a JSON object.",
      });
    }
  });

  it("compares with the policy in force, not the defaults", () => {
    const inForce = policySchema.parse(deepMerge(DEFAULT_POLICY, { cases: { required: { level2: 140 } } }));
    const checked = check('{"cases": {"required": {"level2": 120}}}', inForce);
    expect(checked.ok && checked.changes).toEqual([{ path: "cases.required.level2", from: 140, to: 120 }]);
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
    // Every invalid setting is named, one after the other.
    expect(problemOf('{"cases": {"required": {"level2": -1, "level3-direct": -1}}}')).toMatch(
      /^With this override the policy is not valid: cases\.required\.level2: [^;]+; cases\.required\.level3-direct: [^;]+\.$/,
    );
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
    const checked = check(
      '{"cme": {"catalogue": {"local-course": {"title": "Local course", "maxCredits": 4}}}}',
      DEFAULT_POLICY,
    );
    expect(checked.ok && checked.changes.map(describeChange)).toEqual([
      'cme.catalogue.local-course.title: (not set) → "Local course"',
      "cme.catalogue.local-course.maxCredits: (not set) → 4",
    ]);
  });

  it("replaces a list as a whole (a leaf), as the server's merge does", () => {
    const checked = check('{"logbookReminders": {"monthsBefore": [2]}}', DEFAULT_POLICY);
    expect(checked.ok && checked.changes).toEqual([
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

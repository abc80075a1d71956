// The committee's policy override, as the decision form reads it
// (web/src/requests/policy-override.ts): the JSON text, then the server's own
// check (its cases: test/unit/domain/policy-override.test.ts).
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, deepMerge, policySchema } from "../../functions/src/platform/domain/policy";
import { checkPolicyOverride, OVERRIDE_EXAMPLE } from "../src/requests/policy-override";

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

  it("refuses what the server refuses, with the server's words (an unknown key, an override naming nothing)", () => {
    expect(problemOf('{"cases": {"requird": {"level2": 120}}}')).toBe(
      'The policy has no setting "cases.requird": check the spelling against the policy (it would be ignored).',
    );
    expect(problemOf("{}")).toBe("The policy override names no setting: leave it empty to grant without one.");
    expect(problemOf('{"cases": {"required": {"level2": -1}}}')).toMatch(
      /^With this override the policy is not valid: /,
    );
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, resolvePolicy, validateApplication } from "../../../functions/src/logbook/domain/index.js";
import { makeBundle } from "../../factories/bundle.js";
import { deepMerge } from "../../../functions/src/platform/domain/policy.js";
import { codesOf } from "../../factories/report.js";

describe("policy", () => {
  it("holds Table 1 of the programme text as its CME catalogue", () => {
    expect(Object.keys(DEFAULT_POLICY.cme.catalogue)).toHaveLength(16);
    expect(DEFAULT_POLICY.cme.catalogue["esc-congress"].maxCredits).toBe(3);
    expect(DEFAULT_POLICY.cme.catalogue["scmr-on-demand"].maxCredits).toBeNull();
  });

  it("says that the category minimums are provisional", () => {
    expect(DEFAULT_POLICY.notes?.join(" ")).toMatch(/PROVISIONAL/);
  });

  it("is deep-merged: one number changed, everything else kept", () => {
    const merged = resolvePolicy({ version: "board-2027", cases: { required: { level2: 149 } } });
    expect(merged.success).toBe(true);
    if (!merged.success) return;
    expect(merged.data.cases.required).toEqual({ level2: 149, "level3-via-level2": 150, "level3-direct": 300 });
    expect(merged.data.cases.maxNormalFraction).toBe(0.1);
    const bundle = makeBundle("level2");
    bundle.cases.pop();
    expect(codesOf(validateApplication(bundle, merged.data))).toEqual([]);
    expect(validateApplication(bundle, merged.data).policyVersion).toBe("board-2027");
  });

  it("a catalogue entry can be added", () => {
    const merged = resolvePolicy({ cme: { catalogue: { "new-course": { title: "New", maxCredits: 2 } } } });
    expect(merged.success && Object.keys(merged.data.cme.catalogue)).toHaveLength(17);
  });

  it("a policy with a wrong type is refused with its path", () => {
    const merged = resolvePolicy({ cme: { maxPerDay: "eight" } });
    expect(merged.success).toBe(false);
    expect(merged.error?.issues[0].path).toEqual(["cme", "maxPerDay"]);
  });

  it("a '__proto__' or 'constructor' key in a policy file is data, never a prototype", () => {
    const override = JSON.parse(
      '{"__proto__": {"version": "polluted"}, "cme": {"catalogue": {"constructor": {"title": "x", "maxCredits": 1}}}}',
    );
    const merged = resolvePolicy(override);
    expect(merged.success).toBe(true);
    if (!merged.success) return;
    expect(merged.data.version).toBe(DEFAULT_POLICY.version);
    expect(Object.getPrototypeOf(merged.data)).toBe(Object.prototype);
    expect(Object.hasOwn(merged.data.cme.catalogue, "constructor")).toBe(true);
    expect(merged.data.cme.catalogue.constructor).toMatchObject({ maxCredits: 1, divideBy: 1 });
    expect(({} as { version?: string }).version).toBeUndefined();
  });

  it("deep merge: objects merge key by key; anything else, null included, replaces", () => {
    expect(deepMerge({ a: { b: 1, c: 2 } }, { a: { c: 3 } })).toEqual({ a: { b: 1, c: 3 } });
    expect(deepMerge({ a: { b: 1 } }, { a: null })).toEqual({ a: null });
    expect(deepMerge({ a: { b: 1 } }, { a: 5 })).toEqual({ a: 5 });
    expect(deepMerge({ a: 1 }, { a: { b: 2 } })).toEqual({ a: { b: 2 } });
    expect(deepMerge({ a: [1, 2] }, { a: [3] })).toEqual({ a: [3] });
    expect(deepMerge({ a: 1 }, null)).toBeNull();
  });
  it("deep merge gives ordinary data: its properties can be changed and deleted like parsed JSON's", () => {
    const merged = deepMerge({ a: 1, b: 2 }, { b: 3 }) as Record<string, number>;
    merged.a = 10;
    delete merged.b;
    expect(merged).toEqual({ a: 10 });
  });
});

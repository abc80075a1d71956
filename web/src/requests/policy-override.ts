// The committee's policy override for one application (a special-circumstances
// request granted; docs/requests.md): the text typed in the decision form,
// checked as the server checks it (deep-merged over the policy in force, the
// result must satisfy the policy schema) before decideRequest is called, plus
// what the server lets pass silently: a key the policy does not have (the
// schema drops it, so the override would change nothing there).
import { describeIssue } from "../../../functions/src/platform/domain/issues";
import { deepMerge, policySchema, type Policy } from "../../../functions/src/platform/domain/policy";

/** A change the override makes: the setting's dotted path, its value in force, the new value. */
export interface OverrideChange {
  path: string;
  from: unknown;
  to: unknown;
}

export type OverrideCheck =
  | { ok: true; override: null }
  | { ok: true; override: Record<string, unknown>; changes: OverrideChange[] }
  | { ok: false; problem: string };

/** The example the form's hint gives (a valid override of the default policy). */
export const OVERRIDE_EXAMPLE = '{"cases": {"required": {"level2": 120}}, "cme": {"requiredCredits": {"level2": 20}}}';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads the override typed in the decision form against `policy` (the policy
 * in force). Empty text is no override. Otherwise the text must be a JSON
 * object naming at least one setting, every key must be one the policy has,
 * and the policy with the override merged over it must be valid.
 */
export function checkPolicyOverride(text: string, policy: Policy): OverrideCheck {
  if (!text.trim()) return { ok: true, override: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problem: `The policy override is not valid JSON (${(e as Error).message}); write it like ${OVERRIDE_EXAMPLE}.`,
    };
  }
  if (!isPlainObject(value)) {
    return { ok: false, problem: `The policy override must be a JSON object, like ${OVERRIDE_EXAMPLE}.` };
  }
  const merged = policySchema.safeParse(deepMerge(policy, value));
  if (!merged.success) {
    return {
      ok: false,
      problem: `With this override the policy is not valid: ${merged.error.issues.map(describeIssue).join("; ")}.`,
    };
  }
  const unknown: string[] = [];
  const changes: OverrideChange[] = [];
  walk(value, merged.data, policy, [], unknown, changes);
  if (unknown.length) {
    return {
      ok: false,
      problem: `The policy has no setting ${unknown.join(", ")}: check the spelling against the policy (it would be ignored).`,
    };
  }
  if (!changes.length) {
    return { ok: false, problem: "The policy override names no setting: leave it empty to grant without one." };
  }
  return { ok: true, override: value, changes };
}

/** Each key of `override` must survive in the parsed policy (`parsed`); its leaves are the changes from `before`. */
function walk(
  override: Record<string, unknown>,
  parsed: unknown,
  before: unknown,
  path: string[],
  unknown: string[],
  changes: OverrideChange[],
) {
  for (const [key, to] of Object.entries(override)) {
    const at = [...path, key];
    if (!isPlainObject(parsed) || !Object.hasOwn(parsed, key)) {
      unknown.push(`"${at.join(".")}"`);
      continue;
    }
    const from = isPlainObject(before) && Object.hasOwn(before, key) ? before[key] : undefined;
    if (isPlainObject(to) && isPlainObject(parsed[key])) walk(to, parsed[key], from, at, unknown, changes);
    else changes.push({ path: at.join("."), from, to });
  }
}

/** A change in words: `cases.required.level2: 150 → 120`. */
export function describeChange({ path, from, to }: OverrideChange): string {
  return `${path}: ${from === undefined ? "(not set)" : JSON.stringify(from)} → ${JSON.stringify(to)}`;
}

// A committee's policy override for one application (a special-circumstances
// request granted; docs/requests.md): a partial policy deep-merged over the
// policy in force. The server (decideRequest) and the decision form check it
// with this one function, so neither accepts what the other refuses.
import { describeIssue } from "./issues.js";
import { deepMerge, isPlainObject, policySchema, type Policy } from "./policy.js";

/** A change the override makes: the setting's dotted path, its value in force, the new value. */
export interface OverrideChange {
  path: string;
  from: unknown;
  to: unknown;
}

export type OverrideCheck = { ok: true; changes: OverrideChange[] } | { ok: false; problem: string };

/**
 * Checks `override` against `policy` (the policy in force): it must be an
 * object naming at least one setting, every key must be one the policy has
 * (the schema would drop an unknown one silently, so the override would
 * change nothing there), and the merged policy must be valid. On success,
 * the settings it changes, each with its value in force.
 */
export function checkPolicyOverrideValue(override: unknown, policy: Policy): OverrideCheck {
  if (!isPlainObject(override)) return { ok: false, problem: "The policy override must be a JSON object." };
  const merged = policySchema.safeParse(deepMerge(policy, override));
  if (!merged.success) {
    return {
      ok: false,
      problem: `With this override the policy is not valid: ${merged.error.issues.map(describeIssue).join("; ")}.`,
    };
  }
  const unknown: string[] = [];
  const changes: OverrideChange[] = [];
  walk(override, merged.data, policy, [], unknown, changes);
  if (unknown.length) {
    return {
      ok: false,
      problem: `The policy has no setting ${unknown.join(", ")}: check the spelling against the policy (it would be ignored).`,
    };
  }
  if (!changes.length) {
    return { ok: false, problem: "The policy override names no setting: leave it empty to grant without one." };
  }
  return { ok: true, changes };
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

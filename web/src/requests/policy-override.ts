// The committee's policy override for one application, as typed in the
// decision form: the JSON text is read here, then checked with the server's
// own function (functions/src/platform/domain/policy-override.ts) before
// decideRequest is called.
import {
  checkPolicyOverrideValue,
  describeChange,
  type OverrideChange,
} from "../../../functions/src/platform/domain/policy-override";
import { isPlainObject, type Policy } from "../../../functions/src/platform/domain/policy";

export { describeChange, type OverrideChange };

export type OverrideCheck =
  | { ok: true; override: null }
  | { ok: true; override: Record<string, unknown>; changes: OverrideChange[] }
  | { ok: false; problem: string };

/** The example the form's hint gives (a valid override of the default policy). */
export const OVERRIDE_EXAMPLE = '{"cases": {"required": {"level2": 120}}, "cme": {"requiredCredits": {"level2": 20}}}';

/** Reads the override typed in the decision form against `policy` (the policy in force). Empty text is no override. */
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
  const checked = checkPolicyOverrideValue(value, policy);
  return checked.ok ? { ok: true, override: value, changes: checked.changes } : checked;
}

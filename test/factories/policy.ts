// A small policy for emulator tests: the same rules with far fewer cases, so
// that seeding an eligible application writes a dozen documents, not 300.
import { resolvePolicy, type Policy } from "../../functions/src/logbook/domain/index.js";

const perRoute = (level2: number, direct: number) => ({ level2, "level3-via-level2": level2, "level3-direct": direct });

export const SMALL_POLICY_OVERRIDE = {
  version: "test-small",
  cases: {
    required: perRoute(6, 12),
    maxOtherCentre: perRoute(3, 6),
    minControlRoom: perRoute(3, 6),
  },
  categories: {
    minimum: Object.fromEntries(
      (["level2", "level3-via-level2", "level3-direct"] as const).map((route) => [
        route,
        {
          ischaemic: 1,
          "stress-perfusion": 1,
          cardiomyopathy: 1,
          valvular: 0,
          congenital: 1,
          "aortic-vascular": 0,
          pericardial: 0,
          mass: 0,
          other: 0,
        },
      ]),
    ),
  },
};

const resolved = resolvePolicy(SMALL_POLICY_OVERRIDE);
if (!resolved.success) throw new Error(`SMALL_POLICY_OVERRIDE is invalid: ${resolved.error.message}`);
export const SMALL_POLICY: Policy = resolved.data;

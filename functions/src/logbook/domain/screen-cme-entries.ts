// The logbook's CME screening, offered to other features (recertification):
// the same refusals, event merging, Table 1 caps and per-day cap as a
// logbook, without a route, an exam or a Level 2 logbook to compare with.
import type { IsoDate } from "../../platform/domain/dates.js";
import type { Policy } from "../../platform/domain/policy.js";
import type { CreditedEvent } from "./context.js";
import type { Finding } from "./report.js";
import type { CmeEntry } from "./schema.js";
import { screenCme } from "./screening/cme.js";

export type { CreditedEvent };

/** Screens already-parsed CME entries as of `asOf` (entries ending after it are refused). */
export function screenCmeEntries(
  entries: readonly CmeEntry[],
  policy: Policy,
  asOf: IsoDate,
): { cme: CreditedEvent[]; findings: Finding[] } {
  return screenCme({
    bundle: {
      asOf,
      // A route with an exam but no exam: no "too old" limit from the exam; the caller bounds the dates.
      route: "level2",
      candidate: { physicianRegistration: null, acls: null, level2: null, uid: null },
      exam: null,
      supervisors: [],
      training: [],
      cases: [],
      cme: [...entries],
      peerRecognition: [],
      supervisorDeclaration: null,
    },
    policy,
    route: "level2",
    asOf,
    supervisors: new Map(),
    ownerUid: null,
  });
}

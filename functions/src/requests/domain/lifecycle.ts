// The one lifecycle every request shares (docs/requests.md has the diagram):
//
//   submitted ──request changes──▶ changes-requested ──resubmit──▶ resubmitted
//       │                                 ▲                            │
//       │                                 └──────request changes───────┤
//       ├──decide──▶ granted / refused ◀──────────decide───────────────┤
//       └──withdraw──▶ withdrawn ◀──withdraw── (changes-requested, resubmitted)
//
// Pure: the status and the action in, the next status (or why not) out.

export const REQUEST_STATUSES = [
  "submitted",
  "changes-requested",
  "resubmitted",
  "granted",
  "refused",
  "withdrawn",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Waiting for the committee or exam board: the decision clock runs. */
export const AWAITING_DECISION: readonly RequestStatus[] = ["submitted", "resubmitted"];
/** Not yet decided or withdrawn: the candidate may still withdraw. */
export const OPEN_STATUSES: readonly RequestStatus[] = ["submitted", "changes-requested", "resubmitted"];
export const FINAL_STATUSES: readonly RequestStatus[] = ["granted", "refused", "withdrawn"];

export type RequestAction = "request-changes" | "resubmit" | "withdraw" | "grant" | "refuse";

const TRANSITIONS: Record<RequestAction, { from: readonly RequestStatus[]; to: RequestStatus }> = {
  "request-changes": { from: AWAITING_DECISION, to: "changes-requested" },
  resubmit: { from: ["changes-requested"], to: "resubmitted" },
  withdraw: { from: OPEN_STATUSES, to: "withdrawn" },
  grant: { from: AWAITING_DECISION, to: "granted" },
  refuse: { from: AWAITING_DECISION, to: "refused" },
};

export type Transition = { ok: true; to: RequestStatus } | { ok: false; problem: string };

const WHY: Record<RequestAction, string> = {
  "request-changes": "changes can be asked only of a request waiting for a decision",
  resubmit: "a request is resubmitted only after changes were requested",
  withdraw: "a request can be withdrawn only before it is decided",
  grant: "only a request waiting for a decision can be decided",
  refuse: "only a request waiting for a decision can be decided",
};

export function transition(from: RequestStatus, action: RequestAction): Transition {
  const t = TRANSITIONS[action];
  if (t.from.includes(from)) return { ok: true, to: t.to };
  return { ok: false, problem: `${WHY[action]}; this one is ${from}` };
}

/** History ids sort in the order of events: `<3-digit sequence>-<event>`. */
export const historyEventId = (sequence: number, event: string) => `${String(sequence).padStart(3, "0")}-${event}`;

/**
 * The sequence number of a history id (`historyEventId`), which orders a
 * request's events: every event of one request has its own number, while
 * several share a date. Past 999 the number still orders (1000 > 999) where the
 * text would not; an id without a number comes last.
 */
export function historySequence(id: string): number {
  const m = /^(\d+)-/.exec(id);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

// The append-only history of an application's grading. Each event has a
// deterministic id, so a retried write never records it twice.
export const HISTORY_EVENTS = [
  "submitted",
  "assigned",
  "unassigned",
  "reassigned",
  "queried",
  "answered",
  "check-answered",
  "graded",
  "referred-to-chair",
  "decided",
  "awarded",
  "revoked",
] as const;
export type HistoryEvent = (typeof HISTORY_EVENTS)[number];

/** `<submission>-<event>[-<discriminator>]`, e.g. "2-graded-uidA". */
export function historyId(submission: number, event: HistoryEvent, discriminator?: string): string {
  const base = `${String(submission).padStart(3, "0")}-${event}`;
  return discriminator ? `${base}-${discriminator}` : base;
}

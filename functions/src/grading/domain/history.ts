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

/**
 * The place of an event in a round's life. One transaction writes several
 * events with the same commit time (`at`): submitted then assigned or
 * unassigned; graded then referred-to-chair, or decided then awarded. Neither
 * the time nor the id (`001-assigned` sorts before `001-submitted`) orders
 * them; this does. Events this list does not know come after those it knows.
 */
export function eventRank(event: string): number {
  const i = (HISTORY_EVENTS as readonly string[]).indexOf(event);
  return i < 0 ? HISTORY_EVENTS.length : i;
}

/** A history entry as far as its order goes: the commit time (a Firestore Timestamp) is null until committed. */
export interface HistoryOrderKey {
  id: string;
  event: string;
  at: { seconds: number; nanoseconds: number } | null | undefined;
}

/**
 * The order in which a round's history is read: by commit time, events of one
 * commit by their place in the round's life, then by id (a total order: the
 * same list always reads the same way); an entry not yet committed comes last.
 */
export function compareHistory(a: HistoryOrderKey, b: HistoryOrderKey): number {
  const byId = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  if (!a.at || !b.at) return (a.at ? 0 : 1) - (b.at ? 0 : 1) || eventRank(a.event) - eventRank(b.event) || byId;
  return (
    a.at.seconds - b.at.seconds ||
    a.at.nanoseconds - b.at.nanoseconds ||
    eventRank(a.event) - eventRank(b.event) ||
    byId
  );
}

// Reminder milestones and the catch-up rule shared by the scheduled jobs.
import type { IsoDate } from "./dates.js";

export interface Milestone {
  key: string;
  on: IsoDate;
}

/**
 * The milestone to act on today: the latest one already due. An earlier one
 * whose successor is also due is skipped, so a job that missed days never
 * sends a stale reminder (no "6 months before" mail at 2 months before).
 */
export function latestDue(milestones: Milestone[], today: IsoDate): Milestone | null {
  let latest: Milestone | null = null;
  for (const m of milestones) if (m.on <= today && (!latest || m.on >= latest.on)) latest = m;
  return latest;
}

/** The first date after today on which something is due, or null. */
export function nextDate(dates: (IsoDate | null)[], today: IsoDate): IsoDate | null {
  const future = dates.filter((d): d is IsoDate => d !== null && d > today).sort();
  return future[0] ?? null;
}

// What every scheduled function shares: today's date in Europe/Paris from the
// schedule time, the policy in force, and a log line with the job's counts.
import type { ScheduledEvent } from "firebase-functions/v2/scheduler";
import { calendarDateIn, PROGRAMME_TIME_ZONE, type IsoDate } from "../domain/dates.js";
import type { Policy } from "../domain/policy.js";
import { directReader } from "../reader.js";
import { firestore } from "../firestore.js";
import { logs } from "../logs.js";
import { loadPolicy } from "../policy-repository.js";
import type { JobStats } from "./paging.js";
import type { Firestore } from "firebase-admin/firestore";

export const SCHEDULE = { schedule: "every day 06:00", timeZone: PROGRAMME_TIME_ZONE, retryCount: 3 } as const;

export async function runJob(
  name: string,
  event: Pick<ScheduledEvent, "scheduleTime">,
  job: (db: Firestore, today: IsoDate, policy: Policy) => Promise<JobStats>,
): Promise<JobStats> {
  const db = firestore();
  const today = calendarDateIn(PROGRAMME_TIME_ZONE, new Date(event.scheduleTime));
  const stats = await job(db, today, await loadPolicy(db, directReader(db)));
  logs.jobFinished(name, today, stats);
  if (stats.failures > 0) throw new Error(`${name}: ${stats.failures} document(s) failed; the retry picks them up`);
  return stats;
}

// What every scheduled function shares: the day it works on (today in
// Europe/Paris), the policy in force, and a log line with the job's counts.
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

/**
 * The day a run works on. In production, the clock's date in Europe/Paris when
 * the run starts: whoever can invoke the function cannot choose another day
 * (a retry a few minutes later is the same day). On the emulators (the Admin
 * SDK talks to the Firestore emulator), the schedule time decides, so that
 * demos and tests can run a job "on" any day: `npm run job -- <job> <day>`
 * sends it the way Cloud Scheduler does (X-CloudScheduler-ScheduleTime).
 */
export function jobDay(scheduleTime: string | undefined, now: Date, onEmulators: boolean): IsoDate {
  const chosen = onEmulators && scheduleTime ? new Date(scheduleTime) : null;
  return calendarDateIn(PROGRAMME_TIME_ZONE, chosen && !Number.isNaN(chosen.getTime()) ? chosen : now);
}

const onEmulators = () => process.env.FUNCTIONS_EMULATOR === "true" || Boolean(process.env.FIRESTORE_EMULATOR_HOST);

export async function runJob(
  name: string,
  event: Pick<ScheduledEvent, "scheduleTime">,
  job: (db: Firestore, today: IsoDate, policy: Policy) => Promise<JobStats>,
): Promise<JobStats> {
  const db = firestore();
  const today = jobDay(event.scheduleTime, new Date(), onEmulators());
  const stats = await job(db, today, await loadPolicy(db, directReader(db)));
  logs.jobFinished(name, today, stats);
  if (stats.failures > 0) throw new Error(`${name}: ${stats.failures} document(s) failed; the retry picks them up`);
  return stats;
}

import { onSchedule } from "firebase-functions/v2/scheduler";
import { runRecertificationJob } from "../reminders-job.js";
import { runJob, SCHEDULE } from "../../platform/jobs/run-job.js";

/** Daily: recertification reminders, expiries and lapses. */
export const recertificationReminders = onSchedule(SCHEDULE, async (event) => {
  await runJob("recertification", event, runRecertificationJob);
});

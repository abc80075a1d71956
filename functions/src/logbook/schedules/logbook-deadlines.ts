import { onSchedule } from "firebase-functions/v2/scheduler";
import { runLogbookDeadlineJob } from "../deadline-job.js";
import { runJob, SCHEDULE } from "../../platform/jobs/run-job.js";

/** Daily: logbook-deadline reminders, and expiry of exam passes without a logbook. */
export const logbookDeadlines = onSchedule(SCHEDULE, async (event) => {
  await runJob("logbook-deadline", event, runLogbookDeadlineJob);
});

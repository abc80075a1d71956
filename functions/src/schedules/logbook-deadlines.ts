import { onSchedule } from "firebase-functions/v2/scheduler";
import { runLogbookDeadlineJob } from "../services/jobs/logbook-deadline-job.js";
import { runJob, SCHEDULE } from "./run-job.js";

/** Daily: logbook-deadline reminders, and expiry of exam passes without a logbook. */
export const logbookDeadlines = onSchedule(SCHEDULE, async (event) => {
  await runJob("logbook-deadline", event, runLogbookDeadlineJob);
});

import { onSchedule } from "firebase-functions/v2/scheduler";
import { runJob, SCHEDULE } from "../../platform/jobs/run-job.js";
import { storageFiles } from "../erase.js";
import { runRetentionJob } from "../retention-job.js";

/** Daily, before the other jobs: erases what has passed its retention (docs/privacy.md). */
export const retentionJob = onSchedule({ ...SCHEDULE, schedule: "every day 03:00" }, async (event) => {
  await runJob("retention", event, (db, today, policy) => runRetentionJob(db, today, policy, storageFiles()));
});

import { onSchedule } from "firebase-functions/v2/scheduler";
import { runJob, SCHEDULE } from "../../platform/jobs/run-job.js";
import { runExamReleaseJob } from "../release-job.js";

/** Daily: releases the results of the sessions whose release date has come (catching up missed days). */
export const examResultsRelease = onSchedule(SCHEDULE, async (event) => {
  await runJob("exam-release", event, runExamReleaseJob);
});

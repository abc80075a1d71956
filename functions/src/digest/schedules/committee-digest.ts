import { defineString } from "firebase-functions/params";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { runCommitteeDigestJob } from "../committee-digest-job.js";
import { runJob, SCHEDULE } from "../../platform/jobs/run-job.js";

const committeeEmail = defineString("COMMITTEE_EMAIL", {
  description: "Where the certification committee's daily digest of overdue work is sent",
  default: "cmr-certification-committee@example.org",
});

/** Daily, after the other jobs: the committee's digest of overdue work. */
export const committeeDigest = onSchedule({ ...SCHEDULE, schedule: "every day 07:00" }, async (event) => {
  await runJob("committee-digest", event, (db, today, policy) =>
    runCommitteeDigestJob(db, today, policy, committeeEmail.value()),
  );
});

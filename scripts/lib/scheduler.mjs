// Runs a deployed scheduled function on the Functions emulator the way Cloud
// Scheduler runs it in production: an HTTP POST to the function carrying the
// X-CloudScheduler-JobName and X-CloudScheduler-ScheduleTime headers (a 2nd
// gen scheduled function is an HTTP function behind a Cloud Scheduler job).
// On the emulators the schedule time decides the job's day
// (functions/src/platform/jobs/run-job.ts); in production the clock does.
//
// Publishing to the emulator's `firebase-schedule-<name>` topic does not run a
// 2nd gen scheduled function with firebase-tools 14.27 (its Pub/Sub emulator
// acks the message and logs "Unsupported trigger signature: http"), so the
// Pub/Sub emulator is what loads the schedules, and this is what fires them.

export const REGION = "europe-west1";

/** The Functions emulator's key for `name` (event-style functions carry a generation suffix). */
async function triggerKey(host, project, name) {
  const probe = await fetch(`http://${host}/${project}/${REGION}/${name}`, { method: "GET" });
  const text = await probe.text();
  if (probe.status !== 404)
    throw new Error(`unexpected answer from the Functions emulator for ${name}: ${probe.status}`);
  const keys = [...text.matchAll(new RegExp(`${REGION}-${name}-(\\d+)`, "g"))];
  if (!keys.length) {
    throw new Error(
      `${name} is not loaded by the Functions emulator: is the Pub/Sub emulator running? (${text.slice(0, 200)})`,
    );
  }
  const latest = keys.sort((a, b) => Number(b[1]) - Number(a[1]))[0];
  return `${name}-${latest[1]}`;
}

/**
 * POSTs to the scheduled function `name` as Cloud Scheduler does, for `day`
 * (06:00 in Paris, the schedule's time). Resolves with the HTTP status once the
 * function has finished (200: success; 500: the job failed and Cloud Scheduler
 * would retry).
 */
export async function runScheduledFunction({ host, project, name, day }) {
  const key = await triggerKey(host, project, name);
  const response = await fetch(`http://${host}/${project}/${REGION}/${key}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-CloudScheduler-JobName": `firebase-schedule-${name}-${REGION}`,
      // 05:00 UTC is 06:00 (winter) or 07:00 (summer) in Paris: the same calendar day.
      "X-CloudScheduler-ScheduleTime": `${day}T05:00:00.000Z`,
    },
    body: "{}",
  });
  return { status: response.status, body: await response.text() };
}

#!/usr/bin/env node
// Runs one daily job by hand, for a given day, against the running emulators
// (start them with `npm start` in another terminal):
//   npm run job -- recertification 2030-06-15
//   npm run job -- logbook 2027-12-20
//   npm run job -- digest 2026-04-15
//   npm run job -- retention 2029-12-01
//   npm run job -- exam 2027-01-02
// It triggers the scheduled function loaded in the Functions emulator the way
// Cloud Scheduler does (scripts/lib/scheduler.mjs); the function's log line
// ("scheduled job finished", with its counts) appears in the emulators' output.
import { runScheduledFunction } from "./lib/scheduler.mjs";

const JOBS = {
  recertification: "recertificationReminders",
  logbook: "logbookDeadlines",
  digest: "committeeDigest",
  retention: "retentionJob",
  // exam (issue 12)
  exam: "examResultsRelease",
};
const [job, day] = process.argv.slice(2);
if (!JOBS[job] || !/^\d{4}-\d{2}-\d{2}$/.test(day ?? "") || Number.isNaN(Date.parse(day))) {
  console.error(`usage: npm run job -- <${Object.keys(JOBS).join("|")}> <YYYY-MM-DD>`);
  process.exit(2);
}
const project = process.env.GCLOUD_PROJECT ?? "demo-cmr";
const host = process.env.FUNCTIONS_EMULATOR_HOST ?? `127.0.0.1:${5001 + Number(process.env.EMULATOR_PORT_OFFSET ?? 0)}`;

try {
  const { status, body } = await runScheduledFunction({ host, project, name: JOBS[job], day });
  if (status !== 200) {
    console.error(`${job} job for ${day} failed (HTTP ${status}): ${body.slice(0, 500)}`);
    process.exit(1);
  }
  console.log(`${job} job (${JOBS[job]}) ran for ${day} on the Functions emulator at ${host} (project ${project})`);
} catch (e) {
  console.error(`${e.message}\nIs \`npm start\` running (with the same EMULATOR_PORT_OFFSET)?`);
  process.exit(1);
}

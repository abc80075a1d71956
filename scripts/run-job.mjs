#!/usr/bin/env node
// Runs one scheduled job by hand, for a given day, against the running
// emulators (start them with `npm start` in another terminal):
//   npm run job -- recertification 2030-06-15
//   npm run job -- logbook 2027-12-20
//   npm run job -- digest 2026-04-15
import { createRequire } from "node:module";
import { initializeApp } from "firebase-admin/app";

const JOBS = {
  recertification: ["recertification/schedules/recertification-reminders", "recertificationReminders"],
  logbook: ["logbook/schedules/logbook-deadlines", "logbookDeadlines"],
  digest: ["digest/schedules/committee-digest", "committeeDigest"],
};
const [name, day] = process.argv.slice(2);
if (!JOBS[name] || !/^\d{4}-\d{2}-\d{2}$/.test(day ?? "")) {
  console.error(`usage: npm run job -- <${Object.keys(JOBS).join("|")}> <YYYY-MM-DD>`);
  process.exit(2);
}
process.env.FIRESTORE_EMULATOR_HOST ??= "127.0.0.1:8080";
process.env.GCLOUD_PROJECT ??= "demo-cmr";
initializeApp({ projectId: process.env.GCLOUD_PROJECT });

const require = createRequire(import.meta.url);
const [file, exported] = JOBS[name];
const job = require(`../functions/lib/${file}.js`)[exported];
// 06:00 UTC is 07:00 or 08:00 in Paris: the job's day is `day`.
await job.run({ scheduleTime: `${day}T06:00:00.000Z`, jobName: `manual-${name}` });
console.log(
  `${name} job ran for ${day} against ${process.env.FIRESTORE_EMULATOR_HOST} (project ${process.env.GCLOUD_PROJECT})`,
);

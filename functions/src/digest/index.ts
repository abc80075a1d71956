// The committee's daily digest of overdue work across the features.
export { committeeDigest } from "./schedules/committee-digest.js";

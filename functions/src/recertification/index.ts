// The recertification feature: reminders, expiries and lapses around each
// certification's expiry.
export { recertificationReminders } from "./schedules/recertification-reminders.js";

// The recertification feature: reminders, expiries and lapses around each
// certification's expiry.
export { recertificationReminders } from "./schedules/recertification-reminders.js";
// For functions/src/requests: the recertification deadline an extension moves.
export { certificationSchema, recertificationWindow } from "./domain/reminders.js";

// Certifications and exam results are picked up by the daily jobs through
// their `nextActionOn` date. When one is created, or a date the schedule
// depends on changes (expiry, extension, submission...), it is due today: the
// next run looks at it and sets the following date itself. The jobs' own
// writes change none of these fields, so they do not come back here.
import type { DocumentSnapshot } from "firebase-admin/firestore";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { calendarDateIn, PROGRAMME_TIME_ZONE } from "../domain/dates.js";

const SCHEDULE_INPUTS = {
  certifications: ["expiresOn", "extensionGrantedUntil", "recertificationSubmitted"],
  examResults: ["passed", "resultDate", "extensionGrantedUntil", "logbookSubmittedOn"],
} as const;

/** True when the document is new or one of `fields` changed. */
export function scheduleInputsChanged(
  before: DocumentSnapshot | undefined,
  after: DocumentSnapshot,
  fields: readonly string[],
) {
  if (!before?.exists) return true;
  return fields.some((f) => JSON.stringify(before.get(f) ?? null) !== JSON.stringify(after.get(f) ?? null));
}

const reschedule =
  (fields: readonly string[]) => async (event: { data?: { before?: DocumentSnapshot; after?: DocumentSnapshot } }) => {
    const after = event.data?.after;
    if (!after?.exists || !scheduleInputsChanged(event.data?.before, after, fields)) return;
    const today = calendarDateIn(PROGRAMME_TIME_ZONE, new Date());
    if (after.get("nextActionOn") === today) return;
    await after.ref.update({ nextActionOn: today });
  };

export const scheduleCertification = onDocumentWritten(
  "certifications/{certId}",
  reschedule(SCHEDULE_INPUTS.certifications),
);
export const scheduleExamResult = onDocumentWritten("examResults/{examId}", reschedule(SCHEDULE_INPUTS.examResults));

// The recertification feature: reminders, expiries and lapses around each
// certification's expiry, and the recertification application (opening in
// the window, payment, live requirements report, submission, decision,
// renewal).
export { recertificationReminders } from "./schedules/recertification-reminders.js";
export { openRecertification } from "./callables/open-recertification.js";
export { submitRecertification } from "./callables/submit-recertification.js";
export { withdrawRecertification } from "./callables/withdraw-recertification.js";
export { recordRecertificationBankTransfer } from "./callables/record-bank-transfer.js";
export { decideRecertification } from "./callables/decide-recertification.js";
export { askRecertificationQuestion, answerRecertificationQuestion } from "./callables/questions.js";
export { revalidateRecertification, revalidateRecertificationCme } from "./triggers/revalidate-recertification.js";
export { recertificationOnPayment } from "./triggers/on-payment-write.js";
export { deliverCertificateOnRenewal } from "./triggers/on-renewal-created.js";
// For functions/src/requests: the recertification deadline an extension moves.
export { certificationSchema, recertificationWindow } from "./domain/reminders.js";

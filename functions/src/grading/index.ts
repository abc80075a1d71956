// The grading feature: grader assignment, grades, questions, random checks,
// decisions, awards, the register and verification. Other features use only
// what is exported here.
export { gradingOnApplicationStatus } from "./triggers/on-application-status.js";
export { reassignGrader } from "./callables/reassign-grader.js";
export { gradeApplication } from "./callables/grade-application.js";
export { askQuestion } from "./callables/ask-question.js";
export { answerQuestion } from "./callables/answer-question.js";
export { answerRandomCheck } from "./callables/answer-random-check.js";
export { decideAsChair } from "./callables/decide-as-chair.js";
export { revokeCertification } from "./callables/revoke-certification.js";
export { syncRegisterOnCertificationWrite, deliverCertificateOnAward } from "./triggers/on-certification-write.js";
export { verifyCertificate } from "./http/verify-certificate.js";
export { completionCertificatePdf, type CompletionFacts } from "./certificate-pdf.js";
export { pdfAttachment, storageAvailable, storePdf } from "./award-effects.js";
// Pieces the recertification feature reuses: certificate numbers and codes,
// the per-year counter, the certificate PDF and its delivery (the register
// follows certifications by itself: syncRegisterOnCertificationWrite).
export { certificateNumber, verificationCode } from "./domain/index.js";
export { deliverCertificate, type CertificateMail } from "./award-effects.js";
// For functions/src/requests: a logbook appeal that overturns a failure takes the award path.
export { overturnOnAppeal, originalDeciders } from "./decision-service.js";

// The grading feature's e-mails (and in-app notifications, which carry the
// same text). Ids are deterministic: one message per event, ever.
import { message, type MailMessage } from "../../platform/domain/mail.js";
import type { IsoDate } from "../../platform/domain/dates.js";

export const messageIds = {
  assigned: (appId: string, submission: number, grader: string) => `grading-${appId}-${submission}-assigned-${grader}`,
  check: (appId: string, submission: number, caseId: string) => `grading-${appId}-${submission}-check-${caseId}`,
  question: (appId: string, questionId: string) => `grading-${appId}-question-${questionId}`,
  answered: (appId: string, questionId: string) => `grading-${appId}-answered-${questionId}`,
  chair: (appId: string, submission: number, chair: string) => `grading-${appId}-${submission}-chair-${chair}`,
  result: (appId: string, submission: number) => `grading-${appId}-${submission}-result`,
  resultOnAppeal: (appId: string, submission: number) => `grading-${appId}-${submission}-result-appeal`,
  revoked: (certId: string) => `certification-${certId}-revoked`,
};

export const assignedMail = (appId: string, submission: number): MailMessage =>
  message(`CMR certification: logbook ${appId} to grade`, [
    `You have been assigned the logbook of application ${appId} (submission ${submission}) to grade.`,
    "Grade from the submission snapshot: each area meets or does not meet the requirements, a comment, and an overall pass or fail. You may ask the candidate for more information.",
  ]);

export const checkRequestMail = (
  appId: string,
  c: { caseId: string; patientRef: string; studyDate: IsoDate },
): MailMessage =>
  message(`CMR certification: please confirm a case you supervised`, [
    `As part of the random checks of the EACVI CMR certification, please confirm that you supervised case ${c.caseId} (patient reference ${c.patientRef}, study of ${c.studyDate}) of application ${appId}.`,
    "Answer with the answerRandomCheck function: confirm or deny, with a comment if needed.",
  ]);

export const questionMail = (appId: string, text: string): MailMessage =>
  message(`CMR certification: a grader asks for more information`, [
    `A grader of your application ${appId} asks:`,
    text,
    "Answer with text and, where asked, accepted evidence files (answerQuestion). Grading waits for your answer.",
  ]);

export const answeredMail = (appId: string, questionId: string): MailMessage =>
  message(`CMR certification: the candidate answered your question`, [
    `The candidate of application ${appId} answered your question ${questionId}.`,
  ]);

export const chairMail = (appId: string): MailMessage =>
  message(`CMR certification: graders disagree on ${appId}`, [
    `The two graders of application ${appId} disagree. As chair, your decision is final (decideAsChair).`,
  ]);

export function passedMail(level: 2 | 3, number: string, code: string, expiresOn: IsoDate): MailMessage {
  return message(`CMR certification: you are certified Level ${level}`, [
    `Congratulations: the EACVI Certification Committee has awarded you the EACVI CMR Level ${level} certification.`,
    `Certificate number ${number}, valid until ${expiresOn}. Anyone can check it with the verification code ${code}.`,
    "Your certificate (PDF) is available in your account; your name is now on the public register.",
  ]);
}

export function failedMail(reasons: string[], appealBy: IsoDate): MailMessage {
  return message(`CMR certification: logbook not accepted`, [
    "The EACVI Certification Committee did not accept your logbook. The graders' reasons:",
    ...reasons.map((r) => `- ${r}`),
    `You may appeal this decision until ${appealBy}.`,
  ]);
}

export const revokedMail = (level: 2 | 3, number: string, on: IsoDate, reason: string): MailMessage =>
  message(`CMR certification: certification revoked`, [
    `Your EACVI CMR Level ${level} certification ${number} was revoked on ${on}, and your name has been removed from the public register.`,
    `Reason: ${reason}`,
  ]);

// The request forms' pure part: what the candidate types is kept as text
// (`Values`), turned into a request's content only when sent (the caller
// checks it then with the server's own schema), and the schema's complaints
// are said with the fields' labels.
import type { RequestContent } from "../../../functions/src/requests/domain/kinds";

export const MORE_KINDS = ["remote-supervision", "special-circumstances", "logbook-appeal"] as const;
export type MoreKind = (typeof MORE_KINDS)[number];
export const isMoreKind = (kind: string): kind is MoreKind => (MORE_KINDS as readonly string[]).includes(kind);

export type Values = Record<string, string>;

/** What a request already says, as the form's text (resending after changes starts from it). */
export function valuesOf(content: RequestContent | undefined): Values {
  switch (content?.kind) {
    case "remote-supervision":
      return {
        reason: content.reason,
        institutionAnnualCaseload: String(content.institutionAnnualCaseload),
        localSupervision: content.localSupervision,
        remoteSupervisorUid: content.remoteSupervisorUid,
        arrangements: content.arrangements,
        contactTime: content.contactTime,
        assessmentMethods: content.assessmentMethods,
        from: content.from,
        to: content.to,
      };
    case "special-circumstances":
      return { applicationId: content.applicationId, text: content.text };
    case "logbook-appeal":
      return { applicationId: content.applicationId, grounds: content.grounds };
    default:
      return {};
  }
}

/** A whole number typed in a field; an empty field stays missing (never 0). */
const wholeNumber = (text: string | undefined) => (text?.trim() ? Number(text) : undefined);

/** The content the form would send (unchecked: the caller parses it with the server's schema). */
export function contentOf(kind: MoreKind, v: Values, evidenceIds: string[]): unknown {
  switch (kind) {
    case "remote-supervision":
      return {
        kind,
        reason: v.reason ?? "",
        institutionAnnualCaseload: wholeNumber(v.institutionAnnualCaseload),
        localSupervision: v.localSupervision ?? "",
        remoteSupervisorUid: v.remoteSupervisorUid ?? "",
        arrangements: v.arrangements ?? "",
        contactTime: v.contactTime ?? "",
        assessmentMethods: v.assessmentMethods ?? "",
        from: v.from ?? "",
        to: v.to ?? "",
        evidenceIds,
      };
    case "special-circumstances":
      return { kind, applicationId: v.applicationId ?? "", text: v.text ?? "", evidenceIds };
    case "logbook-appeal":
      return { kind, applicationId: v.applicationId ?? "", grounds: v.grounds ?? "", evidenceIds };
  }
}

/** The words of each field, for the form and for the schema's complaints about it. */
export const FIELD_LABELS: Record<string, string> = {
  reason: "Reason for remote supervision",
  institutionAnnualCaseload: "Your institution's annual CMR caseload",
  localSupervision: "Level of local supervision",
  remoteSupervisorUid: "Remote supervisor",
  arrangements: "Proposed arrangements",
  contactTime: "Anticipated contact time",
  assessmentMethods: "Assessment methods",
  from: "Covered from",
  to: "Covered until",
  applicationId: "Application",
  text: "The circumstances",
  grounds: "Grounds",
  evidenceIds: "Attachments",
  // The extension and the exam appeal (the other form).
  target: "Deadline to extend",
  examResultId: "Exam result",
  certificationId: "Certification",
  requestedMonths: "Months asked for",
  explanation: "Explanation",
  letterEvidenceId: "Your supervisor's signed letter",
  letterSupervisorUid: "The supervisor who signed it",
};

/**
 * A complaint of the schema in words: the field's label instead of its key
 * ("Remote supervisor is required", not "remoteSupervisorUid is required"),
 * and "is required" for an empty number.
 */
export function describeFieldIssue(issue: { path: PropertyKey[]; message: string }): string {
  const field = issue.path.map(String).find((p) => FIELD_LABELS[p]);
  let message = /received undefined/.test(issue.message) ? "is required" : issue.message;
  if (!field) return message;
  if (message.startsWith(`${field} `)) message = message.slice(field.length + 1);
  return /^(is|must) /.test(message) ? `${FIELD_LABELS[field]} ${message}` : `${FIELD_LABELS[field]}: ${message}`;
}

/** Applications a kind may name: being prepared (special circumstances) or failed (a logbook appeal). */
export const APPLICATION_STATUSES: Record<Exclude<MoreKind, "remote-supervision">, string[]> = {
  "special-circumstances": ["draft", "returned"],
  "logbook-appeal": ["failed"],
};

/** Holds Level 3 on `day` (the registry's `level3From`..`level3Until`, both inclusive). */
export const holdsLevel3 = (from: unknown, until: unknown, day: string) =>
  typeof from === "string" && from <= day && (typeof until !== "string" || day <= until);

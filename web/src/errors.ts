// Errors a person can act on. Firebase reports a refused write as
// `permission-denied`; the caller says in words what the rules require for
// the action, and that is what the person reads.

export interface ErrorContext {
  /** What the person tried, as a verb phrase: "save this case". */
  doing: string;
  /** What the security rules require for it, in words. */
  denied?: string;
}

const codeOf = (e: unknown): string =>
  typeof e === "object" && e !== null && "code" in e && typeof e.code === "string"
    ? e.code.replace(/^functions\//, "")
    : "";

/** The error's message, without the HTTP status some transports append (" [400]"). */
const messageOf = (e: unknown): string =>
  (typeof e === "object" && e !== null && "message" in e && typeof e.message === "string"
    ? e.message
    : String(e)
  ).replace(/ \[\d{3}\]$/, "");

export function describeError(e: unknown, { doing, denied }: ErrorContext): string {
  switch (codeOf(e)) {
    case "permission-denied":
      return `You cannot ${doing}: ${denied ?? "your account is not allowed to do this."}`;
    case "unauthenticated":
    case "auth/user-token-expired":
      return `You cannot ${doing}: your session has ended. Sign in again.`;
    case "unavailable":
    case "auth/network-request-failed":
      return `Could not ${doing}: the service cannot be reached. Check your connection and try again.`;
    case "not-found":
      return `Could not ${doing}: it does not exist (any more).`;
    case "auth/invalid-credential":
    case "auth/wrong-password":
    case "auth/user-not-found":
    case "auth/invalid-email":
      return "The e-mail address or the password is wrong.";
    case "auth/too-many-requests":
      return "Too many attempts: wait a minute and try again.";
    case "failed-precondition":
    case "invalid-argument":
    case "already-exists":
      // The callables' messages are written for people.
      return `Could not ${doing}: ${messageOf(e)}`;
    case "resource-exhausted":
      return `Could not ${doing}: too many requests at once. Wait a moment and try again.`;
    default:
      return `Could not ${doing}. Try again; if it keeps failing, tell the certification team (${codeOf(e) || messageOf(e)}).`;
  }
}

/** What the rules require to change a logbook, for denied writes. */
export const LOGBOOK_DENIED =
  "only the candidate who owns a logbook may change it, and only while it is a draft or returned for modification; every field must be valid.";

// A validation issue (zod's, or one of ours) as one readable line: "path.to.field: message".
export function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message;
}

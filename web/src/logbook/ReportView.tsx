// The report as requirement bars (counted / required; caps shown as maxima)
// and findings that link to the rows to fix.
import type { Finding, LiveReport, Requirement } from "../domain";
import { Link } from "../router";
import type { ServerReport, ServerState } from "./use-application";

/** Requirements that are upper limits: met while the count stays at or below the number. */
const CAPS = new Set(["cases.normal", "cases.course", "cases.otherCentre", "cases.span"]);

const LABELS: Record<string, string> = {
  "cases.total": "Cases",
  "cases.normal": "Normal cases",
  "cases.course": "Cases from courses",
  "cases.otherCentre": "Cases from another centre",
  "cases.controlRoom": "Present in the control room",
  "cases.span": "Months between first and last case",
  "cme.credits": "CME credits",
  "cme.sources": "Distinct CME sources",
  "training.fteMonths": "Training (full-time months)",
  "training.window": "Training within the window (months)",
  registration: "Physician registration",
  acls: "ACLS",
  "exam.passed": "Exam passed",
  "logbook.deadline": "Within the logbook deadline",
  peerRecognition: "Peer recognition",
  supervisorDeclaration: "Supervisor's declaration",
};

export function requirementLabel(id: string): string {
  if (LABELS[id]) return LABELS[id];
  if (id.startsWith("categories.")) return `Category: ${id.slice("categories.".length).replace(/-/g, " ")}`;
  return id.replace(/[.-]/g, " ").replace(/^\w/, (c) => c.toUpperCase());
}

export function RequirementBar({ requirement }: { requirement: Requirement }) {
  const { id, met, actual, required } = requirement;
  const label = requirementLabel(id);
  const status = met ? "met" : "not met";
  if (typeof actual === "boolean" || typeof required === "boolean") {
    return (
      <li className={`requirement ${met ? "met" : "unmet"}`} data-requirement={id}>
        <span className="requirement-label">{label}</span>
        <span className="requirement-value">{met ? "✓ met" : "✗ not met"}</span>
      </li>
    );
  }
  const cap = CAPS.has(id);
  const max = cap ? Math.max(required, actual, 1) : Math.max(required, 1);
  const text = cap ? `${actual} (at most ${required})` : `${actual} / ${required}`;
  return (
    <li className={`requirement ${met ? "met" : "unmet"}`} data-requirement={id}>
      <span className="requirement-label" id={`req-${id}`}>
        {label}
      </span>
      <meter
        aria-labelledby={`req-${id}`}
        aria-valuetext={`${text}, ${status}`}
        min={0}
        max={max}
        value={Math.min(actual, max)}
        {...(cap ? { high: required, optimum: 0 } : { low: required, optimum: max })}
      />
      <span className="requirement-value">
        {text} <span className="visually-hidden">{status}</span>
        <span aria-hidden="true">{met ? " ✓" : " ✗"}</span>
      </span>
    </li>
  );
}

/** The links from a finding to what it is about. */
function FindingLinks({ finding, appPath }: { finding: Finding; appPath: string }) {
  const links = [
    ...(finding.caseIds ?? []).map((id) => ({
      id,
      to: `${appPath}?tab=cases&focus=${encodeURIComponent(id)}`,
      kind: "case",
    })),
    ...(finding.cmeIds ?? []).map((id) => ({
      id,
      to: `${appPath}?tab=cme&focus=${encodeURIComponent(id)}`,
      kind: "CME entry",
    })),
    ...(finding.trainingIds ?? []).map((id) => ({
      id,
      to: `${appPath}?tab=training&focus=${encodeURIComponent(id)}`,
      kind: "training period",
    })),
  ];
  if (!links.length) return null;
  const shown = links.slice(0, 10);
  return (
    <span className="finding-links">
      {" "}
      {shown.map((l) => (
        <Link key={`${l.kind}-${l.id}`} to={l.to} aria-label={`Go to ${l.kind} ${l.id}`}>
          {l.id}
        </Link>
      ))}
      {links.length > shown.length ? ` and ${links.length - shown.length} more` : ""}
    </span>
  );
}

export function FindingsList({ findings, appPath }: { findings: Finding[]; appPath: string }) {
  if (!findings.length) return <p>No findings.</p>;
  return (
    <ul className="findings">
      {findings.map((f, i) => (
        <li key={i} className={`finding ${f.severity}`}>
          <strong>{f.severity === "error" ? "To fix" : "Note"}:</strong> {f.message}{" "}
          <code className="finding-code">{f.code}</code>
          <FindingLinks finding={f} appPath={appPath} />
        </li>
      ))}
    </ul>
  );
}

const STATE_TEXT: Record<ServerState, string> = {
  checking: "checking…",
  confirmed: "confirmed by the server",
  differs: "the server's report differs from this one; the server's report is the one that counts",
};

export function ReportView({
  report,
  serverReport,
  serverState,
  appPath,
  title = "Report",
}: {
  report: LiveReport | null;
  serverReport: ServerReport | null;
  serverState: ServerState | null;
  appPath: string;
  title?: string;
}) {
  const shown = report ?? serverReport;
  return (
    <section aria-labelledby="report-title" className="report">
      <h2 id="report-title">{title}</h2>
      {serverState && (
        <p role="status" className={`server-state ${serverState}`} data-server-state={serverState}>
          Server: {STATE_TEXT[serverState]}
          {serverReport?.revision !== undefined ? ` (revision ${serverReport.revision})` : ""}
        </p>
      )}
      {!shown ? (
        <p>No report yet: the server computes one after the first change to the logbook.</p>
      ) : (
        <>
          <p className={`eligibility ${shown.eligible ? "eligible" : "not-eligible"}`} data-eligible={shown.eligible}>
            {shown.eligible ? "Eligible for submission" : "Not eligible yet"}
            {report && serverReport && serverState === "differs"
              ? ` here; the server says ${serverReport.eligible ? "eligible" : "not eligible"}`
              : ""}
          </p>
          <ul className="requirements">
            {shown.requirements.map((r) => (
              <RequirementBar key={r.id} requirement={r} />
            ))}
          </ul>
          <h3>Findings</h3>
          <FindingsList findings={shown.findings} appPath={appPath} />
        </>
      )}
    </section>
  );
}

// One application's logbook for its candidate: tabs for the cases, the
// import, CME, training, peer recognition, the live report and submission.
import { lazy, Suspense } from "react";
import { Link, useLocation } from "../router";
import { useApplication } from "../logbook/use-application";
import { CaseGrid } from "../logbook/CaseGrid";
import { ReportView } from "../logbook/ReportView";
import { ItemsPanel } from "../logbook/ItemForms";
import { SubmitPanel } from "../logbook/SubmitPanel";
import { ApplicationForm } from "./ApplicationForm";

const ResultPanel = lazy(() => import("./ResultPanel").then((m) => ({ default: m.ResultPanel })));
const ImportPanel = lazy(() => import("../logbook/ImportPanel").then((m) => ({ default: m.ImportPanel })));

const TABS = [
  ["cases", "Cases"],
  ["import", "Import"],
  ["cme", "CME"],
  ["training", "Training"],
  ["recognition", "Peer recognition"],
  ["report", "Report"],
  ["submit", "Submission"],
  ["application", "Route and supervisors"],
  ["result", "Grading and result"],
] as const;

export function LogbookPage({ appId }: { appId: string }) {
  const { query } = useLocation();
  const tab = query.get("tab") ?? "cases";
  const focus = query.get("focus");
  const loaded = useApplication(appId, { computeLocally: true });
  const { application, parts, editable, supervisorNames, localReport, serverReport, serverState } = loaded;
  const appPath = `/applications/${appId}`;

  if (loaded.error)
    return (
      <>
        <h1>Logbook</h1>
        <p role="alert" className="error">
          {loaded.error}
        </p>
        <p>
          <Link to="/applications">Back to your applications</Link>
        </p>
      </>
    );
  if (!application) return <p role="status">Loading the logbook…</p>;

  const supervisors = application.supervisorIds.map((id) => ({ id, name: supervisorNames.get(id) ?? id }));
  const summary = localReport?.summary;
  return (
    <>
      <h1>
        Logbook{" "}
        <span className="subtitle">
          ({application.route}, {application.status})
        </span>
      </h1>
      <p className="live-summary" role="status" aria-live="polite">
        {summary ? `${summary.casesCounted} / ${summary.casesRequired} cases counted. ` : ""}
        {localReport ? (localReport.eligible ? "Eligible. " : "Not eligible yet. ") : ""}
        <span data-server-state={serverState}>Server: {serverState === "checking" ? "checking…" : serverState}</span>
      </p>
      {!editable && <p className="notice">This logbook is {application.status}: it is read-only.</p>}
      <nav aria-label="Logbook sections" className="tabs">
        {TABS.filter(([id]) => id !== "result" || application.submissionCount > 0).map(([id, label]) => (
          <Link key={id} to={`${appPath}?tab=${id}`} aria-current={tab === id ? "page" : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      {tab === "cases" && (
        <CaseGrid
          appId={appId}
          cases={parts.cases}
          editable={editable}
          supervisorNames={new Map(supervisors.map((s) => [s.id, s.name]))}
          focusId={focus}
        />
      )}
      {tab === "import" &&
        (editable ? (
          <Suspense fallback={<p role="status">Loading…</p>}>
            <ImportPanel appId={appId} supervisorId={application.supervisorIds[0]} />
          </Suspense>
        ) : (
          <p>The logbook is read-only: nothing can be imported.</p>
        ))}
      {(tab === "cme" || tab === "training" || tab === "recognition") && (
        <ItemsPanel
          kind={tab}
          appId={appId}
          items={parts[tab]}
          editable={editable}
          supervisors={supervisors}
          focusId={focus}
        />
      )}
      {tab === "report" && (
        <ReportView
          report={editable ? localReport : (serverReport ?? localReport)}
          serverReport={serverReport}
          serverState={editable ? serverState : null}
          appPath={appPath}
          title={editable ? "Live report" : "Report"}
        />
      )}
      {tab === "submit" && <SubmitPanel loaded={loaded} />}
      {tab === "application" && <ApplicationForm existing={application} editable={editable} />}
      {tab === "result" && (
        <Suspense fallback={<p role="status">Loading…</p>}>
          <ResultPanel application={application} />
        </Suspense>
      )}
    </>
  );
}

// A submitted snapshot (applications/{appId}/snapshots/{n}): the frozen
// logbook and the report it was judged with, read-only. Graders, the
// committee and the candidate see the same record.
import { doc } from "firebase/firestore";
import { sdk } from "../firebase";
import { useLiveDoc } from "../live";
import type { Doc, LiveReport } from "../domain";
import { CaseGrid } from "../logbook/CaseGrid";
import { ReportView } from "../logbook/ReportView";

interface Item {
  id: string;
  [key: string]: unknown;
}

export interface SnapshotData {
  submission: number;
  submittedAt?: { toDate(): Date };
  report: LiveReport;
  bundle: {
    route: string;
    cases: Item[];
    cme: Item[];
    training: Item[];
    peerRecognition: Item[];
    supervisors: { id: string; body: string; level3From: string; level3Until: string | null }[];
    supervisorDeclaration: { supervisorId: string; signedOn: string } | null;
  };
}

const asDocs = (appId: string, items: Item[]): Doc[] =>
  items.map(({ id, ...data }) => ({ path: `applications/${appId}/snapshots/cases/${id}`, id, data }));

function ItemTable({ title, items, columns }: { title: string; items: Item[]; columns: [string, string][] }) {
  return (
    <>
      <h3 id={`snapshot-${title.toLowerCase().replace(/\W+/g, "-")}`}>
        {title} ({items.length})
      </h3>
      {items.length === 0 ? (
        <p>None.</p>
      ) : (
        <table className="grid" aria-labelledby={`snapshot-${title.toLowerCase().replace(/\W+/g, "-")}`}>
          <thead>
            <tr>
              {columns.map(([, label]) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                {columns.map(([key]) => (
                  <td key={key}>{item[key] === undefined || item[key] === null ? "" : String(item[key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function SnapshotView({
  appId,
  submission,
  appPath,
  focusId,
}: {
  appId: string;
  submission: number;
  /** The screen's path: the report's findings link to rows on it (?focus=id). */
  appPath: string;
  focusId: string | null;
}) {
  const snapshot = useLiveDoc<SnapshotData>(
    doc(sdk().db, "applications", appId, "snapshots", String(submission)),
    `${appId}/${submission}`,
    {
      doing: "open the submitted logbook",
      denied: "a submitted logbook can be read only by its candidate, its supervisors, its graders and the committee.",
    },
  );
  if (snapshot.error)
    return (
      <p role="alert" className="error">
        {snapshot.error}
      </p>
    );
  if (snapshot.value === undefined) return <p role="status">Loading the submitted logbook…</p>;
  if (snapshot.value === null) return <p>Submission {submission} has no snapshot.</p>;
  const { bundle, report, submittedAt } = snapshot.value.data;
  const declaration = bundle.supervisorDeclaration;
  return (
    <section aria-labelledby="snapshot-title" className="snapshot">
      <h2 id="snapshot-title">
        Submitted logbook (submission {submission}
        {submittedAt ? `, ${submittedAt.toDate().toLocaleDateString()}` : ""})
      </h2>
      <p>This is the record as it was frozen at submission; later changes do not appear here.</p>
      <ReportView
        report={report}
        serverReport={null}
        serverState={null}
        appPath={appPath}
        title="Report at submission"
      />
      <p>
        Supervisor's declaration:{" "}
        {declaration ? `signed by ${declaration.supervisorId} on ${declaration.signedOn}` : "none"}
      </p>
      <CaseGrid
        appId={appId}
        cases={asDocs(appId, bundle.cases)}
        editable={false}
        supervisorNames={new Map()}
        focusId={focusId}
      />
      <ItemTable
        title="CME"
        items={bundle.cme}
        columns={[
          ["title", "Title"],
          ["kind", "Kind"],
          ["startDate", "From"],
          ["endDate", "To"],
          ["credits", "Credits"],
          ["certificateId", "Certificate"],
        ]}
      />
      <ItemTable
        title="Training"
        items={bundle.training}
        columns={[
          ["start", "From"],
          ["end", "To"],
          ["hoursPerWeek", "Hours per week"],
          ["supervisorId", "Supervisor"],
        ]}
      />
      <ItemTable
        title="Peer recognition"
        items={bundle.peerRecognition}
        columns={[
          ["kind", "Kind"],
          ["date", "Date"],
          ["title", "Title"],
        ]}
      />
    </section>
  );
}

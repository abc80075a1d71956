// The candidate's applications, and a new one.
import { useEffect, useState } from "react";
import { collection, onSnapshot, query, where } from "firebase/firestore";
import { sdk } from "../firebase";
import { describeError } from "../errors";
import { Link } from "../router";
import { ApplicationForm } from "./ApplicationForm";

interface Row {
  id: string;
  route: string;
  status: string;
}

export function ApplicationsPage() {
  const { db, auth } = sdk();
  const uid = auth.currentUser?.uid ?? "";
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(
    () =>
      onSnapshot(
        query(collection(db, "applications"), where("ownerUid", "==", uid)),
        (snap) => setRows(snap.docs.map((d) => ({ id: d.id, route: d.data().route, status: d.data().status }))),
        (err) => setError(describeError(err, { doing: "list your applications" })),
      ),
    [db, uid],
  );

  return (
    <>
      <h1>Your applications</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {rows === null && !error && <p role="status">Loading…</p>}
      {rows && rows.length === 0 && <p>You have no application yet.</p>}
      {rows && rows.length > 0 && (
        <table className="grid" aria-label="Your applications">
          <thead>
            <tr>
              <th scope="col">Application</th>
              <th scope="col">Route</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/applications/${r.id}`}>Open logbook {r.id}</Link>
                </td>
                <td>{r.route}</td>
                <td>{r.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating ? (
        <ApplicationForm existing={null} />
      ) : (
        <button type="button" onClick={() => setCreating(true)}>
          Start a new application
        </button>
      )}
    </>
  );
}

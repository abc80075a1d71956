// The candidate's evidence files (CME and ACLS certificates, letters,
// publication proofs): upload with progress, then the upload check's verdict.
import { useEffect, useState, type FormEvent } from "react";
import { collection, doc, onSnapshot } from "firebase/firestore";
import { sdk } from "../firebase";
import { describeError } from "../errors";
import { useLiveQuery } from "../live";
import { EVIDENCE_LIMITS } from "./domain";
import { fileProblem, newEvidenceId, uploadEvidence, uploadsAvailable } from "./upload";

interface EvidenceRecord {
  fileName?: string;
  status?: string;
  reason?: string | null;
  size?: number;
  submittedIn?: string[] | string;
}

const STATUS_TEXT: Record<string, string> = {
  accepted: "accepted",
  rejected: "refused",
  deleted: "deleted",
};

const UPLOAD_DENIED = `only you can upload your evidence: a PDF, PNG or JPEG of at most ${EVIDENCE_LIMITS.maxFileBytes / 1024 / 1024} MB, at most ${EVIDENCE_LIMITS.maxObjectsPerUser} files, and never over a file already submitted.`;

type Stage =
  | { kind: "idle" }
  | { kind: "uploading"; fraction: number; evidenceId: string }
  | { kind: "checking"; evidenceId: string }
  | { kind: "done"; evidenceId: string; status: string; reason: string | null }
  | { kind: "error"; text: string };

export function EvidencePage() {
  const { db, auth } = sdk();
  const uid = auth.currentUser?.uid ?? "";
  const records = useLiveQuery<EvidenceRecord>(collection(db, "users", uid, "evidence"), uid, {
    doing: "list your evidence",
  });
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: "idle" });
  const [available, setAvailable] = useState<boolean | null>(null);
  useEffect(() => void uploadsAvailable().then(setAvailable), []);

  // The verdict: the upload check writes the record once it has looked at the file.
  const waitingFor = stage.kind === "checking" ? stage.evidenceId : null;
  useEffect(() => {
    if (!waitingFor) return;
    return onSnapshot(doc(db, "users", uid, "evidence", waitingFor), (snap) => {
      const status = snap.get("status");
      if (typeof status === "string")
        setStage({ kind: "done", evidenceId: waitingFor, status, reason: snap.get("reason") ?? null });
    });
  }, [waitingFor]);

  async function upload(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setStage({ kind: "error", text: "Choose a file first." });
      return;
    }
    const evidenceId = newEvidenceId();
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    const problem = fileProblem(uid, evidenceId, file, head);
    if (problem) {
      setStage({ kind: "error", text: `${file.name} cannot be uploaded: ${problem}.` });
      return;
    }
    try {
      setStage({ kind: "uploading", fraction: 0, evidenceId });
      await uploadEvidence(uid, evidenceId, file, (fraction) => setStage({ kind: "uploading", fraction, evidenceId }));
      setStage({ kind: "checking", evidenceId });
    } catch (err) {
      setStage({ kind: "error", text: describeError(err, { doing: `upload ${file.name}`, denied: UPLOAD_DENIED }) });
    }
  }

  const rows = [...(records.value ?? [])].sort((a, b) => (a.data.fileName ?? "").localeCompare(b.data.fileName ?? ""));
  return (
    <>
      <h1>Your evidence files</h1>
      <p>
        Certificates and letters your logbook refers to (by their evidence id). Each upload is checked by the server:
        only an accepted file counts at submission.
      </p>
      <form onSubmit={upload} aria-labelledby="upload-title">
        <h2 id="upload-title">Upload a file</h2>
        {available === false && (
          <p className="notice" data-uploads="unavailable">
            Uploads are not available here: these emulators run without the Storage emulator (its rules runtime cannot
            be installed on this machine). The files and verdicts below are read as usual.
          </p>
        )}
        <div className="field">
          <label htmlFor="evidence-file">
            File (PDF, PNG or JPEG, at most {EVIDENCE_LIMITS.maxFileBytes / 1024 / 1024} MB)
          </label>
          <input
            id="evidence-file"
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setStage({ kind: "idle" });
            }}
          />
        </div>
        <button type="submit" disabled={available !== true || stage.kind === "uploading"}>
          Upload
        </button>
        {stage.kind === "uploading" && (
          <p>
            <label htmlFor="upload-progress">Upload progress</label>{" "}
            <progress
              id="upload-progress"
              max={1}
              value={stage.fraction}
              aria-valuetext={`${Math.round(stage.fraction * 100)} %`}
            />
          </p>
        )}
        {stage.kind === "checking" && <p role="status">Uploaded; the server is checking the file…</p>}
        {stage.kind === "done" && (
          <p role="status" className={stage.status === "accepted" ? "message" : "error"} data-verdict={stage.status}>
            {stage.status === "accepted"
              ? `Accepted: use the evidence id ${stage.evidenceId} in your logbook.`
              : `Refused: ${stage.reason ?? "the file was not accepted"}.`}
          </p>
        )}
        {stage.kind === "error" && (
          <p role="alert" className="error">
            {stage.text}
          </p>
        )}
      </form>
      <section aria-labelledby="files-title">
        <h2 id="files-title">Your files</h2>
        {records.error && (
          <p role="alert" className="error">
            {records.error}
          </p>
        )}
        {rows.length === 0 ? (
          <p>No files yet.</p>
        ) : (
          <table className="grid" aria-labelledby="files-title">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Evidence id</th>
                <th scope="col">Check</th>
                <th scope="col">Submitted with</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ id, data }) => (
                <tr key={id} data-evidence-status={data.status}>
                  <td>{data.fileName ?? ""}</td>
                  <td>{id}</td>
                  <td>
                    {STATUS_TEXT[data.status ?? ""] ?? data.status ?? "checking…"}
                    {data.reason ? `: ${data.reason}` : ""}
                  </td>
                  <td>{[data.submittedIn ?? []].flat().join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

// CSV/XLSX import: a template to download, a preview with row-level errors
// (the server's zod schemas), then batched writes with a progress bar.
// Nothing is written from an unusable file; rows with errors are left out.
import { useMemo, useState, type ChangeEvent } from "react";
import { collection, doc, writeBatch } from "firebase/firestore";
import { sdk } from "../firebase";
import { describeError, LOGBOOK_DENIED } from "../errors";
import { casesFromTable, chunks, templateCsv, type ParsedFile } from "./case-rows";
import { readTable } from "./parse-file";

/**
 * Writes per commit: Firestore's maximum. Fewer, larger commits are faster on
 * the emulators (one pair of runs: 300 rows written in 7.0 s in one commit,
 * 11.9 s in three of 100); the progress bar moves once per commit.
 */
export const IMPORT_BATCH_SIZE = 500;

export function ImportPanel({ appId, supervisorId }: { appId: string; supervisorId: string | undefined }) {
  const [fileName, setFileName] = useState<string | null>(null);
  const [parsed, setParsed] = useState<ParsedFile | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const template = useMemo(
    () => URL.createObjectURL(new Blob([templateCsv(supervisorId)], { type: "text/csv" })),
    [supervisorId],
  );

  async function choose(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setParsed(null);
    setProgress(null);
    setMessage(null);
    setFailed(false);
    if (!file) return;
    setFileName(file.name);
    const read = await readTable(file);
    setParsed("unusable" in read ? { unusable: read.unusable, rows: [], errors: [] } : casesFromTable(read.table));
  }

  async function importRows() {
    if (!parsed || parsed.unusable || !parsed.rows.length) return;
    const { db } = sdk();
    const total = parsed.rows.length;
    setProgress({ done: 0, total });
    setMessage(null);
    setFailed(false);
    let done = 0;
    try {
      for (const part of chunks(parsed.rows, IMPORT_BATCH_SIZE)) {
        const batch = writeBatch(db);
        for (const { data } of part) batch.set(doc(collection(db, "applications", appId, "cases")), data);
        await batch.commit();
        done += part.length;
        setProgress({ done, total });
      }
      setMessage(
        `${done} cases imported.` +
          (parsed.errors.length
            ? ` ${parsed.errors.length} row(s) with errors were not imported: fix them and add them.`
            : ""),
      );
    } catch (err) {
      setFailed(true);
      setMessage(
        `${done} of ${total} cases were imported before an error. ` +
          describeError(err, { doing: "import these cases", denied: LOGBOOK_DENIED }),
      );
    }
  }

  const busy = progress !== null && progress.done < progress.total && !failed;
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">Import cases from CSV or XLSX</h2>
      <p>
        <a href={template} download="logbook-template.csv">
          Download the template (CSV)
        </a>{" "}
        — one case per row; the first row names the columns. Booleans are <code>true</code>/<code>false</code> (or
        yes/no), dates <code>YYYY-MM-DD</code>. An XLSX file with the same first row works too.
      </p>
      <label htmlFor="import-file">File to import</label>{" "}
      <input id="import-file" type="file" accept=".csv,.xlsx,text/csv" onChange={choose} disabled={busy} />
      {parsed && (
        <div className="preview" aria-live="polite">
          {parsed.unusable ? (
            <p role="alert" className="error">
              Nothing can be imported from {fileName}: {parsed.unusable}
            </p>
          ) : (
            <>
              <p role="status" className="preview-summary">
                {fileName}: {parsed.rows.length} row(s) ready to import, {parsed.errors.length} row(s) with errors.
              </p>
              {parsed.errors.length > 0 && (
                <table className="grid import-errors" aria-label="Rows with errors (not imported)">
                  <thead>
                    <tr>
                      <th scope="col">Line</th>
                      <th scope="col">Column</th>
                      <th scope="col">Value</th>
                      <th scope="col">Problem</th>
                    </tr>
                  </thead>
                  <tbody>
                    {parsed.errors.flatMap(({ line, errors }) =>
                      errors.map((e, i) => (
                        <tr key={`${line}-${i}`} data-line={line}>
                          <td>{line}</td>
                          <td>{e.column ?? ""}</td>
                          <td>{e.value ?? ""}</td>
                          <td>{e.message}</td>
                        </tr>
                      )),
                    )}
                  </tbody>
                </table>
              )}
              <button
                type="button"
                onClick={importRows}
                disabled={busy || !parsed.rows.length || (progress !== null && progress.done === progress.total)}
              >
                Import {parsed.rows.length} case(s)
              </button>
            </>
          )}
        </div>
      )}
      {progress && (
        <p>
          <label htmlFor="import-progress">Import progress</label>{" "}
          <progress id="import-progress" max={progress.total} value={progress.done}>
            {progress.done} / {progress.total}
          </progress>{" "}
          <span>
            {progress.done} / {progress.total}
          </span>
        </p>
      )}
      {message && (
        <p role={failed ? "alert" : "status"} className={failed ? "error" : "message"}>
          {message}
        </p>
      )}
    </section>
  );
}

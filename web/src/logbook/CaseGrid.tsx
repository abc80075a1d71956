// The logbook grid: sort by any column, filter by category and source, add,
// edit and delete cases. Native table, buttons and form controls, so every
// action is reachable and labelled for the keyboard and screen readers.
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { collection, deleteDoc, doc, setDoc } from "firebase/firestore";
import { sdk } from "../firebase";
import { describeError, LOGBOOK_DENIED } from "../errors";
import { CASE_CATEGORIES, CONGENITAL_LESIONS, type Doc } from "../domain";
import { caseFromRow, rowFromCase, type CaseColumn, type CaseData, type CaseRow, type RowError } from "./case-rows";

const SOURCES = ["own-centre", "other-centre", "course"] as const;
const ROLES = ["primary-operator", "reporting-physician", "observer"] as const;

type SortKey =
  "patientRef" | "studyDate" | "category" | "source" | "role" | "normal" | "presentInControlRoom" | "supervisorId";
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: "patientRef", label: "Patient reference" },
  { key: "studyDate", label: "Study date" },
  { key: "category", label: "Category" },
  { key: "source", label: "Source" },
  { key: "role", label: "Role" },
  { key: "normal", label: "Normal" },
  { key: "presentInControlRoom", label: "Control room" },
  { key: "supervisorId", label: "Supervisor" },
];

const yesNo = (v: unknown) => (v === true ? "yes" : v === false ? "no" : "");

const EMPTY_ROW = (supervisorId: string): CaseRow => ({
  category: "ischaemic",
  source: "own-centre",
  role: "primary-operator",
  normal: "false",
  presentInControlRoom: "false",
  supervisorId,
});

function CaseForm({
  appId,
  editing,
  supervisors,
  onDone,
}: {
  appId: string;
  editing: { id: string; data: Partial<CaseData> } | null;
  supervisors: { id: string; name: string }[];
  onDone: (savedId: string | null) => void;
}) {
  const [row, setRow] = useState<CaseRow>(() =>
    editing ? rowFromCase(editing.data) : EMPTY_ROW(supervisors[0]?.id ?? ""),
  );
  const [errors, setErrors] = useState<RowError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setRow(editing ? rowFromCase(editing.data) : EMPTY_ROW(supervisors[0]?.id ?? ""));
    setErrors([]);
    setMessage(null);
    // A new target to edit resets the form; the supervisor list alone does not.
  }, [editing]);

  const set = (column: CaseColumn) => (value: string) => setRow((r) => ({ ...r, [column]: value }));
  const errorFor = (column: CaseColumn) =>
    errors
      .filter((e) => e.column === column)
      .map((e) => e.message)
      .join("; ");
  const field = (column: CaseColumn, label: string, input: React.ReactNode) => {
    const err = errorFor(column);
    return (
      <div className="field">
        <label htmlFor={`case-${column}`}>{label}</label>
        {input}
        {err && (
          <span className="field-error" id={`case-${column}-error`}>
            {err}
          </span>
        )}
      </div>
    );
  };
  const common = (column: CaseColumn) => ({
    id: `case-${column}`,
    "aria-invalid": errorFor(column) ? true : undefined,
    "aria-describedby": errorFor(column) ? `case-${column}-error` : undefined,
  });
  const select = (column: CaseColumn, options: readonly string[], blank = false) => (
    <select {...common(column)} value={row[column] ?? ""} onChange={(e) => set(column)(e.target.value)}>
      {blank && <option value="">(none)</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
  const checkbox = (column: CaseColumn) => (
    <input
      type="checkbox"
      {...common(column)}
      checked={row[column] === "true"}
      onChange={(e) => set(column)(String(e.target.checked))}
    />
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const parsed = caseFromRow(row);
    if ("errors" in parsed) {
      setErrors(parsed.errors);
      setMessage("Some fields need fixing (see below each field).");
      return;
    }
    setErrors([]);
    setSaving(true);
    const { db } = sdk();
    const ref = editing
      ? doc(db, "applications", appId, "cases", editing.id)
      : doc(collection(db, "applications", appId, "cases"));
    try {
      await setDoc(ref, parsed.data);
      onDone(ref.id);
    } catch (err) {
      setMessage(describeError(err, { doing: "save this case", denied: LOGBOOK_DENIED }));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="case-form" onSubmit={submit} aria-labelledby="case-form-title">
      <h3 id="case-form-title">{editing ? `Edit case ${editing.data.patientRef ?? editing.id}` : "Add a case"}</h3>
      <div className="fields">
        {field(
          "patientRef",
          "Patient reference (pseudonymous)",
          <input
            {...common("patientRef")}
            value={row.patientRef ?? ""}
            onChange={(e) => set("patientRef")(e.target.value)}
          />,
        )}
        {field(
          "studyDate",
          "Study date",
          <input
            type="date"
            {...common("studyDate")}
            value={row.studyDate ?? ""}
            onChange={(e) => set("studyDate")(e.target.value)}
          />,
        )}
        {field("category", "Category", select("category", CASE_CATEGORIES))}
        {field("source", "Source", select("source", SOURCES))}
        {field("role", "Role", select("role", ROLES))}
        {field(
          "supervisorId",
          "Supervisor",
          <select
            {...common("supervisorId")}
            value={row.supervisorId ?? ""}
            onChange={(e) => set("supervisorId")(e.target.value)}
          >
            <option value="">(choose)</option>
            {supervisors.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>,
        )}
        {field("normal", "Normal study", checkbox("normal"))}
        {field("presentInControlRoom", "Present in the control room", checkbox("presentInControlRoom"))}
        {field(
          "courseId",
          "Course (for course cases)",
          <input
            {...common("courseId")}
            value={row.courseId ?? ""}
            onChange={(e) => set("courseId")(e.target.value)}
          />,
        )}
        {field("congenitalLesion", "Congenital lesion", select("congenitalLesion", CONGENITAL_LESIONS, true))}
      </div>
      {message && (
        <p role="alert" className="error">
          {message}
        </p>
      )}
      <button type="submit" disabled={saving}>
        {editing ? "Save changes" : "Add case"}
      </button>
      {editing && (
        <button type="button" onClick={() => onDone(null)}>
          Cancel editing
        </button>
      )}
    </form>
  );
}

export function CaseGrid({
  appId,
  cases,
  editable,
  supervisorNames,
  focusId,
}: {
  appId: string;
  cases: Doc[];
  editable: boolean;
  supervisorNames: Map<string, string>;
  focusId: string | null;
}) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "studyDate", descending: false });
  const [category, setCategory] = useState("");
  const [source, setSource] = useState("");
  const [editing, setEditing] = useState<{ id: string; data: Partial<CaseData> } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const rows = useMemo(() => {
    const list = cases.map((d) => ({ id: d.id, data: (d.data ?? {}) as Partial<CaseData> }));
    const filtered = list.filter(
      (r) => (!category || r.data.category === category) && (!source || r.data.source === source),
    );
    const value = (r: (typeof list)[number]) => String(r.data[sort.key] ?? "");
    filtered.sort((a, b) => value(a).localeCompare(value(b)) || a.id.localeCompare(b.id));
    if (sort.descending) filtered.reverse();
    return filtered;
  }, [cases, sort, category, source]);

  useEffect(() => {
    if (!focusId) return;
    const row = document.getElementById(`case-row-${focusId}`);
    row?.scrollIntoView({ block: "center" });
    row?.focus();
  }, [focusId, cases.length]);

  async function remove(id: string, label: string) {
    if (!window.confirm(`Delete case ${label}?`)) return;
    setMessage(null);
    try {
      await deleteDoc(doc(sdk().db, "applications", appId, "cases", id));
      setMessage(`Case ${label} deleted.`);
    } catch (err) {
      setMessage(describeError(err, { doing: "delete this case", denied: LOGBOOK_DENIED }));
    }
  }

  const supervisors = [...supervisorNames].map(([id, name]) => ({ id, name }));

  return (
    <section aria-labelledby="cases-title">
      <h2 id="cases-title">Cases</h2>
      {editable && (
        <CaseForm
          appId={appId}
          editing={editing}
          supervisors={supervisors}
          onDone={(savedId) => {
            setEditing(null);
            if (savedId) setMessage("Case saved.");
          }}
        />
      )}
      <div className="filters" role="group" aria-label="Filter cases">
        <label>
          Category{" "}
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">all</option>
            {CASE_CATEGORIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label>
          Source{" "}
          <select value={source} onChange={(e) => setSource(e.target.value)}>
            <option value="">all</option>
            {SOURCES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <span role="status" className="row-count">
          {rows.length} of {cases.length} cases shown
        </span>
      </div>
      {message && (
        <p role="status" className="message">
          {message}
        </p>
      )}
      <div className="table-wrap">
        <table className="grid" aria-labelledby="cases-title">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={sort.key === c.key ? (sort.descending ? "descending" : "ascending") : undefined}
                >
                  <button
                    type="button"
                    className="sort"
                    onClick={() =>
                      setSort((s) => ({ key: c.key, descending: s.key === c.key ? !s.descending : false }))
                    }
                  >
                    {c.label}
                    <span aria-hidden="true">{sort.key === c.key ? (sort.descending ? " ▼" : " ▲") : ""}</span>
                  </button>
                </th>
              ))}
              {editable && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ id, data }) => {
              const label = data.patientRef ?? id;
              return (
                <tr
                  key={id}
                  id={`case-row-${id}`}
                  data-case-id={id}
                  tabIndex={focusId === id ? -1 : undefined}
                  className={focusId === id ? "focused" : undefined}
                >
                  <td>{data.patientRef}</td>
                  <td>{data.studyDate}</td>
                  <td>{data.category}</td>
                  <td>{data.source}</td>
                  <td>{data.role}</td>
                  <td>{yesNo(data.normal)}</td>
                  <td>{yesNo(data.presentInControlRoom)}</td>
                  <td>{supervisorNames.get(data.supervisorId ?? "") ?? data.supervisorId}</td>
                  {editable && (
                    <td className="actions">
                      <button type="button" onClick={() => setEditing({ id, data })} aria-label={`Edit case ${label}`}>
                        Edit
                      </button>
                      <button type="button" onClick={() => remove(id, label)} aria-label={`Delete case ${label}`}>
                        Delete
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

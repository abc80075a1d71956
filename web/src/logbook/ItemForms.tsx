// CME entries, training periods and peer recognition: a form each (checked
// with the server's zod schema before writing) and the list with delete.
import { useState, type FormEvent, type ReactNode } from "react";
import { collection, deleteDoc, doc, setDoc } from "firebase/firestore";
import type { z } from "zod";
import { sdk } from "../firebase";
import { describeError, LOGBOOK_DENIED } from "../errors";
import {
  CME_KINDS,
  cmeEntrySchema,
  describeIssue,
  peerRecognitionSchema,
  trainingPeriodSchema,
  type Doc,
} from "../domain";

type Kind = "cme" | "training" | "recognition";
interface FieldSpec {
  name: string;
  label: string;
  type: "text" | "date" | "number" | "checkbox" | "select";
  options?: readonly string[];
  optional?: boolean;
}

const RECOGNITION_KINDS = ["faculty-lecturer", "invited-speaker", "publication", "oral-presentation"] as const;

const SPECS: Record<
  Kind,
  {
    title: string;
    noun: string;
    schema: z.ZodType;
    fields: FieldSpec[];
    summary: (d: Record<string, unknown>) => string;
  }
> = {
  cme: {
    title: "CME",
    noun: "CME entry",
    schema: cmeEntrySchema,
    fields: [
      { name: "title", label: "Title", type: "text" },
      { name: "kind", label: "Kind", type: "select", options: CME_KINDS },
      { name: "catalogueId", label: "Catalogue id (Table 1, optional)", type: "text", optional: true },
      { name: "startDate", label: "Start date", type: "date" },
      { name: "endDate", label: "End date", type: "date" },
      { name: "credits", label: "Credits", type: "number" },
      { name: "certificateId", label: "Certificate reference (optional)", type: "text", optional: true },
    ],
    summary: (d) => `${d.title} (${d.kind}), ${d.startDate} to ${d.endDate}: ${d.credits} credits`,
  },
  training: {
    title: "Training",
    noun: "training period",
    schema: trainingPeriodSchema,
    fields: [
      { name: "start", label: "Start date", type: "date" },
      { name: "end", label: "End date", type: "date" },
      { name: "hoursPerWeek", label: "Hours per week", type: "number" },
      { name: "supervisorId", label: "Supervisor", type: "select" },
    ],
    summary: (d) => `${d.start} to ${d.end}, ${d.hoursPerWeek} h/week, supervisor ${d.supervisorId}`,
  },
  recognition: {
    title: "Peer recognition",
    noun: "peer-recognition item",
    schema: peerRecognitionSchema,
    fields: [
      { name: "kind", label: "Kind", type: "select", options: RECOGNITION_KINDS },
      { name: "date", label: "Date", type: "date" },
      { name: "title", label: "Title (optional)", type: "text", optional: true },
      { name: "isAbstract", label: "An abstract", type: "checkbox" },
      { name: "firstAuthor", label: "First author", type: "checkbox" },
      { name: "presentedInPerson", label: "Presented in person", type: "checkbox" },
      { name: "moderatedPoster", label: "Moderated poster", type: "checkbox" },
    ],
    summary: (d) => `${d.kind} on ${d.date}${d.title ? `: ${d.title}` : ""}`,
  },
};

/** The form's text as a document: numbers parsed, empty optional fields left out (certificateId: null). */
function toDocument(kind: Kind, values: Record<string, string | boolean>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of SPECS[kind].fields) {
    const value = values[field.name];
    if (field.type === "checkbox") out[field.name] = value === true;
    else if (value === undefined || value === "") {
      if (field.name === "certificateId") out[field.name] = null;
      else if (!field.optional) out[field.name] = undefined;
    } else out[field.name] = field.type === "number" ? Number(value) : value;
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

export function ItemsPanel({
  kind,
  appId,
  items,
  editable,
  supervisors,
  focusId,
  parent = ["applications", appId],
  denied = LOGBOOK_DENIED,
}: {
  kind: Kind;
  appId: string;
  /** The document the items live under (a recertification's CME: ["recertifications", id]). */
  parent?: string[];
  /** What the rules require to change these items, for denied writes. */
  denied?: string;
  items: Doc[];
  editable: boolean;
  supervisors: { id: string; name: string }[];
  focusId: string | null;
}) {
  const spec = SPECS[kind];
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    const data = toDocument(kind, values);
    const parsed = spec.schema.safeParse({ ...data, id: "new" });
    if (!parsed.success) {
      setMessage({ text: `Check the form: ${parsed.error.issues.map(describeIssue).join("; ")}.`, error: true });
      return;
    }
    try {
      await setDoc(doc(collection(sdk().db, [...parent, kind].join("/"))), data);
      setValues({});
      setMessage({ text: `${spec.noun[0].toUpperCase()}${spec.noun.slice(1)} added.`, error: false });
    } catch (err) {
      setMessage({ text: describeError(err, { doing: `add this ${spec.noun}`, denied }), error: true });
    }
  }

  async function remove(id: string) {
    if (!window.confirm(`Delete this ${spec.noun}?`)) return;
    try {
      await deleteDoc(doc(sdk().db, [...parent, kind, id].join("/")));
      setMessage({ text: `${spec.noun} deleted.`, error: false });
    } catch (err) {
      setMessage({
        text: describeError(err, { doing: `delete this ${spec.noun}`, denied }),
        error: true,
      });
    }
  }

  const input = (f: FieldSpec): ReactNode => {
    const id = `${kind}-${f.name}`;
    const set = (v: string | boolean) => setValues((s) => ({ ...s, [f.name]: v }));
    if (f.type === "checkbox")
      return (
        <input id={id} type="checkbox" checked={values[f.name] === true} onChange={(e) => set(e.target.checked)} />
      );
    if (f.type === "select") {
      const options = f.options ? f.options.map((o) => ({ id: o, name: o })) : supervisors;
      return (
        <select id={id} value={String(values[f.name] ?? "")} onChange={(e) => set(e.target.value)}>
          <option value="">(choose)</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      );
    }
    return (
      <input
        id={id}
        type={f.type}
        step={f.type === "number" ? "any" : undefined}
        value={String(values[f.name] ?? "")}
        onChange={(e) => set(e.target.value)}
      />
    );
  };

  return (
    <section aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`}>{spec.title}</h2>
      {items.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <ul className="items">
          {items.map((item) => (
            <li key={item.id} id={`${kind}-item-${item.id}`} className={focusId === item.id ? "focused" : undefined}>
              {spec.summary((item.data ?? {}) as Record<string, unknown>)}{" "}
              {editable && (
                <button type="button" onClick={() => remove(item.id)} aria-label={`Delete ${spec.noun} ${item.id}`}>
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form onSubmit={add} aria-labelledby={`${kind}-form-heading`}>
          <h3 id={`${kind}-form-heading`}>Add a {spec.noun}</h3>
          <div className="fields">
            {spec.fields.map((f) => (
              <div className="field" key={f.name}>
                <label htmlFor={`${kind}-${f.name}`}>{f.label}</label>
                {input(f)}
              </div>
            ))}
          </div>
          <button type="submit">Add {spec.noun}</button>
        </form>
      )}
      {message && (
        <p role={message.error ? "alert" : "status"} className={message.error ? "error" : "message"}>
          {message.text}
        </p>
      )}
    </section>
  );
}

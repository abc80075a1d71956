// The fields of a remote-supervision request, a special-circumstances request
// and a logbook appeal (the form itself, its checks and sending: RequestsPage).
import { Select, type Choices } from "./choices";
import { APPLICATION_STATUSES, FIELD_LABELS, type MoreKind, type Values } from "./forms";

function Text({
  name,
  values,
  set,
  max,
  long = true,
  hint,
  label = FIELD_LABELS[name],
}: {
  name: string;
  values: Values;
  set: (name: string, value: string) => void;
  max: number;
  long?: boolean;
  hint?: string;
  label?: string;
}) {
  return (
    <label>
      {label}
      {hint ? <span className="hint"> ({hint})</span> : null}
      {long ? (
        <textarea value={values[name] ?? ""} onChange={(e) => set(name, e.target.value)} maxLength={max} />
      ) : (
        <input type="text" value={values[name] ?? ""} onChange={(e) => set(name, e.target.value)} maxLength={max} />
      )}
    </label>
  );
}

export function MoreKindFields({
  kind,
  values,
  set,
  choices,
}: {
  kind: MoreKind;
  values: Values;
  set: (name: string, value: string) => void;
  choices: Choices | null;
}) {
  if (kind === "remote-supervision") {
    return (
      <>
        <Text name="reason" values={values} set={set} max={5000} hint="why local supervision is not enough" />
        <label>
          {FIELD_LABELS.institutionAnnualCaseload} (studies per year)
          <input
            type="number"
            min={0}
            step={1}
            value={values.institutionAnnualCaseload ?? ""}
            onChange={(e) => set("institutionAnnualCaseload", e.target.value)}
          />
        </label>
        <Text name="localSupervision" values={values} set={set} max={5000} />
        <Select
          label={`${FIELD_LABELS.remoteSupervisorUid} (Level 3 today, from the registry)`}
          value={values.remoteSupervisorUid ?? ""}
          onChange={(v) => set("remoteSupervisorUid", v)}
          options={choices?.level3Supervisors ?? []}
        />
        <Text name="arrangements" values={values} set={set} max={5000} />
        <Text
          name="contactTime"
          values={values}
          set={set}
          max={1000}
          long={false}
          hint="for example: two hours a week"
        />
        <Text name="assessmentMethods" values={values} set={set} max={5000} />
        <label>
          {FIELD_LABELS.from}
          <input type="date" value={values.from ?? ""} onChange={(e) => set("from", e.target.value)} />
        </label>
        <label>
          {FIELD_LABELS.to}
          <input type="date" value={values.to ?? ""} onChange={(e) => set("to", e.target.value)} />
        </label>
      </>
    );
  }
  const statuses = APPLICATION_STATUSES[kind];
  const applications = (choices?.applications ?? []).filter((a) => statuses.includes(a.status));
  return (
    <>
      <Select
        label={FIELD_LABELS.applicationId}
        value={values.applicationId ?? ""}
        onChange={(v) => set("applicationId", v)}
        options={applications}
      />
      {choices && applications.length === 0 && (
        <p className="hint">
          {kind === "logbook-appeal"
            ? "You have no failed application: only a failed logbook decision can be appealed."
            : "You have no application being prepared (a draft, or returned to you): special circumstances are considered for one of those."}
        </p>
      )}
      {kind === "special-circumstances" ? (
        <Text name="text" values={values} set={set} max={10000} hint="what happened and what you ask the committee" />
      ) : (
        <Text
          name="grounds"
          label="Grounds of the appeal"
          values={values}
          set={set}
          max={10000}
          hint="why the decision should be overturned"
        />
      )}
    </>
  );
}

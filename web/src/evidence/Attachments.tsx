// Attachments to a request or an answer: the candidate's accepted evidence files, as checkboxes.

/** Attachments: the candidate's accepted evidence files, as checkboxes. */
export function Attachments({
  options,
  chosen,
  onChange,
  legend = "Attach accepted evidence files (optional, at most 10)",
}: {
  options: { id: string; label: string }[];
  legend?: string;
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  if (options.length === 0) return null;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.id} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(o.id)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, o.id] : chosen.filter((c) => c !== o.id))}
          />{" "}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

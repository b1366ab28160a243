import { getSelectProps } from "@conform-to/react";
import { FieldErrors, type FieldMeta } from "./field";

/**
 * A labelled <select> of a conform form, its hint and error tied to it. An option can say its
 * own language (`lang`), as a list of languages each named in itself does.
 */
export function SelectField({
  meta,
  label,
  hint,
  options,
}: {
  meta: FieldMeta;
  label: string;
  hint?: string;
  options: { value: string; label: string; lang?: string }[];
}) {
  const { key, ...control } = getSelectProps(meta, {
    ariaDescribedBy: hint ? meta.descriptionId : undefined,
  });
  return (
    <div className={`field${meta.errors ? " field-invalid" : ""}`}>
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p className="hint" id={meta.descriptionId}>
          {hint}
        </p>
      ) : null}
      <select key={key} {...control}>
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors meta={meta} />
    </div>
  );
}

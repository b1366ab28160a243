import { getSelectProps } from "@conform-to/react";
import { FieldErrors, type FieldMeta } from "./field";

/** A labelled <select> of a conform form, its error tied to it. */
export function SelectField({
  meta,
  label,
  options,
}: {
  meta: FieldMeta;
  label: string;
  options: { value: string; label: string }[];
}) {
  const { key, ...control } = getSelectProps(meta);
  return (
    <div className={`field${meta.errors ? " field-invalid" : ""}`}>
      <label htmlFor={meta.id}>{label}</label>
      <select key={key} {...control}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors meta={meta} />
    </div>
  );
}

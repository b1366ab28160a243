import { Form } from "@remix-run/react";

interface ConfirmActionProps {
  /** What the link-like summary says: "Uitschrijven", "Verwijderen". */
  label: string;
  /** The button that does it, once opened: "Ja, schrijf An uit". */
  confirmLabel: string;
  intent: string;
  fields: Record<string, string | number>;
  /** What else doing it means, said beside the button once opened. */
  note?: string;
}

/**
 * A destructive action that takes two clicks: the first opens the confirmation, the second
 * posts the form. Works without JavaScript (a <details> element and a plain form).
 */
export function ConfirmAction({ label, confirmLabel, intent, fields, note }: ConfirmActionProps) {
  return (
    <details className="confirm-inline">
      <summary>{label}</summary>
      {note ? <p className="hint">{note}</p> : null}
      <Form method="post" replace>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button
          type="submit"
          name="intent"
          value={intent}
          className="button button-danger button-small"
        >
          {confirmLabel}
        </button>
      </Form>
    </details>
  );
}

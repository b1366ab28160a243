import type { FieldMetadata } from "@conform-to/react";
import { useEffect, useState } from "react";
import type { FormErrors } from "~/lib/forms";
import type { AskedQuestion } from "~/lib/questions";
import { colleagueField } from "~/lib/registration-form";
import { useI18n } from "~/web/use-i18n";
import { EmailField, Field, type FieldMeta } from "./field";
import { Choices, QuestionFields } from "./question-fields";

/**
 * The colleagues a person may bring in one sign-up, in a disclosure that stays shut until they
 * want it (a `details`, so it opens without JavaScript too, and opens by itself on what the
 * server sent back): a name, an address and the questions asked per person for each, and what
 * to do when there are not seats for everyone. A block left empty is a colleague not brought.
 */
export function ColleagueFields({
  groupSize,
  questions,
  fields,
  askTogether,
}: {
  /** People per sign-up, the person included. */
  groupSize: number;
  /** The questions asked of each person. */
  questions: readonly AskedQuestion[];
  fields: Record<string, FieldMeta>;
  /** Whether to ask what to do when seats run out (not for requests: they hold no seat). */
  askTogether: boolean;
}) {
  const { t } = useI18n();
  const blocks = Array.from({ length: groupSize - 1 }, (_, index) => index + 1).flatMap(
    (number) => {
      const meta = fields[colleagueField(number)];
      return meta ? [{ number, meta }] : [];
    },
  );
  const together = fields.together;
  // Open on what the server sent back (a colleague typed, a problem to fix), and on a problem
  // found as a field is left; after that, open or shut as the person leaves it.
  const mustShow = blocks.some(
    ({ meta }) => Object.keys(meta.allErrors).length > 0 || hasValue(meta.initialValue),
  );
  const [open, setOpen] = useState(mustShow);
  useEffect(() => {
    if (mustShow) setOpen(true);
  }, [mustShow]);
  return (
    <details
      className="colleagues"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{t("group.bring")}</summary>
      <p className="hint">{t("group.bringHint", { max: groupSize })}</p>
      {blocks.map(({ number, meta }) => {
        // A colleague's block is an object of fields: its own name, address and answers.
        const block = (
          meta as FieldMetadata<Record<string, unknown>, Record<string, unknown>, FormErrors>
        ).getFieldset() as Record<string, FieldMeta> & { name: FieldMeta; email: FieldMeta };
        return (
          <fieldset className="fieldset colleague" key={number}>
            <legend>{t("group.colleague", { number })}</legend>
            <Field
              meta={block.name}
              label={t("group.colleagueName", { number })}
              autoComplete="off"
            />
            <EmailField
              meta={block.email}
              label={t("group.colleagueEmail", { number })}
              autoComplete="off"
            />
            <QuestionFields questions={questions} fields={block} />
          </fieldset>
        );
      })}
      <p className="hint">{t("group.sharedDetails")}</p>
      <p className="hint">{t("group.consent")}</p>
      {askTogether && together ? (
        <Choices
          meta={together}
          legend={t("group.choice")}
          help={undefined}
          type="radio"
          options={[
            { value: "together", label: t("group.together") },
            { value: "split", label: t("group.split") },
          ]}
        />
      ) : null}
    </details>
  );
}

function hasValue(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return false;
  if (typeof value === "object") return Object.values(value).some(hasValue);
  return true;
}

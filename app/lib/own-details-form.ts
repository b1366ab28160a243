import { type AskedQuestion, answerField, answersShape, type QuestionType } from "./questions";
import { personSchema } from "./registration-form";

/**
 * The form of the manage page where a person corrects their own details: the person's fields of
 * the sign-up form but the address (a registration is held by its address: a new address is a
 * new sign-up), and the questions the session asks now, checked as at sign-up (a required
 * question stays required, a box that must be ticked stays ticked).
 */
export function ownDetailsSchema(questions: readonly AskedQuestion[]) {
  return personSchema.omit({ email: true }).extend(answersShape(questions));
}

/** What a form field holds for a stored answer: the reverse of `storedAnswers`. */
function fieldValue(type: QuestionType, stored: string): string | string[] {
  switch (type) {
    case "severalChoices":
      try {
        const parsed: unknown = JSON.parse(stored);
        return Array.isArray(parsed) ? parsed.map(String) : [stored];
      } catch {
        return [stored];
      }
    case "mustTick":
      // A ticked box posts "on"; the answer is stored as "yes".
      return stored === "yes" ? "on" : "";
    default:
      return stored;
  }
}

/** The form filled in as the registration stands: its fields and its answers to the questions. */
export function ownDetailsDefaults(
  person: { name: string; organisation: string | null; enterpriseNumber: string | null },
  questions: readonly Pick<AskedQuestion, "id" | "type">[],
  answers: Readonly<Record<number, string>>,
): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {
    name: person.name,
    organisation: person.organisation ?? "",
    enterpriseNumber: person.enterpriseNumber ?? "",
  };
  for (const question of questions) {
    const stored = answers[question.id];
    if (stored !== undefined) values[answerField(question.id)] = fieldValue(question.type, stored);
  }
  return values;
}

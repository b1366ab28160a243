import type { Locale } from "../i18n";
import { answerText, inLanguage, type Question } from "../lib/questions";
import type { CellValue, Column } from "../lib/spreadsheet.server";

/**
 * The columns of the answers to a session's own questions in a file, after its fixed columns
 * (the attendee list, the survey's answers): one column per question, headed by its label, in
 * the reader's language. An export over several sessions gives questions that read the same
 * (the same label in the reader's language, whatever the case and spacing) one column, so the
 * dietary question of twenty breakfasts is one column, not twenty; other questions get a column
 * each, in the order of the sessions and of their forms, empty for the other sessions. A column
 * whose questions all ask for a number (a number, a score) holds numbers; any other holds the
 * answers as they read, as text (which the spreadsheet helpers neutralise).
 */

interface QuestionColumn {
  column: Column;
  /** A number column holds numbers only: every question in it asks for a number. */
  numbers: boolean;
}

const asksANumber = (question: Question) => question.type === "number" || question.type === "scale";

/** The question columns, and the cells of one row's answers (question id → stored value). */
export function questionColumns(questions: readonly Question[], locale?: Locale) {
  const columns: QuestionColumn[] = [];
  const byHeader = new Map<string, number>();
  const columnOf = new Map<number, { index: number; question: Question }>();
  for (const question of questions) {
    const header = inLanguage(question.label, locale ?? "nl-BE").trim();
    const same = header.toLocaleLowerCase(locale).replace(/\s+/g, " ");
    let index = byHeader.get(same);
    if (index === undefined) {
      index = columns.length;
      byHeader.set(same, index);
      columns.push({
        column: { header, kind: "text", width: Math.min(Math.max(header.length, 12), 40) },
        numbers: true,
      });
    }
    const column = columns[index];
    if (column && !asksANumber(question)) column.numbers = false;
    columnOf.set(question.id, { index, question });
  }
  for (const column of columns) if (column.numbers) column.column.kind = "number";
  const cellsOf = (answers: Readonly<Record<number, string>>): CellValue[] => {
    const cells: CellValue[] = columns.map(() => "");
    for (const [id, value] of Object.entries(answers)) {
      const place = columnOf.get(Number(id));
      if (!place) continue;
      const { index, question } = place;
      cells[index] =
        columns[index]?.column.kind === "number"
          ? Number(value)
          : answerText(question, value, locale ?? "nl-BE");
    }
    return cells;
  };
  return { columns: columns.map((c) => c.column), cellsOf };
}

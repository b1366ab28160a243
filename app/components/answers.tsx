/** One answer to a session's question, as it reads in the organiser's language. */
export interface AnswerView {
  id: number;
  label: string;
  text: string;
}

/** What a person answered to the session's questions, under their name. */
export function Answers({ answers }: { answers: AnswerView[] }) {
  return answers.length ? (
    <dl className="answers">
      {answers.map((answer) => (
        <div key={answer.id}>
          <dt>{answer.label}</dt>
          <dd>{answer.text}</dd>
        </div>
      ))}
    </dl>
  ) : null;
}

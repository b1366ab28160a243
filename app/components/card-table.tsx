import type { ReactNode } from "react";

interface Column {
  label: string;
  /** Named for screen readers only: a column of buttons says what they are for itself. */
  hidden?: boolean;
}

/**
 * A table whose rows are things (a session, a person, an account): a table for screen readers
 * at every width, and under 40rem one card per row (`.card-table` in app.css). The row's first
 * cell, with its main link, is the card's title; every other cell stands under its column's
 * name (`Cell`'s `label`), which the stylesheet shows from `data-label`.
 */
export function CardTable({
  columns,
  caption,
  children,
}: {
  columns: Column[];
  caption?: ReactNode;
  /** The rows: <tr> elements of `Cell`s. */
  children: ReactNode;
}) {
  return (
    <table className="table card-table">
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column.label}>
              {column.hidden ? (
                <span className="visually-hidden">{column.label}</span>
              ) : (
                column.label
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/**
 * One cell of a `CardTable` row. On a phone: `title` makes it the card's title (`"rowHeader"`:
 * and the header of its row, a <th>), a `label` (its column's name) stands above it, and
 * `actions` puts its buttons beside the next ones.
 */
export function Cell({
  label,
  title = false,
  actions = false,
  nowrap = false,
  children,
}: {
  label?: string;
  title?: boolean | "rowHeader";
  actions?: boolean;
  nowrap?: boolean;
  children?: ReactNode;
}) {
  const className =
    [title && "cell-title", actions && "cell-actions", nowrap && "nowrap"]
      .filter(Boolean)
      .join(" ") || undefined;
  return title === "rowHeader" ? (
    <th scope="row" className={className}>
      {children}
    </th>
  ) : (
    <td data-label={label} className={className}>
      {children}
    </td>
  );
}

/**
 * A table that must stay a table on a phone too (its columns are read across, row by row):
 * it scrolls sideways inside this frame, with its first column fixed (`.table-frame`). The
 * frame takes the keyboard's focus, so it scrolls without a mouse, and is named after `label`.
 */
export function TableFrame({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard
    <section className="table-frame" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}

import { Section, Text } from "@react-email/components";
import type { Place, SessionChanges } from "../app/models/session-editing.server";
import { inviteIcs } from "./ics";
import { RegistrationLayout, renderMail } from "./layout";
import {
  inviteInputOf,
  type MailContent,
  mailI18n,
  mailLinks,
  type RegistrationMailData,
} from "./message";

/**
 * Sent to every confirmed attendee when anything of their session that a calendar shows
 * changes: title, time, place, summary or description. The invite keeps its UID, with a higher
 * SEQUENCE for a new time and a newer DTSTAMP otherwise, so calendars update the event by
 * themselves; the body says what changed, for the people (and the Outlooks) that read that.
 */
export async function sessionUpdatedEmail(
  data: RegistrationMailData,
  changes: SessionChanges,
): Promise<MailContent> {
  const { t, shortDate, dateTimeRange } = mailI18n(data);
  const title = data.session.title;
  const intro = t("email.sessionUpdated.intro", { title });
  const place = ({ venueName, venueAddress }: Place) => `${venueName}, ${venueAddress}`;
  const lines = [
    changes.time && {
      key: "time",
      now: t("email.sessionUpdated.time", {
        to: dateTimeRange(changes.time.to.startsAt, changes.time.to.endsAt),
      }),
      was: dateTimeRange(changes.time.from.startsAt, changes.time.from.endsAt),
    },
    changes.place && {
      key: "place",
      now: t("email.sessionUpdated.place", { to: place(changes.place.to) }),
      was: place(changes.place.from),
    },
    changes.title && {
      key: "title",
      now: t("email.sessionUpdated.title", { to: changes.title.to }),
      was: changes.title.from,
    },
    changes.summary && {
      key: "summary",
      now: t("email.sessionUpdated.summary", { to: changes.summary.to }),
      was: changes.summary.from,
    },
    changes.description && {
      key: "description",
      now: t("email.sessionUpdated.description"),
      was: null,
    },
  ].filter((line) => line !== undefined);

  const { manageUrl } = mailLinks(data);
  const body = await renderMail(
    <RegistrationLayout
      data={data}
      intro={intro}
      action={{ label: t("email.manage"), href: manageUrl }}
    >
      <Section>
        <Text>
          <strong>{t("email.sessionUpdated.changes")}</strong>
        </Text>
        {lines.map((line) => (
          <Text key={line.key}>
            {line.now}
            {line.was === null ? null : (
              <>
                <br />
                {t("email.sessionUpdated.was", { from: line.was })}
              </>
            )}
          </Text>
        ))}
      </Section>
    </RegistrationLayout>,
  );
  return {
    subject: t("email.sessionUpdated.subject", {
      title,
      date: shortDate(data.session.starts_at),
    }),
    ...body,
    ics: {
      method: "REQUEST",
      content: inviteIcs(inviteInputOf(data)),
    },
  };
}

import { Link, Section, Text } from "@react-email/components";
import { certificateUrl } from "../app/lib/certificate";
import { localePath } from "../app/lib/locale-path";
import { SURVEY_OPEN_DAYS } from "../app/lib/survey-form";
import { addMinutes } from "../app/lib/time";
import type { NextSession } from "../app/models/after-session.server";
import { RegistrationLayout, renderMail } from "./layout";
import { type MailContent, mailI18n, mailLinks, type RegistrationMailData } from "./message";

/**
 * The mails a session sends once it has ended (app/models/after-session.server.ts decides when
 * and to whom): a thank-you with the personal survey link and the certificate of attendance to
 * those who came (they were checked in, so they have one), a "we missed you"
 * with the next sessions of the same city and kind to those who had a seat and did not come.
 * Neither carries an invite: the event is over.
 */

/** Where the person answers the survey, in the language they signed up in. */
function surveyUrl(data: RegistrationMailData & { surveyToken: string }): string {
  const { locale } = mailI18n(data);
  return `${data.publicUrl}${localePath(locale, `/enquete/${encodeURIComponent(data.surveyToken)}`)}`;
}

export async function sessionThankYouEmail(
  data: RegistrationMailData & { surveyToken: string },
): Promise<MailContent> {
  const { t, longDate } = mailI18n(data);
  const title = data.session.title;
  const closes = longDate(addMinutes(data.now, SURVEY_OPEN_DAYS * 24 * 60));
  const body = await renderMail(
    <RegistrationLayout
      data={data}
      intro={t("afterSession.email.thankYou.intro", { title })}
      action={{ label: t("afterSession.email.thankYou.action"), href: surveyUrl(data) }}
      past
    >
      <Text>{t("afterSession.email.thankYou.survey", { date: closes })}</Text>
      <Text>{t("afterSession.email.thankYou.anonymous")}</Text>
      <Text>
        {t("afterSession.email.thankYou.certificate")}{" "}
        <Link href={certificateUrl(data.publicUrl, data.links.manageToken)}>
          {t("afterSession.email.thankYou.certificateLink")}
        </Link>
      </Text>
    </RegistrationLayout>,
  );
  return { subject: t("afterSession.email.thankYou.subject", { title }), ...body };
}

export async function sessionMissedYouEmail(
  data: RegistrationMailData & { nextSessions: NextSession[] },
): Promise<MailContent> {
  const { t, dateTimeRange, locale } = mailI18n(data);
  const title = data.session.title;
  const { citySessionsUrl } = mailLinks(data);
  const page = (slug: string) =>
    `${data.publicUrl}${localePath(locale, `/sessies/${encodeURIComponent(slug)}`)}`;
  const body = await renderMail(
    <RegistrationLayout
      data={data}
      intro={t("afterSession.email.missedYou.intro", { title })}
      action={{
        label: t("afterSession.email.missedYou.action", { city: data.session.city.name }),
        href: citySessionsUrl,
      }}
      past
    >
      {data.nextSessions.length ? (
        <Section>
          <Text>{t("afterSession.email.missedYou.next")}</Text>
          {data.nextSessions.map((next) => (
            <Text key={next.slug}>
              <Link href={page(next.slug)}>{next.title}</Link>
              <br />
              {dateTimeRange(next.starts_at, next.ends_at)} · {next.venue_name}
            </Text>
          ))}
        </Section>
      ) : (
        <Text>{t("afterSession.email.missedYou.noneYet")}</Text>
      )}
    </RegistrationLayout>,
  );
  return { subject: t("afterSession.email.missedYou.subject", { title }), ...body };
}

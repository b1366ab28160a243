import type { Migration } from "kysely";
import * as initial from "./2026-11-25T10-00_initial";
import * as organisers from "./2026-11-25T14-00_organisers";
import * as rateLimits from "./2026-11-26T09-00_rate-limits";
import * as personalData from "./2026-11-26T12-00_personal-data";
import * as hashedTokens from "./2026-11-26T12-30_hashed-tokens";
import * as newsOptIn from "./2026-11-26T13-00_news-opt-in";
import * as outboxSnapshots from "./2026-11-26T15-00_outbox-snapshots";
import * as changeNotifications from "./2026-11-26T15-30_change-notifications";
import * as calendars from "./2026-11-26T16-00_calendars";
import * as organiserLanguage from "./2026-11-26T17-00_organiser-language";
import * as inboundRetries from "./2026-11-26T17-30_inbound-retries";
import * as jobs from "./2026-12-07T10-00_jobs";
import * as viewLinks from "./2026-12-07T11-00_view-links";
import * as sessionQuestions from "./2026-12-07T12-00_session-questions";
import * as approvalAndAccess from "./2026-12-07T12-30_approval-and-access";
import * as groupSignUps from "./2026-12-07T13-00_group-sign-ups";
import * as selfCorrectedDetails from "./2026-12-07T13-15_self-corrected-details";
import * as afterTheSession from "./2026-12-07T14-00_after-the-session";
import * as doorVolunteers from "./2026-12-07T15-00_door-volunteers";
import * as surveyQuestions from "./2026-12-07T16-20_survey-questions";
import * as doorCheckIn from "./2026-12-07T16-40_door-check-in";
import * as twoStepSignIn from "./2026-12-07T16-50_two-step-sign-in";
import * as passkeys from "./2026-12-07T17-30_passkeys";
import * as reportPseudonyms from "./2026-12-07T17-50_report-pseudonyms";
import * as signInDomains from "./2026-12-07T19-10_sign-in-domains";
import * as refusedAddresses from "./2026-12-07T20-10_refused-addresses";
import * as seatCounts from "./2026-12-07T20-30_seat-counts";
import * as scaleIndexes from "./2026-12-07T20-40_scale-indexes";

// Listed by hand so that no bundler or file-system lookup can lose one; names sort in run order.
export const migrations: Record<string, Migration> = {
  "2026-11-25T10-00_initial": initial,
  "2026-11-25T14-00_organisers": organisers,
  "2026-11-26T09-00_rate-limits": rateLimits,
  "2026-11-26T12-00_personal-data": personalData,
  "2026-11-26T12-30_hashed-tokens": hashedTokens,
  "2026-11-26T13-00_news-opt-in": newsOptIn,
  "2026-11-26T15-00_outbox-snapshots": outboxSnapshots,
  "2026-11-26T15-30_change-notifications": changeNotifications,
  "2026-11-26T16-00_calendars": calendars,
  "2026-11-26T17-00_organiser-language": organiserLanguage,
  "2026-11-26T17-30_inbound-retries": inboundRetries,
  "2026-12-07T10-00_jobs": jobs,
  "2026-12-07T11-00_view-links": viewLinks,
  "2026-12-07T12-00_session-questions": sessionQuestions,
  "2026-12-07T12-30_approval-and-access": approvalAndAccess,
  "2026-12-07T13-00_group-sign-ups": groupSignUps,
  "2026-12-07T13-15_self-corrected-details": selfCorrectedDetails,
  "2026-12-07T14-00_after-the-session": afterTheSession,
  "2026-12-07T15-00_door-volunteers": doorVolunteers,
  "2026-12-07T16-20_survey-questions": surveyQuestions,
  "2026-12-07T16-40_door-check-in": doorCheckIn,
  "2026-12-07T16-50_two-step-sign-in": twoStepSignIn,
  "2026-12-07T17-30_passkeys": passkeys,
  "2026-12-07T17-50_report-pseudonyms": reportPseudonyms,
  "2026-12-07T19-10_sign-in-domains": signInDomains,
  "2026-12-07T20-10_refused-addresses": refusedAddresses,
  "2026-12-07T20-30_seat-counts": seatCounts,
  "2026-12-07T20-40_scale-indexes": scaleIndexes,
};

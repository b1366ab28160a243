import type { nlBEAfterSession } from "./nl-BE.after-session";

/**
 * English (Belgium): after a session, the thank-you with its survey and the "we missed you"
 * mail, their settings in the session form, the survey page and its results in the workspace.
 * ICU message syntax, as in nl-BE.ts.
 */
export const enBEAfterSession = {
  "afterSession.form.legend": "After the session",
  "afterSession.form.hint":
    "People who were checked in get a thank-you email with a short survey. People who had a place and didn’t come get the next sessions of this city and kind. A cancelled session sends neither.",
  "afterSession.form.sendThankYou": "Thank-you with survey to those who came",
  "afterSession.form.sendMissedYou": "“We missed you” email to those who didn’t come",
  "afterSession.form.followUpHours": "Hours after the end",
  "afterSession.form.followUpHoursHint": "From 0 to 72; empty is 2.",
  "sessionForm.errors.followUpHours.invalid": "Enter a whole number of hours from {min} to {max}.",
  "afterSession.settings":
    "After the session ({hours, plural, one {# hour} other {# hours}} after the end): {mails, select, both {thank-you with survey and “we missed you”.} thankYou {thank-you with survey.} missedYou {“we missed you”.} other {no email.}}",

  "afterSession.email.thankYou.subject": "Thanks for coming: {title}",
  "afterSession.email.thankYou.intro":
    "Thank you for coming to “{title}”. We hope it was useful for your business.",
  "afterSession.email.thankYou.survey":
    "Could you take two minutes to tell us what you thought? The survey is open until {date}.",
  "afterSession.email.thankYou.anonymous":
    "Your answers are kept without your name or email address: nobody can tell what you answered.",
  "afterSession.email.thankYou.certificate": "Need a certificate of attendance?",
  "afterSession.email.thankYou.certificateLink": "Download your certificate (PDF)",
  "afterSession.email.thankYou.action": "Take the survey",
  "afterSession.email.missedYou.subject": "We missed you: {title}",
  "afterSession.email.missedYou.intro":
    "You had a place at “{title}”, but we didn’t see you. A pity! Perhaps a later session suits you better.",
  "afterSession.email.missedYou.next": "The next sessions of this kind:",
  "afterSession.email.missedYou.noneYet":
    "No later session of this kind is planned yet. Please check again soon.",
  "afterSession.email.missedYou.action": "All sessions in {city}",
  "mailKind.session.thankYou": "Thank-you with survey",
  "mailKind.session.missedYou": "“We missed you”",

  "survey.title": "Survey",
  "survey.about": "About “{title}” in {city}, {when}.",
  "survey.anonymous":
    "Your answers are kept without your name or email address. You can answer the survey once.",
  "survey.closesOn": "The survey is open until {date}.",
  "survey.rating.legend": "How would you rate this session?",
  "survey.rating.help": "1 is poor, 5 is excellent.",
  "survey.rating.option": "{rating, select, 1 {1 – poor} 5 {5 – excellent} other {{rating}}}",
  "survey.useful.legend": "Was it useful for your business?",
  "survey.useful.yes": "Yes",
  "survey.useful.somewhat": "Somewhat",
  "survey.useful.no": "No",
  "survey.comment.label": "Anything else you would like to tell us?",
  "survey.comment.hint": "Optional. At most {max} characters. Please don’t write names.",
  "survey.submit": "Send my answers",
  "survey.submitting": "Sending…",
  "survey.errors.form": "The survey isn’t complete yet. Please check the questions below.",
  "survey.errors.rating.required": "Choose a rating from 1 to 5.",
  "survey.errors.useful.required": "Choose yes, somewhat or no.",
  "survey.errors.comment.tooLong": "At most {max} characters.",
  "survey.thanks.title": "Thank you!",
  "survey.thanks.body": "We’ve received your answers. They help us make the next sessions better.",
  "survey.answered.title": "Already answered",
  "survey.answered.body":
    "This survey has already been answered. We keep the first answers; nothing has changed.",
  "survey.closed.title": "The survey is closed",
  "survey.closed.body":
    "This survey was open for 14 days and takes no more answers. Thank you for your interest.",
  "survey.erased.title": "This link no longer works",
  "survey.erased.body":
    "The registration behind this link was erased. The survey is no longer available.",

  "survey.results.link": "Survey",
  "survey.results.title": "Survey results",
  "survey.results.back": "Back to the session",
  "survey.results.answers":
    "{answers, plural, =0 {No answers yet} one {# answer} other {# answers}} to {sent, plural, =0 {no surveys sent yet} one {# survey sent} other {# surveys sent}}.",
  "survey.results.rate": "Response rate: {rate} %.",
  "survey.results.tooFew":
    "The results appear from {min} answers: with fewer, one could guess who answered what.",
  "survey.results.tooFewToExport": "There are too few answers to download yet.",
  "survey.results.rating": "Rating",
  "survey.results.average": "Average {average} out of 5.",
  "survey.results.ratingCaption": "Answers per rating",
  "survey.results.usefulCaption": "Answers to “Was it useful for your business?”",
  "survey.results.column.rating": "Rating",
  "survey.results.column.useful": "Useful",
  "survey.results.column.comment": "Comment",
  "survey.results.column.count": "Count",
  "survey.results.column.share": "Share",
  "survey.results.noComments": "Nobody answered the open question.",
  "survey.results.export": "Download",
  "survey.results.exportHint": "Without names: one row per answer, in no particular order.",
  "survey.results.fileName": "survey",
  "surveyQuestions.title": "Survey questions",
  "surveyQuestions.link": "Survey questions ({count})",
  "surveyQuestions.intro":
    "People who came to the session ({date}) get a survey afterwards with three fixed questions: a score, whether it was useful for their business, and an open question. Here you add at most {max} questions of your own. Their answers stay anonymous too.",
  "surveyQuestions.none": "The survey asks only its three fixed questions.",
  "surveyQuestions.required": "Required: the survey can’t be sent without an answer",
  "surveyQuestions.locked":
    "The survey has answers. Its questions are now fixed, so every answer stays with the question that was asked.",
  "surveyQuestions.refused.tooMany":
    "The survey asks at most {max} questions of your own. Remove one first.",
  "surveyQuestions.refused.locked": "The survey has answers: its questions can no longer change.",
  "surveyQuestions.done.removed": "Question ‘{label}’ removed.",
  "survey.errors.changed":
    "The survey’s questions just changed. Please check your answers and send them again.",
  "survey.results.questionAnswered":
    "{answered, plural, =0 {Nobody answered this question.} one {# of {answers} answered this question.} other {# of {answers} answered this question.}}",
  "survey.results.questionCaption": "Answers to ‘{label}’",
  "survey.results.severalHint":
    "People could tick more than one choice: the shares don’t add up to 100 %.",
  "survey.results.column.answer": "Answer",

  "audit.field.afterSession": "emails after the session",
} satisfies Record<keyof typeof nlBEAfterSession, string>;

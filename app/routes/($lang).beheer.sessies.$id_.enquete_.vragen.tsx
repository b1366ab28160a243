import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { QuestionsPage } from "~/components/question-editor";
import { adminMeta } from "~/web/admin-meta";
import { questionsAction, questionsLoader } from "~/web/question-editor.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";

/**
 * The questions a session's survey asks of its own, after its fixed three, for its organisers:
 * the sign-up questions' editor (app/web/question-editor.server.ts), with the survey's types and
 * limit, fixed once the survey has an answer.
 */

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "surveyQuestions.title");

export const loader = (args: LoaderFunctionArgs) => questionsLoader(args, "survey");
export const action = (args: ActionFunctionArgs) => questionsAction(args, "survey");

export default function SurveyQuestions() {
  const page = useLoaderData<typeof loader>();
  return <QuestionsPage {...page} actionData={useActionData<typeof action>()} />;
}

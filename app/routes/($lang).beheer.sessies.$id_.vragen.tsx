import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { QuestionsPage } from "~/components/question-editor";
import { adminMeta } from "~/web/admin-meta";
import { questionsAction, questionsLoader } from "~/web/question-editor.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";

/** The questions a session asks at sign-up, for its organisers (app/web/question-editor.server.ts). */

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "questions.title");

export const loader = (args: LoaderFunctionArgs) => questionsLoader(args, "signUp");
export const action = (args: ActionFunctionArgs) => questionsAction(args, "signUp");

export default function SignUpQuestions() {
  const page = useLoaderData<typeof loader>();
  return <QuestionsPage {...page} actionData={useActionData<typeof action>()} />;
}

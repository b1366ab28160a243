import { getFormProps } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useState } from "react";
import { CardTable, Cell } from "~/components/card-table";
import { Field, FormProblem } from "~/components/field";
import { FlashNotice } from "~/components/flash-notice";
import { RecoveryCodes, TwoStepSetup } from "~/components/two-step-setup";
import { i18n, type MessageKey } from "~/i18n";
import { type FormResult, formMessage, parseForm } from "~/lib/forms";
import { removePasskeySchema } from "~/lib/passkey-form";
import { addMinutes, nowInstant } from "~/lib/time";
import { accountPageSchema, signOutDeviceSchema, turnOffSchema } from "~/lib/two-step-form";
import { passkeysOf, removePasskey } from "~/models/passkey.server";
import { devicesOf, signOutDevice, signOutOtherDevices } from "~/models/sign-in.server";
import {
  beginEnrolment,
  confirmEnrolment,
  turnOffSecondStep,
  twoStepStatusOf,
} from "~/models/two-step.server";
import { adminMeta } from "~/web/admin-meta";
import { requireOrganiser, signOut, tokenOf } from "~/web/auth.server";
import { enrolmentView } from "~/web/authenticator.server";
import { type Notice, redirectWithNotice, takeNotice } from "~/web/flash.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { createPasskey } from "~/web/passkey.client";
import { clientOf, pauseBeforeRefusing } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { useSchemaForm } from "~/web/use-form";
import { useI18n, useLocalePath } from "~/web/use-i18n";
import { usePasskeyCeremony } from "~/web/use-passkey";

/**
 * An organiser's own account: their second step (turn it on with an authenticator, see how many
 * recovery codes are left, turn it off), their passkeys (add one, with JavaScript; remove one),
 * and the devices they are signed in on, each of which they can sign out. Door volunteers have
 * no account page (403), like every organiser page.
 */

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "account.title");

const PAGE = "/beheer/mijn-account";

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const [status, passkeys, devices, { notice, headers }] = await Promise.all([
    twoStepStatusOf(organiser),
    passkeysOf(organiser.id),
    devicesOf(organiser.id, await tokenOf(request)),
    takeNotice(request),
  ]);
  const { enrolment, ...twoStep } = status;
  return data(
    {
      email: organiser.email,
      twoStep,
      enrolment: enrolment ? await enrolmentView(enrolment) : null,
      passkeys,
      devices,
      notice: notice as Notice | null,
    },
    { headers },
  );
}

interface ActionData {
  /** The form a refusal belongs to, and its answer. */
  form?: "confirm" | "turnOff" | "devices" | "passkeys";
  result?: FormResult;
  /** Shown once, right after turning the second step on. */
  recoveryCodes?: string[];
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const organiser = await requireOrganiser(request);
  const token = (await tokenOf(request)) ?? "";
  const clientAddress = clientOf(context);
  const submission = parseForm(await request.formData(), accountPageSchema);
  const form = (() => {
    const intent = submission.payload.intent;
    if (intent === "confirm" || intent === "turnOff") return intent;
    return intent === "removePasskey" ? "passkeys" : "devices";
  })();
  const refuse = (
    status: number,
    key: MessageKey,
    values?: Record<string, string>,
    headers?: HeadersInit,
  ) =>
    data(
      {
        form,
        result: submission.reply({ formErrors: formMessage(key, values), hideFields: ["code"] }),
      } satisfies ActionData,
      { status, headers },
    );
  if (submission.status !== "success") return refuse(400, "account.errors.unknownAction");
  const input = submission.value;
  switch (input.intent) {
    case "begin": {
      const begun = await beginEnrolment(organiser);
      if (!begun.ok) return refuse(409, "twoStep.errors.alreadyOn");
      return redirectWithNotice(request, PAGE, { key: "twoStep.setup.begun" });
    }
    case "confirm": {
      const result = await confirmEnrolment(organiser.id, input.code, {
        sessionToken: token,
        clientAddress,
      });
      if (!result.ok) {
        return result.reason === "wrongCode"
          ? refuse(400, "twoStep.errors.wrongCode")
          : refuse(409, "twoStep.errors.notStarted");
      }
      return { recoveryCodes: result.recoveryCodes } satisfies ActionData;
    }
    case "turnOff": {
      const result = await turnOffSecondStep(organiser, input.code, {
        sessionToken: token,
        clientAddress,
      });
      if (result.ok) return redirectWithNotice(request, PAGE, { key: "twoStep.off.done" });
      if (result.reason === "locked") {
        await pauseBeforeRefusing();
        const time = i18n(localeOf(request)).time(
          addMinutes(nowInstant(), result.retryAfterSeconds / 60),
        );
        return refuse(
          429,
          "twoStep.errors.locked",
          { time },
          {
            "Retry-After": String(result.retryAfterSeconds),
          },
        );
      }
      if (result.reason === "required") return refuse(409, "twoStep.errors.required");
      if (result.reason === "notOn") return refuse(409, "twoStep.errors.notOn");
      return refuse(400, "twoStep.errors.wrongCode");
    }
    case "signOutDevice": {
      const current = (await devicesOf(organiser.id, token)).find((d) => d.current);
      if (!(await signOutDevice(organiser.id, input.device))) {
        return refuse(404, "devices.errors.gone");
      }
      // This device, chosen from the list: signed out like the button in the header.
      if (current?.id === input.device) {
        return redirectWithNotice(
          request,
          "/beheer/inloggen",
          { key: "login.loggedOut" },
          { "Set-Cookie": await signOut(request) },
        );
      }
      return redirectWithNotice(request, PAGE, { key: "devices.signedOut" });
    }
    case "removePasskey": {
      const removed = await removePasskey(input.passkey, {
        organiserId: organiser.id,
        clientAddress,
      });
      if (!removed) return refuse(404, "passkeys.errors.gone");
      return redirectWithNotice(request, PAGE, { key: "passkeys.removed" });
    }
    case "signOutOthers": {
      const count = await signOutOtherDevices(organiser.id, token);
      return redirectWithNotice(request, PAGE, {
        key: "devices.othersSignedOut",
        values: { count },
      });
    }
  }
}

export default function Account() {
  const { email, twoStep, enrolment, passkeys, devices, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t } = useI18n();
  return (
    <div className="wrap page">
      <h1>{t("account.title")}</h1>
      <p className="lead">{t("account.intro", { email })}</p>
      <FlashNotice notice={actionData ? null : notice} />
      {actionData?.recoveryCodes ? <RecoveryCodes codes={actionData.recoveryCodes} /> : null}
      <section className="panel" aria-labelledby="two-step-title">
        <h2 id="two-step-title">{t("twoStep.title")}</h2>
        <p>{t("twoStep.explain")}</p>
        {twoStep.enabled ? (
          <>
            <p>
              <strong>{t("twoStep.status.on")}</strong>{" "}
              {t("twoStep.recoveryLeft", { count: twoStep.recoveryCodesLeft })}
            </p>
            {twoStep.required ? (
              <p className="hint">{t("twoStep.status.required")}</p>
            ) : (
              <TurnOffForm
                result={actionData?.form === "turnOff" ? actionData.result : undefined}
              />
            )}
          </>
        ) : enrolment ? (
          <>
            <TwoStepSetup
              enrolment={enrolment}
              intent="confirm"
              result={actionData?.form === "confirm" ? actionData.result : undefined}
            />
            <Form method="post">
              <button type="submit" name="intent" value="begin" className="link-button">
                {t("twoStep.setup.again")}
              </button>
            </Form>
          </>
        ) : (
          <>
            <p>
              <strong>{t("twoStep.status.off")}</strong>
            </p>
            <Form method="post">
              <button type="submit" name="intent" value="begin" className="button button-primary">
                {t("twoStep.setup.begin")}
              </button>
            </Form>
          </>
        )}
      </section>
      <Passkeys
        passkeys={passkeys}
        result={actionData?.form === "passkeys" ? actionData.result : undefined}
      />
      <Devices
        devices={devices}
        result={actionData?.form === "devices" ? actionData.result : undefined}
      />
    </div>
  );
}

function TurnOffForm({ result }: { result: FormResult | undefined }) {
  const { t } = useI18n();
  const [form, fields] = useSchemaForm(turnOffSchema, result, { id: "turn-off" });
  return (
    <details className="confirm-inline" open={Boolean(result)}>
      <summary>{t("twoStep.off.open")}</summary>
      <Form method="post" {...getFormProps(form)}>
        <FormProblem form={form} summary={t("twoStep.errors.form")} />
        <Field
          meta={fields.code}
          label={t("twoStep.off.codeLabel")}
          hint={t("twoStep.code.hint")}
          autoComplete="one-time-code"
        />
        <button type="submit" name="intent" value="turnOff" className="button button-danger">
          {t("twoStep.off.submit")}
        </button>
      </Form>
    </details>
  );
}

function Devices({
  devices,
  result,
}: {
  devices: ReturnType<typeof useLoaderData<typeof loader>>["devices"];
  result: FormResult | undefined;
}) {
  const { t, shortDate, time } = useI18n();
  const [form] = useSchemaForm(signOutDeviceSchema, result, { id: "devices" });
  const when = (instant: string) => `${shortDate(instant)} ${time(instant)}`;
  const columns = {
    device: t("devices.column.device"),
    signedIn: t("devices.column.signedIn"),
    lastSeen: t("devices.column.lastSeen"),
    address: t("devices.column.address"),
  };
  return (
    <section className="panel" aria-labelledby="devices-title">
      <h2 id="devices-title">{t("devices.title")}</h2>
      <p>{t("devices.intro")}</p>
      <FormProblem form={form} summary={t("devices.errors.gone")} />
      <CardTable
        columns={[
          { label: columns.device },
          { label: columns.signedIn },
          { label: columns.lastSeen },
          { label: columns.address },
          { label: t("attendees.actions"), hidden: true },
        ]}
      >
        {devices.map((device) => (
          <tr key={device.id}>
            <Cell title="rowHeader">
              {device.device ?? t("devices.unknown")}
              {device.current ? <div className="muted">{t("devices.thisDevice")}</div> : null}
            </Cell>
            <Cell label={columns.signedIn}>{when(device.signedInAt)}</Cell>
            <Cell label={columns.lastSeen}>{when(device.lastSeenAt)}</Cell>
            <Cell label={columns.address}>
              {device.clientAddress ?? t("devices.unknownAddress")}
            </Cell>
            <Cell actions>
              <Form method="post">
                <input type="hidden" name="device" value={device.id} />
                <button
                  type="submit"
                  name="intent"
                  value="signOutDevice"
                  className="button button-secondary button-small"
                >
                  {t("devices.signOut")}
                  <span className="visually-hidden">
                    {" "}
                    {device.device ?? t("devices.unknown")}, {when(device.signedInAt)}
                  </span>
                </button>
              </Form>
            </Cell>
          </tr>
        ))}
      </CardTable>
      {devices.length > 1 ? (
        <Form method="post">
          <button type="submit" name="intent" value="signOutOthers" className="button">
            {t("devices.signOutOthers")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function Passkeys({
  passkeys,
  result,
}: {
  passkeys: ReturnType<typeof useLoaderData<typeof loader>>["passkeys"];
  result: FormResult | undefined;
}) {
  const { t, shortDate, time } = useI18n();
  const inLocale = useLocalePath();
  const revalidator = useRevalidator();
  // The passkey just added, said until the list changes again (a removal says its own).
  const [added, setAdded] = useState<{ name: string; count: number } | null>(null);
  const { unavailable, busy, problem, run } = usePasskeyCeremony();
  const [form] = useSchemaForm(removePasskeySchema, result, { id: "passkeys" });
  const when = (instant: string) => `${shortDate(instant)} ${time(instant)}`;
  const columns = {
    name: t("passkeys.column.name"),
    added: t("passkeys.column.added"),
    lastUsed: t("passkeys.column.lastUsed"),
  };
  return (
    <section className="panel" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">{t("passkeys.title")}</h2>
      <p>{t("passkeys.explain")}</p>
      <FormProblem form={form} summary={t("passkeys.errors.gone")} />
      {passkeys.length ? (
        <CardTable
          columns={[
            { label: columns.name },
            { label: columns.added },
            { label: columns.lastUsed },
            { label: t("attendees.actions"), hidden: true },
          ]}
        >
          {passkeys.map((passkey) => (
            <tr key={passkey.id}>
              <Cell title="rowHeader">{passkey.name}</Cell>
              <Cell label={columns.added}>{when(passkey.createdAt)}</Cell>
              <Cell label={columns.lastUsed}>
                {passkey.lastUsedAt ? when(passkey.lastUsedAt) : t("passkeys.neverUsed")}
              </Cell>
              <Cell actions>
                <Form method="post">
                  <input type="hidden" name="passkey" value={passkey.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="removePasskey"
                    className="button button-secondary button-small"
                  >
                    {t("passkeys.remove")}
                    <span className="visually-hidden">
                      {" "}
                      {passkey.name}, {when(passkey.createdAt)}
                    </span>
                  </button>
                </Form>
              </Cell>
            </tr>
          ))}
        </CardTable>
      ) : (
        <p>
          <strong>{t("passkeys.none")}</strong>
        </p>
      )}
      {unavailable ? (
        <p className="hint">{unavailable}</p>
      ) : (
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() =>
            run(
              () => createPasskey(inLocale("/beheer/mijn-account/passkeys")),
              (answer) => {
                if ("added" in answer) {
                  setAdded({ name: answer.added, count: passkeys.length + 1 });
                  revalidator.revalidate();
                }
              },
            )
          }
        >
          {t("passkeys.add")}
        </button>
      )}
      <FlashNotice
        notice={
          added && added.count === passkeys.length && !problem
            ? { key: "passkeys.added", values: { name: added.name } }
            : null
        }
      />
      {problem ? (
        <p className="error-summary" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

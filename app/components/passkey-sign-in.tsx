import { signInWithPasskey } from "~/web/passkey.client";
import { useI18n, useLocalePath } from "~/web/use-i18n";
import { usePasskeyCeremony } from "~/web/use-passkey";

/**
 * "Sign in with a passkey" on the sign-in page: no address needed, the browser offers the
 * passkeys it has for this site. Needs JavaScript; without it, a line says so.
 */
export function PasskeySignIn({ back }: { back: string }) {
  const { t } = useI18n();
  const inLocale = useLocalePath();
  const { unavailable, busy, problem, run } = usePasskeyCeremony();
  return (
    <section className="panel" aria-labelledby="passkey-sign-in-title">
      <h2 id="passkey-sign-in-title">{t("passkeys.signIn.title")}</h2>
      {unavailable ? (
        <p className="hint">{unavailable}</p>
      ) : (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() =>
            run(
              () => signInWithPasskey(inLocale("/beheer/inloggen/passkey"), back),
              (answer) => {
                if ("to" in answer) window.location.assign(answer.to);
              },
            )
          }
        >
          {t("passkeys.signIn.button")}
        </button>
      )}
      {problem ? (
        <p className="error-summary" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

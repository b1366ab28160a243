import { useEffect, useState } from "react";
import type { MessageKey } from "~/i18n";
import type { PasskeyAnswer } from "~/lib/passkey-form";
import { passkeysSupported } from "./passkey.client";
import { useI18n } from "./use-i18n";

/**
 * A passkey button's state: whether this browser can use passkeys (null until the page's
 * script runs: without JavaScript there are none), whether a ceremony is under way, and what
 * went wrong, in the reader's language.
 */
export function usePasskeyCeremony() {
  const { t } = useI18n();
  const [supported, setSupported] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setSupported(passkeysSupported()), []);
  /** Runs one ceremony; `onDone` gets the answer when it is no refusal. */
  async function run(
    ceremony: () => Promise<PasskeyAnswer>,
    onDone: (answer: PasskeyAnswer) => void,
  ) {
    setBusy(true);
    setProblem(null);
    let answer: PasskeyAnswer;
    try {
      answer = await ceremony();
    } catch {
      answer = { error: "passkeys.errors.failed" };
    }
    setBusy(false);
    if ("error" in answer) setProblem(t(answer.error as MessageKey, answer.values));
    else onDone(answer);
  }
  /** Why there is no button: no script (yet), or a browser without passkeys. */
  const unavailable =
    supported === null ? t("passkeys.needsScript") : supported ? null : t("passkeys.unsupported");
  return { unavailable, busy, problem, run };
}

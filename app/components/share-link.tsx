import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "~/web/use-i18n";

/**
 * The address of an unlisted session, for the organiser to pass on: a read-only field whose
 * text can be selected and copied by hand (without scripts too), and, once scripts run, a
 * button that copies it and says so.
 */
export function ShareLink({ url }: { url: string }) {
  const { t } = useI18n();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [scripted, setScripted] = useState(false);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  useEffect(() => setScripted(true), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      // No clipboard (an insecure page, a refused permission): the text is selected to copy by hand.
      field.current?.select();
      setCopied("no");
    }
  }

  return (
    <div className="share-link">
      <label htmlFor={id}>{t("unlisted.linkLabel")}</label>
      <p className="hint" id={`${id}-hint`}>
        {t("unlisted.linkHint")}
      </p>
      <div className="share-link-row">
        <input
          id={id}
          ref={field}
          type="text"
          readOnly
          value={url}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.currentTarget.select()}
        />
        {scripted ? (
          <button type="button" className="button button-secondary" onClick={copy}>
            {t("unlisted.copy")}
          </button>
        ) : null}
      </div>
      <p className="hint" role="status">
        {copied === "yes" ? t("unlisted.copied") : copied === "no" ? t("unlisted.copyByHand") : ""}
      </p>
    </div>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FilterSelect } from "~/components/filter-select";
import { i18n } from "~/i18n";
import { config } from "~/lib/config.server";
import { LANGUAGE_NAMES } from "~/lib/locale-path";
import { SESSION_KINDS } from "~/lib/session-kinds";
import { embedFilter, embedQuery } from "~/web/embed-filter.server";
import { metaI18n, useI18n } from "~/web/use-i18n";

/**
 * For partners (VOKA, Unizo, the university…): the city's sessions on their own site, as an
 * iframe to copy and paste, with the filters they choose here, or through the public API.
 */
export const meta: MetaFunction = ({ matches }) => {
  const { t } = metaI18n(matches);
  return [
    { title: `${t("partners.title")} · ${t("site.name")}` },
    { name: "description", content: t("partners.intro") },
  ];
};

/** A value as it goes between double quotes in HTML that a partner pastes into their site. */
const attribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export async function loader({ request }: LoaderFunctionArgs) {
  const filter = await embedFilter(new URL(request.url).searchParams);
  const { publicUrl } = config();
  // The iframe's title is read with the embed, in the embed's language.
  const { t } = i18n(filter.language ?? undefined);
  const path = `/embed${embedQuery(filter)}`;
  const src = `${publicUrl}${path}`;
  const title = filter.city ? t("embed.titleCity", { city: filter.city.name }) : t("home.title");
  return {
    cities: filter.cities,
    partners: filter.partners,
    chosen: {
      city: filter.city?.slug ?? "",
      kind: filter.kind ?? "",
      partner: filter.partner?.slug ?? "",
      language: filter.language && filter.language !== "nl-BE" ? filter.language.slice(0, 2) : "",
    },
    preview: path,
    snippet: `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="640" style="border:0" loading="lazy"></iframe>`,
    apiUrl: `${publicUrl}/api/sessions`,
    apiDocument: `${publicUrl}/api/openapi.json`,
  };
}

export default function ForPartners() {
  const { cities, partners, chosen, preview, snippet, apiUrl, apiDocument } =
    useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="wrap page">
      <h1>{t("partners.title")}</h1>
      <p className="lead">{t("partners.intro")}</p>

      <h2>{t("partners.embed.title")}</h2>
      <Form method="get" className="filters" aria-label={t("partners.embed.choose")}>
        <FilterSelect
          id="embed-city"
          name="stad"
          label={t("filter.city")}
          allLabel={t("filter.allCities")}
          value={chosen.city}
          options={cities.map((city) => ({ value: city.slug, label: city.name }))}
        />
        <FilterSelect
          id="embed-kind"
          name="soort"
          label={t("filter.kind")}
          allLabel={t("filter.allKinds")}
          value={chosen.kind}
          options={SESSION_KINDS.map((kind) => ({ value: kind, label: t(`kind.plural.${kind}`) }))}
        />
        <FilterSelect
          id="embed-partner"
          name="partner"
          label={t("partners.embed.partner")}
          allLabel={t("partners.embed.allPartners")}
          value={chosen.partner}
          options={partners.map((partner) => ({ value: partner.slug, label: partner.name }))}
        />
        <FilterSelect
          id="embed-language"
          name="taal"
          label={t("partners.embed.language")}
          allLabel={LANGUAGE_NAMES["nl-BE"]}
          value={chosen.language}
          options={[
            { value: "fr", label: LANGUAGE_NAMES["fr-BE"] },
            { value: "en", label: LANGUAGE_NAMES["en-BE"] },
          ]}
        />
        <button type="submit" className="button">
          {t("partners.embed.make")}
        </button>
      </Form>

      <label htmlFor="embed-snippet">{t("partners.embed.snippet")}</label>
      <textarea id="embed-snippet" className="snippet" readOnly rows={4} value={snippet} />
      <p className="hint">{t("partners.embed.how")}</p>

      <h3>{t("partners.embed.preview")}</h3>
      <iframe
        className="embed-preview"
        src={preview}
        title={t("partners.embed.preview")}
        loading="lazy"
      />

      <h2>{t("partners.api.title")}</h2>
      <p>{t("partners.api.intro")}</p>
      <ul>
        <li>
          <a href={apiUrl}>{apiUrl}</a>
        </li>
        <li>
          <a href={apiDocument}>{t("partners.api.document")}</a>
        </li>
      </ul>
    </div>
  );
}

import { countryName, OTHER_COUNTRIES } from "../../format/labels.ts";
import type { Request } from "../../contract/schemas/request.ts";
import type { Translator } from "../../i18n/dictionary.ts";
import { englishTranslator } from "../../i18n/english.ts";

/**
 * A request has no title of its own: name it by its authority and country in the translator's language, e.g.
 * "Parquet de Bruxelles, Belgium"; a row published as "Other countries" is "An authority in a country not named".
 */
export function requestTitle(
  request: Pick<Request, "authority" | "country">,
  translator: Translator = englishTranslator(),
): string {
  // A row published as "Other countries" (small-count protection) has neither authority nor country.
  if (request.country === OTHER_COUNTRIES) return translator.t("records.title.requestWithheld");
  const country = countryName(request.country, translator.language.tag, translator);
  return request.authority
    ? translator.t("records.title.request", { authority: request.authority, country })
    : translator.t("records.title.requestNoAuthority", { country });
}

import { countryName, OTHER_COUNTRIES } from "../../format/labels.ts";
import type { Request } from "../../contract/schemas/request.ts";

/**
 * A request has no title of its own: name it by its authority and country, e.g. "Parquet de Bruxelles,
 * Belgium"; a row published as "Other countries" is "An authority in a country not named".
 */
export function requestTitle(request: Pick<Request, "authority" | "country">, locale = "en"): string {
  // A row published as "Other countries" (small-count protection) has neither authority nor country.
  if (request.country === OTHER_COUNTRIES) return "An authority in a country not named";
  const country = countryName(request.country, locale);
  return request.authority ? `${request.authority}, ${country}` : `An authority in ${country}`;
}

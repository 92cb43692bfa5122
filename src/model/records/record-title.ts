import { countryName } from "../../format/labels.ts";
import type { Request } from "../../contract/schemas/request.ts";

/** A request has no title of its own: name it by its authority and country, e.g. "Parquet de Bruxelles, Belgium". */
export function requestTitle(request: Pick<Request, "authority" | "country">, locale = "en"): string {
  const country = countryName(request.country, locale);
  return request.authority ? `${request.authority}, ${country}` : `An authority in ${country}`;
}

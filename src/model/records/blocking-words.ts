import type { BlockingEvent } from "../../contract/schemas/blocking-event.ts";
import type { Translator } from "../../i18n/dictionary.ts";
import { englishTranslator } from "../../i18n/english.ts";

/** What a confidence level means, in words readers understand, in the translator's language. */
export function confidenceExplained(
  confidence: BlockingEvent["confidence"],
  translator: Translator = englishTranslator(),
): string {
  return translator.t(`records.confidence.${confidence}`);
}

/** The status of a blocking event as a badge text, in the translator's language; "unknown" never reads as ongoing. */
export function statusText(status: BlockingEvent["status"], translator: Translator = englishTranslator()): string {
  return translator.t(`records.status.${status}`);
}

/** `text` with its percent escapes decoded, or as it is when they do not decode (a stray `%`, half a UTF-8 sequence). */
function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * An evidence link described for readers: OONI measurements named as such, always with the link's domain.
 * Never throws on a URL the validator accepts (a measurement id with a malformed escape is shown as written).
 */
export function describeEvidence(
  url: string,
  translator: Translator = englishTranslator(),
): { text: string; domain: string; kind: "ooni-measurement" | "link" } {
  const parsed = new URL(url);
  const domain = parsed.hostname;
  const measurement = /^\/(?:m|measurement)\/([^/?#]+)/.exec(parsed.pathname);
  if (domain === "explorer.ooni.org" && measurement?.[1])
    return {
      text: translator.t("records.evidence.ooniMeasurement", { id: decodeOrKeep(measurement[1]) }),
      domain,
      kind: "ooni-measurement",
    };
  return { text: url, domain, kind: "link" };
}

/** OONI Explorer's page for an autonomous system, e.g. AS12389. */
export function ooniNetworkUrl(asn: number): string {
  return `https://explorer.ooni.org/as/AS${asn}`;
}

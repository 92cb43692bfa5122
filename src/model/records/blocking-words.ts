import type { BlockingEvent } from "../../contract/schemas/blocking-event.ts";

/** What each confidence level means, in words readers understand. */
export const CONFIDENCE_EXPLAINED: Record<BlockingEvent["confidence"], string> = {
  reported: "Reported by users or the press; we have no measurement that shows it.",
  measured: "Shown by network measurements (for example OONI), which we checked.",
  confirmed: "Measured, and acknowledged by the network operator or the authority that ordered it.",
};

/** The status of a blocking event as a badge text; "unknown" never reads as ongoing. */
export function statusText(status: BlockingEvent["status"]): string {
  return { ongoing: "Ongoing", lifted: "Lifted", partial: "Partly blocked", unknown: "Status unknown" }[status];
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
export function describeEvidence(url: string): { text: string; domain: string; kind: "ooni-measurement" | "link" } {
  const parsed = new URL(url);
  const domain = parsed.hostname;
  const measurement = /^\/(?:m|measurement)\/([^/?#]+)/.exec(parsed.pathname);
  if (domain === "explorer.ooni.org" && measurement?.[1])
    return { text: `OONI measurement ${decodeOrKeep(measurement[1])}`, domain, kind: "ooni-measurement" };
  return { text: url, domain, kind: "link" };
}

/** OONI Explorer's page for an autonomous system, e.g. AS12389. */
export function ooniNetworkUrl(asn: number): string {
  return `https://explorer.ooni.org/as/AS${asn}`;
}

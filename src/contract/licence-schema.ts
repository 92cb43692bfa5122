import { z } from "zod";

/** A licence as the downloads, the data package, CITATION.cff and the /data/ page state it. */
export interface Licence {
  /** SPDX identifier, e.g. `CC-BY-4.0` (https://spdx.org/licenses/). */
  id: string;
  /** Full name, e.g. `Creative Commons Attribution 4.0 International`. */
  name: string;
  /** Address of the licence's text. */
  url: string;
}

/** Open-data licences whose name and address a site need not write out, by SPDX identifier. */
export const KNOWN_LICENCES: Readonly<Record<string, Omit<Licence, "id">>> = {
  "CC-BY-4.0": {
    name: "Creative Commons Attribution 4.0 International",
    url: "https://creativecommons.org/licenses/by/4.0/",
  },
  "CC-BY-SA-4.0": {
    name: "Creative Commons Attribution Share Alike 4.0 International",
    url: "https://creativecommons.org/licenses/by-sa/4.0/",
  },
  "CC0-1.0": {
    name: "Creative Commons Zero v1.0 Universal",
    url: "https://creativecommons.org/publicdomain/zero/1.0/",
  },
  "ODbL-1.0": {
    name: "Open Data Commons Open Database License v1.0",
    url: "https://opendatacommons.org/licenses/odbl/1-0/",
  },
  "ODC-By-1.0": {
    name: "Open Data Commons Attribution License v1.0",
    url: "https://opendatacommons.org/licenses/by/1-0/",
  },
  "PDDL-1.0": {
    name: "Open Data Commons Public Domain Dedication & License 1.0",
    url: "https://opendatacommons.org/licenses/pddl/1-0/",
  },
};

/** The licence of a site that names none: CC BY 4.0, as every Vitrine site had before the key existed. */
export const DEFAULT_LICENCE: Licence = { id: "CC-BY-4.0", ...KNOWN_LICENCES["CC-BY-4.0"]! };

const SPDX_ID = /^[A-Za-z0-9][A-Za-z0-9.+-]*$/;
const NEEDS_NAME = 'an SPDX licence identifier, like "CC-BY-4.0" (https://spdx.org/licenses/)';

/**
 * The licence key of the site config: an SPDX identifier, and for a licence not in `KNOWN_LICENCES` its
 * name and url as well (a known one may override them). Defaults to CC BY 4.0.
 */
export const LicenceSchema = z
  .object(
    {
      id: z.string({ error: NEEDS_NAME }).regex(SPDX_ID, { error: NEEDS_NAME }),
      name: z.string().min(1, { error: "the licence's full name" }).optional(),
      url: z.url({ protocol: /^https?$/, error: "the address of the licence's text" }).optional(),
    },
    { error: 'an object with the licence\'s SPDX id, like { id: "CC-BY-4.0" }' },
  )
  .transform((input, ctx): Licence => {
    const known = KNOWN_LICENCES[input.id];
    const name = input.name ?? known?.name;
    const url = input.url ?? known?.url;
    if (name === undefined || url === undefined) {
      const missing = name === undefined ? "name" : "url";
      const message = `the licence's ${missing}: only ${Object.keys(KNOWN_LICENCES).join(", ")} need nothing but their id`;
      ctx.issues.push({ code: "custom", message, input: input[missing], path: [missing] });
      return z.NEVER;
    }
    return { id: input.id, name, url };
  })
  .prefault({ id: DEFAULT_LICENCE.id });

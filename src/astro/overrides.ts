import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { OVERRIDABLE_COMPONENTS, type OverridableComponent } from "../contract/appearance-schema.ts";
import { configKey, type SiteConfig } from "../contract/site-config-schema.ts";

/**
 * The package's own components (`src/components/`), found from the package root so that this module gives the
 * same folder from its source (`src/astro/`) and from its compiled copy (`lib/astro/`), which are equally deep.
 */
export const COMPONENTS_FOLDER = new URL("../../src/components/", import.meta.url);

/** The file each overridable component renders from: the site's own (`components` in its config) or the package's. */
export function componentFiles(site: SiteConfig, root: string): Record<OverridableComponent, string> {
  const files = OVERRIDABLE_COMPONENTS.map((name) => {
    const own = site.components[name];
    return [name, own ? path.resolve(root, own) : fileURLToPath(new URL(`${name}.astro`, COMPONENTS_FOLDER))];
  });
  return Object.fromEntries(files) as Record<OverridableComponent, string>;
}

/**
 * The files a site config names (components, logo, custom CSS) that are not files of the site in `root`, one
 * line per key in the format of the config's other errors: the key, what was expected and what was found.
 */
export function missingSiteFiles(site: SiteConfig, root: string): string[] {
  const named: [string, string, string][] = [
    ...OVERRIDABLE_COMPONENTS.flatMap((name): [string, string, string][] => {
      const file = site.components[name];
      return file ? [[configKey(["components", name]), file, `the site's own ${name} component`]] : [];
    }),
    ...(site.logo
      ? [[configKey(["logo", "src"]), site.logo.src, "the logo's image file"] as [string, string, string]]
      : []),
    ...site.customCss.map((file, index): [string, string, string] => [
      configKey(["customCss", index]),
      file,
      "a CSS file",
    ]),
  ];
  return named
    .filter(([, file]) => {
      const absolute = path.resolve(root, file);
      return !existsSync(absolute) || !statSync(absolute).isFile();
    })
    .map(
      ([key, file, what]) =>
        `src/site.config.ts: ${key}: ${what}, a file at ${JSON.stringify(file)} from the site's root folder, found no such file`,
    );
}

/** One language a site is published in. */
export interface Language {
  /** BCP 47 tag as the config gives it, e.g. `en-GB`, `ru`: the `lang` of its pages and the locale of its formats. */
  tag: string;
  /** The segment its pages are served under (`ru` for `/ru/…`); `""` for the site's main language, served at `/`. */
  path: string;
  /** Writing direction, from CLDR through `Intl.Locale` (`ar`, `he`, `fa` are `rtl`). */
  dir: "ltr" | "rtl";
  /** The language's name in itself, with a capital where the language writes one: "Русский", "Nederlands". */
  name: string;
  /** Whether it is the site's main language, the one at `/` and the one an untranslated text is shown in. */
  main: boolean;
}

/** What a site's languages are made of in its config. */
export interface LanguageConfig {
  language: string;
  translations: readonly string[];
}

/** The writing direction CLDR gives a language tag. */
export function directionOf(tag: string): "ltr" | "rtl" {
  const locale = new Intl.Locale(tag) as Intl.Locale & {
    getTextInfo?: () => { direction?: string };
    textInfo?: { direction?: string };
  };
  const info = locale.getTextInfo?.() ?? locale.textInfo;
  return info?.direction === "rtl" ? "rtl" : "ltr";
}

/** A language's name in itself, its first letter in upper case as the language writes it at the start of a line. */
export function ownName(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: "language" }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

/** The site's languages, its main one first, then its translations in the config's order. */
export function siteLanguages(config: LanguageConfig): Language[] {
  const language = (tag: string, main: boolean): Language => ({
    tag,
    path: main ? "" : tag.toLowerCase(),
    dir: directionOf(tag),
    name: ownName(tag),
    main,
  });
  return [
    language(config.language, true),
    ...config.translations
      .filter((tag) => tag.toLowerCase() !== config.language.toLowerCase())
      .map((tag) => language(tag, false)),
  ];
}

/**
 * The language of a site-relative path (`ru/blog/x/` → Russian): the language whose segment the path starts with,
 * or the main language. Only the first segment counts, so `countries/ru/` is a page in the main language.
 */
export function languageOfPath(languages: readonly Language[], sitePath: string): Language {
  const first = sitePath.replace(/^\/+/, "").split("/")[0] ?? "";
  const main = languages.find((language) => language.main) ?? languages[0];
  if (!main) throw new Error("A site has at least one language");
  return languages.find((language) => !language.main && language.path === first) ?? main;
}

/** The site-relative path of a page in `language`: `blog/x/` in Russian is `ru/blog/x/`. */
export function localisedPath(language: Pick<Language, "path">, sitePath: string): string {
  const bare = sitePath.replace(/^\/+/, "");
  return language.path === "" ? bare : `${language.path}/${bare}`;
}

/** A site-relative path without its language segment: `ru/blog/x/` → `blog/x/`. */
export function unlocalisedPath(languages: readonly Language[], sitePath: string): string {
  const bare = sitePath.replace(/^\/+/, "");
  const language = languageOfPath(languages, bare);
  return language.main ? bare : bare.slice(language.path.length).replace(/^\/+/, "");
}

/**
 * A language tag as Open Graph's `og:locale` writes it, `language_TERRITORY`: `en-GB` → `en_GB`, and a tag without a
 * region gets the one CLDR likely-subtags gives it (`ru` → `ru_RU`, `fr` → `fr_FR`, `nl` → `nl_NL`). A tag CLDR
 * knows no region for stays its language alone.
 */
export function ogLocale(tag: string): string {
  const locale = new Intl.Locale(tag);
  const region = locale.region ?? locale.maximize().region;
  return region ? `${locale.language}_${region}` : locale.language;
}

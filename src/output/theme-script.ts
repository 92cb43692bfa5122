/** The colour themes a reader can choose explicitly; with no choice the site follows the system setting. */
export const THEMES = ["light", "dark"] as const;

/** An explicit colour theme. */
export type Theme = (typeof THEMES)[number];

/** The `localStorage` key that remembers the reader's explicit theme; absent means "follow the system". */
export const THEME_STORAGE_KEY = "vitrine-theme";

/** Whether a stored value is an explicit theme (anything else, including `null`, means "follow the system"). */
export function isTheme(value: unknown): value is Theme {
  return THEMES.some((theme) => theme === value);
}

/**
 * The synchronous script inlined first in every page's `<head>`: it copies the remembered theme to
 * `<html data-theme>` before the first paint, so a page never flashes in the wrong theme. It does
 * nothing without a stored choice (CSS then follows `prefers-color-scheme`) and survives a
 * `localStorage` that throws (storage disabled). Keep it tiny and byte-stable: a Content-Security-Policy
 * hash is computed over exactly this string.
 */
export const THEME_INIT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(${THEMES.map((theme) => `t===${JSON.stringify(theme)}`).join("||")})document.documentElement.dataset.theme=t}catch(e){}`;

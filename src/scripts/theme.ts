import { isTheme, THEME_STORAGE_KEY, type Theme } from "../output/theme-script.ts";

const systemDark = window.matchMedia("(prefers-color-scheme: dark)");

/** The system's theme, from `prefers-color-scheme`. */
function systemTheme(): Theme {
  return systemDark.matches ? "dark" : "light";
}

/** The explicit choice set on `<html data-theme>` by the head script or by the toggle; `undefined` when following the system. */
function chosenTheme(): Theme | undefined {
  const value = document.documentElement.dataset["theme"];
  return isTheme(value) ? value : undefined;
}

/**
 * Applies and remembers a choice. Choosing the theme the system already uses forgets the choice, so
 * the page goes back to following the system (and its later changes, such as a night mode).
 */
function choose(theme: Theme): void {
  const follow = theme === systemTheme();
  if (follow) delete document.documentElement.dataset["theme"];
  else document.documentElement.dataset["theme"] = theme;
  try {
    if (follow) localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage disabled: the choice still holds for this page.
  }
}

/**
 * The label of the toggle in `theme`: what pressing it will do, never a state the reader has to interpret. The
 * words are the page's, from the button's `data-use-light` and `data-use-dark` (English without them).
 */
export function toggleLabel(
  theme: Theme,
  words: { useLight?: string | undefined; useDark?: string | undefined } = {},
): string {
  return theme === "dark" ? (words.useLight ?? "Use light theme") : (words.useDark ?? "Use dark theme");
}

/**
 * Wires the theme toggle: a button whose label says what pressing it does, "Use light theme" while the
 * dark theme is in effect. Pressing it switches to the other theme. The button ships `hidden`, so readers
 * without JavaScript never see a control that cannot work; they get the system theme through CSS.
 */
export function initThemeToggle(button: HTMLButtonElement): void {
  const sync = (): void => {
    const theme = chosenTheme() ?? systemTheme();
    button.textContent = toggleLabel(theme, {
      useLight: button.dataset["useLight"],
      useDark: button.dataset["useDark"],
    });
    button.dataset["current"] = theme;
  };
  button.addEventListener("click", () => {
    choose((chosenTheme() ?? systemTheme()) === "dark" ? "light" : "dark");
    sync();
  });
  systemDark.addEventListener("change", sync);
  // A choice made in another tab applies here too.
  window.addEventListener("storage", (event) => {
    if (event.key !== THEME_STORAGE_KEY) return;
    if (isTheme(event.newValue)) document.documentElement.dataset["theme"] = event.newValue;
    else delete document.documentElement.dataset["theme"];
    sync();
  });
  sync();
  button.hidden = false;
}

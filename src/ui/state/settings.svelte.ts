/**
 * Page settings: theme (dark, light, high-contrast projector) and font size,
 * kept in localStorage between visits.
 */
import { loadSetting, saveSetting } from '../../platform/storage.ts';

export const THEMES = [
  { id: 'dark', label: 'Dark' },
  { id: 'light', label: 'Light' },
  { id: 'projector', label: 'Projector (high contrast)' },
] as const;
export type Theme = (typeof THEMES)[number]['id'];

export const FONT_MIN = 10;
export const FONT_MAX = 36;
const FONT_DEFAULT = 15;

function initialTheme(): Theme {
  const saved = loadSetting('theme');
  return THEMES.some((t) => t.id === saved) ? (saved as Theme) : 'dark';
}

function initialFont(): number {
  const n = Number(loadSetting('font-size'));
  return Number.isInteger(n) && n >= FONT_MIN && n <= FONT_MAX ? n : FONT_DEFAULT;
}

export class SettingsState {
  #theme = $state<Theme>(initialTheme());
  #fontSize = $state(initialFont());

  get theme(): Theme {
    return this.#theme;
  }

  get fontSize(): number {
    return this.#fontSize;
  }

  setTheme(theme: Theme): void {
    if (!THEMES.some((t) => t.id === theme)) return;
    this.#theme = theme;
    saveSetting('theme', theme);
  }

  /** Changes the font size by `step` points, within FONT_MIN..FONT_MAX. */
  changeFont(step: number): void {
    this.#fontSize = Math.max(FONT_MIN, Math.min(FONT_MAX, this.#fontSize + step));
    saveSetting('font-size', String(this.#fontSize));
  }
}

/** xterm colours for each page theme (the page's own colours are in app.css). */
import type { TerminalTheme } from '../../terminal/xterm-addon.ts';
import type { Theme } from '../state/settings.svelte.ts';

const THEMES: Record<Theme, TerminalTheme> = {
  dark: {
    background: '#101418',
    foreground: '#e4e7eb',
    cursor: '#ffd75f',
    cursorAccent: '#101418',
    selectionBackground: '#3b5068',
  },
  light: {
    background: '#fbfbf8',
    foreground: '#1b1f23',
    cursor: '#1b1f23',
    cursorAccent: '#fbfbf8',
    selectionBackground: '#b7d3f2',
    // The default ANSI yellow and white are unreadable on a light background.
    yellow: '#7a5d00',
    brightYellow: '#8a6a00',
    white: '#4a4a4a',
    brightWhite: '#2a2a2a',
  },
  projector: {
    background: '#000000',
    foreground: '#ffffff',
    cursor: '#ffff00',
    cursorAccent: '#000000',
    selectionBackground: '#ffff00',
    selectionForeground: '#000000',
    blue: '#6cb6ff',
    brightBlue: '#9ccfff',
  },
};

export function terminalTheme(theme: Theme): TerminalTheme {
  return THEMES[theme];
}

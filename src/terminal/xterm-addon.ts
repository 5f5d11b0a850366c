/**
 * The one file that imports xterm.js. It connects an xterm Terminal to a
 * LineDiscipline, the way xterm-pty's addon does:
 *
 *   keyboard ─► xterm onData ─► ld.input()        ld output ─► terminal.write()
 *   terminal resize ─► ld.columns
 *
 * `createTerminal` builds the Terminal the page shows: screen-reader mode on
 * (the text is in the accessibility tree), fitted to its box, bracketed paste
 * enabled so a pasted script arrives as one literal block.
 */
import { Terminal, type ITerminalAddon, type IDisposable, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { LineDiscipline } from './line-discipline.ts';

export type TerminalTheme = ITheme;

export class LineDisciplineAddon implements ITerminalAddon {
  readonly #ld: LineDiscipline;
  #subscriptions: IDisposable[] = [];

  constructor(ld: LineDiscipline) {
    this.#ld = ld;
  }

  activate(terminal: Terminal): void {
    terminal.options.screenReaderMode = true;
    this.#ld.onOutput = (text) => terminal.write(text);
    this.#ld.columns = terminal.cols;
    this.#subscriptions = [
      terminal.onData((data) => this.#ld.input(data)),
      terminal.onResize(({ cols }) => (this.#ld.columns = cols)),
    ];
    // Ask xterm to bracket pastes (ESC[200~ ... ESC[201~), as bash does.
    terminal.write('\x1b[?2004h');
  }

  dispose(): void {
    for (const s of this.#subscriptions) s.dispose();
    this.#subscriptions = [];
    this.#ld.onOutput = () => {};
  }
}

export interface TerminalViewOptions {
  fontSize: number;
  theme: TerminalTheme;
  /** Accessible name of the terminal's input (xterm's hidden textarea). */
  label: string;
}

/** The page's handle on its terminal. */
export interface TerminalHandle {
  attach(ld: LineDiscipline): void;
  setAppearance(fontSize: number, theme: TerminalTheme): void;
  fit(): void;
  focus(): void;
  /** Clears the screen and scrollback (a new session starts). */
  reset(): void;
  dispose(): void;
}

const FONT = 'ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace';

export function createTerminal(parent: HTMLElement, opts: TerminalViewOptions): TerminalHandle {
  const terminal = new Terminal({
    screenReaderMode: true,
    fontFamily: FONT,
    fontSize: opts.fontSize,
    theme: opts.theme,
    cursorBlink: true,
    scrollback: 5000,
    allowProposedApi: false,
  });
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  // Keyboard users leave the terminal with Esc then Tab (Tab alone completes).
  let escape = false;
  terminal.attachCustomKeyEventHandler((ev) => {
    if (ev.type !== 'keydown') return true;
    if (ev.key === 'Tab' && escape && !ev.ctrlKey && !ev.altKey && !ev.metaKey) {
      escape = false;
      return false;
    }
    escape = ev.key === 'Escape';
    return true;
  });
  terminal.open(parent);
  const textarea = parent.querySelector('textarea');
  textarea?.setAttribute('aria-label', opts.label);
  fit.fit();
  let addon: LineDisciplineAddon | null = null;
  return {
    attach(ld) {
      addon?.dispose();
      addon = new LineDisciplineAddon(ld);
      terminal.loadAddon(addon);
    },
    setAppearance(fontSize, theme) {
      terminal.options.fontSize = fontSize;
      terminal.options.theme = theme;
      fit.fit();
    },
    fit() {
      try {
        fit.fit();
      } catch {
        // Not laid out yet (hidden): the next resize fits it.
      }
    },
    focus: () => terminal.focus(),
    reset() {
      terminal.reset();
      terminal.write('\x1b[?2004h');
    },
    dispose() {
      addon?.dispose();
      terminal.dispose();
    },
  };
}

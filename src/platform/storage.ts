/**
 * Small settings kept in localStorage. Storage may be missing or refuse
 * (private windows, file://, quota): reads then give the fallback and writes
 * are dropped, never an exception.
 */
const PREFIX = 'starttls-lab:';

export function loadSetting(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(PREFIX + key) ?? null;
  } catch {
    return null;
  }
}

export function saveSetting(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(PREFIX + key, value);
  } catch {
    // Not persisted; the setting still applies to this page.
  }
}

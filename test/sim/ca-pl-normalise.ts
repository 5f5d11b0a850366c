/**
 * What changes from one OpenSSL run to the next, made equal for comparing
 * the lab's screen with a real capture: serials, key identifiers and other
 * colon hex, dates, index.txt times, the progress dots of key generation,
 * the thread id that starts each error line.
 */
export function normalise(text: string): string {
  return text
    .replace(/\r/g, '')
    .split('\n')
    .filter((l) => !/^[.+*]+$/.test(l))
    .join('\n')
    .replace(/([0-9a-fA-F]{2}:){4,}[0-9a-fA-F]{2}/g, 'HEX')
    .replace(/[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT/g, 'DATE')
    .replace(/\b\d{12}Z\b/g, 'UTCTIME')
    .replace(/\b[0-9A-F]{40}\b/g, 'SERIAL')
    .replace(/^[0-9A-F]{16}:error:/gm, 'THREAD:error:');
}

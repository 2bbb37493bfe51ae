/**
 * Sorts text by code point: the same order on every machine. localeCompare
 * follows the ICU locale of the process, so generated files could come out
 * in another order elsewhere (and setting up its collator is slow).
 */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first line of every generated file: what made it, from what, and not to edit it. */
export function banner(source: string, remedy = 'change the schema and run npm run generate'): string {
  return `generated — do not edit: made by balena-charts from ${source}; ${remedy}`;
}

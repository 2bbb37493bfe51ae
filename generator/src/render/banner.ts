/** The first line of every generated file: what made it, from what, and not to edit it. */
export function banner(source: string, remedy: string): string {
  return `generated — do not edit: made by balena-charts from ${source}; ${remedy}`;
}

/** What to do instead of editing a generated file, with the command the project runs to generate (its config's `generateCommand`). */
export function regenerate(generateCommand: string): string {
  return `change the schema and run ${generateCommand}`;
}

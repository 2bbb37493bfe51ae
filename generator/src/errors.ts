/** Every problem the generator reports, with where it is. */
export type ErrorCode =
  | 'SCHEMA_UNREADABLE'
  | 'SCHEMA_PARSE'
  | 'SCHEMA_INVALID'
  | 'REF_UNRESOLVED'
  | 'DEFAULT_INVALID'
  | 'DESCRIPTION_MISSING'
  | 'CHART_METADATA'
  | 'PARTIAL_MISSING'
  | 'DASHBOARD_INVALID'
  | 'TEMPLATE_FAILED'
  | 'VALUES_INVALID'
  | 'TERRAFORM_OUTPUT'
  | 'CONFIG_INVALID'
  | 'VALUE_UNDEFINED'
  | 'VALUE_UNREAD'
  | 'RULE_FAILED'
  | 'BUILD_STALE'
  | 'USAGE';

export interface Problem {
  code: ErrorCode;
  /** File the problem is in, relative to the project root where possible. */
  file: string;
  /** JSON pointer inside that file ('' for the whole document). */
  pointer: string;
  message: string;
  /** The chart the problem belongs to, where there is one: problems are listed chart by chart. */
  chart?: string;
}

/** Thrown by any stage; carries every problem found so they are reported once. */
export class GeneratorError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'GeneratorError';
    this.problems = problems;
  }
}

/** One line per problem: `file#/pointer: message [CODE]`. */
export function formatProblem(problem: Problem): string {
  const where = problem.pointer === '' ? problem.file : `${problem.file}#${problem.pointer}`;
  return `${where}: ${problem.message} [${problem.code}]`;
}

/**
 * Every problem on a line of its own, chart by chart (problems of no chart
 * first); a heading names each chart when more than one has problems.
 */
export function formatProblems(problems: readonly Problem[]): string {
  const groups = new Map<string, Problem[]>();
  for (const problem of problems) {
    const key = problem.chart ?? chartOfFile(problem.file);
    groups.set(key, [...(groups.get(key) ?? []), problem]);
  }
  const ordered = [...groups].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  if (ordered.length === 1) return problems.map(formatProblem).join('\n');
  return ordered
    .flatMap(([chart, group]) => [...(chart === '' ? [] : [`chart ${chart}: ${group.length} problem${group.length === 1 ? '' : 's'}`]), ...group.map(formatProblem)])
    .join('\n');
}

/** A chart schema (`schemas/api.schema.json`) names its chart; a shared definition names none. */
function chartOfFile(file: string): string {
  if (/(^|\/)defs\//.test(file)) return '';
  return /(?:^|\/)([a-z][a-z0-9-]*)\.schema\.json$/.exec(file)?.[1] ?? '';
}

export function fail(code: ErrorCode, file: string, pointer: string, message: string): never {
  throw new GeneratorError([{ code, file, pointer, message }]);
}

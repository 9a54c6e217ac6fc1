/** The error that stops a build because of the content, with every problem on its own line. */
export class ContentError extends Error {
  /** One `file:line: field: message` line per problem. */
  readonly problems: string[];

  constructor(summary: string, problems: string[]) {
    super(`${summary}\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** The ContentError an Eleventy error wraps, if any: Eleventy nests the original error in `cause` or `originalError`. */
export function findContentError(error: unknown): ContentError | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    if (current instanceof ContentError || (current as Error).name === 'ContentError') return current as ContentError;
    seen.add(current);
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return undefined;
}

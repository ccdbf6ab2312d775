/** What is wrong with one field, named by its path (`targetedRules[1].threshold`). */
export interface Issue {
  field: string;
  problem: string;
}

/**
 * An error a person can act on, from any lib: a stable code (mapped to an HTTP status in one table in
 * `libs/http`), a message in words, and the fields at fault. No framework.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** The issues as `{field: problem}`, the shape of the error body's `errors`; undefined when there are none. */
  get fieldErrors(): Record<string, string> | undefined {
    return this.issues.length > 0 ? issuesByField(this.issues) : undefined;
  }
}

/** `{field: problem}` from issues, each field under `prefix` when given; the first problem of a field wins. */
export function issuesByField(issues: readonly Issue[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, problem } of issues) {
    const path = prefix && field ? `${prefix}.${field}` : prefix || field;
    if (!(path in out)) out[path] = problem;
  }
  return out;
}

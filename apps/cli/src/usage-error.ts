/** A problem with how the command was called: reported with the usage text, exit code 2. */
export class UsageError extends Error {}

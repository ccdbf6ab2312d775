/** A JSON object of scalar values: what job payloads and audit details hold. */
export type FlatJson = Record<string, string | number | boolean | null>;

import { ValueTransformer } from 'typeorm';

/** PostgreSQL returns numeric as a string (it may not fit a double); our scores do fit. */
export const NUMERIC_AS_NUMBER: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

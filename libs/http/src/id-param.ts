import { Param, ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

/** `:id` route parameter that must be a UUID; otherwise a 422 naming it. */
export const IdParam = (name = 'id') => Param(name, new ParseUUIDPipe({ exceptionFactory: () => DomainError.validation({ [name]: 'must be a UUID' }) }));

/** The largest value a PostgreSQL `integer` column holds. */
export const MAX_INT32 = 2_147_483_647;

/** A route parameter that must be a whole number from 1 to 2^31−1 (an `integer` column); otherwise a 422 naming it. */
export const PositiveIntParam = (name: string) =>
  Param(name, new ParseIntPipe({ exceptionFactory: () => DomainError.validation({ [name]: `must be a whole number from 1 to ${MAX_INT32}` }) }), {
    transform(value: number) {
      if (value < 1 || value > MAX_INT32) throw DomainError.validation({ [name]: `must be a whole number from 1 to ${MAX_INT32}` });
      return value;
    },
  });

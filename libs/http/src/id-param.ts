import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

/** `:id` route parameter that must be a UUID; otherwise a 422 naming it. */
export const IdParam = (name = 'id') =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => DomainError.validation({ [name]: 'must be a UUID' }) }));

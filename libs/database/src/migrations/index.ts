import { Foundation1795857897469 } from './1795857897469-Foundation';

/** Every migration, in order. A new migration is added here as well as in its own file. */
export const MIGRATIONS = [Foundation1795857897469];

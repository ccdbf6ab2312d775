import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

/** Flattens class-validator errors into `{ 'a.b': 'problem; problem' }`. */
export function describeValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) out[path] = Object.values(error.constraints).join('; ');
    if (error.children?.length) Object.assign(out, describeValidationErrors(error.children, path));
  }
  return out;
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Input no route accepts whatever its schema: text holding a NUL character (PostgreSQL cannot store
 * it in text columns and no person types it) and keys that reach object prototypes:
 * `{ 'a.b': 'must not contain NUL characters' }`.
 */
export function findUnsafeInput(value: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (v: unknown, path: string, depth: number) => {
    if (typeof v === 'string') {
      if (v.includes('\u0000')) out[path || 'body'] = 'must not contain NUL characters';
    } else if (v && typeof v === 'object' && depth < 32) {
      for (const [key, child] of Object.entries(v)) {
        const at = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) out[path || 'body'] = 'must not contain NUL characters in its keys';
        else if (PROTOTYPE_KEYS.has(key)) out[at] = 'is not a field any route accepts';
        else visit(child, at, depth + 1);
      }
    }
  };
  visit(value, prefix, 0);
  return out;
}

class CallgradeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const unsafe = findUnsafeInput(value, metadata.type === 'param' || metadata.type === 'custom' ? (metadata.data ?? '') : '');
    if (Object.keys(unsafe).length) throw DomainError.validation(unsafe);
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new CallgradeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => DomainError.validation(describeValidationErrors(errors)),
  });
}

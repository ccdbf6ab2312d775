export * from './configure-app';
export * from './domain-error';
export * from './error-response.filter';
export * from './validation.pipe';
export * from './id-param';

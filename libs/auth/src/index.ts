export * from './access.decorators';
export * from './api-key-secret';
export * from './auth.module';
export * from './credentials.service';
export * from './password-hasher';
export * from './principal';

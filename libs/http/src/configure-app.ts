import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { ErrorResponseFilter } from './error-response.filter';
import { createValidationPipe } from './validation.pipe';

export const API_PREFIX = 'api/v1';

export interface HttpSecurityOptions {
  /** Origins browsers may call the API from (CORS); empty: same origin only. */
  corsOrigins: string[];
  /** Serve the OpenAPI UI and document. */
  apiDocs: boolean;
}

/** The HTTP set-up every app (and every end-to-end test) shares. */
export function configureApp(app: INestApplication, options: { title: string; security: HttpSecurityOptions }): INestApplication {
  const { corsOrigins, apiDocs } = options.security;
  // Security headers (CSP, nosniff, frame-ancestors, HSTS...) and no X-Powered-By.
  app.use(helmet({ contentSecurityPolicy: { directives: { 'frame-ancestors': ["'none'"] } } }));
  (app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void }).disable?.('x-powered-by');
  app.enableCors({ origin: corsOrigins.length ? corsOrigins : false, credentials: true });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorResponseFilter());
  app.enableShutdownHooks();
  if (!apiDocs) return app;
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription('Callgrade: transcription, auto-scoring and review of contact-centre calls')
      .setVersion('1')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

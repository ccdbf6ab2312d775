import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
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
  app.use(refuseUnreadableBodies);
  answerMalformedRequestsInJson(app);
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

/**
 * A body the API cannot read (text/plain, a form) would otherwise reach the route as `{}` and, for a
 * route whose fields are all optional, change things the client never asked for: 415 instead.
 */
function refuseUnreadableBodies(req: Request, res: Response, next: NextFunction) {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody || !['POST', 'PUT', 'PATCH'].includes(req.method) || req.is(['application/json', 'multipart/form-data'])) return next();
  res.status(415).json({
    statusCode: 415,
    code: 'unsupported_media_type',
    message: 'Send the body as application/json (uploads: multipart/form-data)',
    errors: { body: 'must be application/json' },
  });
}

/** Requests Node's HTTP parser refuses (oversized headers, garbage) get the JSON error body too. */
function answerMalformedRequestsInJson(app: INestApplication) {
  const server = app.getHttpServer() as Server;
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    if (!socket.writable) return socket.destroy();
    const [status, message] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'The request headers are too large'] : [400, 'The request is not valid HTTP'];
    const body = JSON.stringify({ statusCode: status, code: status === 431 ? 'headers_too_large' : 'bad_request', message });
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

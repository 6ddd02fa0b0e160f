import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { documentCommonErrors, ErrorEnvelopeDto } from './common/api-errors.decorator';
import { refusal } from './common/errors';
import { jsonTextProblem, routeKeyBudgets } from './common/route-key-budgets';
import { bodyError } from './common/error-envelope';
import { drainRefusedBody } from './common/lingering-read';
import { NO_BODY } from './common/validation';
import { AppConfig } from './config/app-config';
import { validateEnvironment } from './config/environment';
import { registerFormBodyParser } from './web/form-body';

const SAFE_REQUEST_ID = /^[\w.:-]{1,100}$/;

/** Reuses a caller's `x-request-id` when it is sane, else makes one. */
function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** The OpenAPI document's description: what the API is for, and the order of a conference's steps. */
const API_DESCRIPTION = [
  'Conferences, bridge points (điểm cầu), delegates (đại biểu), invitations, awards (khen thưởng) and minutes (biên bản).',
  '',
  'A conference, step by step:',
  '1. `POST /api/conferences` creates it as a draft.',
  '2. `POST /api/conferences/{id}/bridge-points` with `isMain: true` adds the main bridge point (điểm cầu chính).',
  '3. `POST /api/conferences/{id}/publish`.',
  '4. `POST /api/conferences/{id}/bridge-points` with `{ "administrativeUnitSet": "vn-34" }` connects every province (add `"level": "commune"` for communes).',
  '5. `POST /api/conferences/{id}/bridge-points/contacts/import` gives the points their contacts; `POST /api/conferences/{id}/bridge-points/links` with `{ "send": true }` mails each point its confirmation link.',
  '6. `POST /api/conferences/{id}/attendees` (or `/attendees/import`), then `POST /api/conferences/{id}/invitations` sends the invitations with their calendar invites.',
  '7. From CHECKIN_OPENS_MINUTES (default 120) before the start: check-in (`/attendees/check-in`), headcount reports (`/bridge-points/{bpId}/attendance`), `start`, then `complete`.',
  '8. `POST /api/conferences/{id}/minutes` drafts the minutes from the data; edit, then `/minutes/approve`; award decisions and their list, action items and the conclusion notice follow.',
].join('\n');

/**
 * Builds the application (shared by `main.ts`, the seed command and the e2e tests); does not listen.
 * `shutdownHooks: false` leaves SIGTERM to the caller (main.ts, which stops its worker process too).
 */
export async function createApp(options: { shutdownHooks?: boolean } = {}): Promise<NestFastifyApplication> {
  // Importing AppModule has loaded config/*.env into the environment, so this sees the same values.
  const config = new AppConfig(validateEnvironment(process.env));
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    routerOptions: { maxParamLength: 500 },
    genReqId: requestId,
    trustProxy: config.trustProxy,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  if (options.shutdownHooks !== false) app.enableShutdownHooks();

  // The request id is in every log line of the request (pino) and in the answer.
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });

  // A body refused as too large before it was read is read and dropped (bounded) before the 413
  // goes out, so that a client still sending it gets the answer rather than a reset connection.
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode === 413) await drainRefusedBody(request.raw);
    return payload;
  });

  // Fastify's JSON parser (which refuses `__proto__` keys) with its errors in the envelope's terms.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  // A body with more keys than its route's DTO can hold, or absurdly deep, is refused from its text, before it is parsed.
  const keyBudgets = routeKeyBudgets(app.get(ModulesContainer));
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const problem = jsonTextProblem(body as string, keyBudgets.of(request.method, request.routeOptions?.url));
    if (problem) {
      done(refusal(problem.status, [problem.detail]), undefined);
      return;
    }
    parseJson(request, body as string, (error, value) => (error ? done(bodyError(error), undefined) : done(null, value)));
  });
  registerFormBodyParser(fastify);
  // A request that sends no body at all (`curl -X POST`: no content type, no length) is marked,
  // so the validation pipe can read it as {} where every field is optional; a JSON `null`, an
  // empty JSON text or another content type stays a wrong body.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const sends = request.method === 'POST' || request.method === 'PUT' || request.method === 'PATCH';
    if (sends && request.body === undefined && !request.headers['content-type'] && !Number(request.headers['content-length'] ?? 0)) {
      request.body = NO_BODY;
    }
    done();
  });

  // Security headers, computed once: @fastify/helmet rebuilt its middleware on every request,
  // which cost a sixth of a simple read's time.
  // Served over plain HTTP (an intranet address), a browser told to upgrade every request to
  // https loads no stylesheet or script and the pages break: upgrade and HSTS only over https.
  const https = new URL(config.publicBaseUrl).protocol === 'https:';
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    strictTransportSecurity: https,
  });
  fastify.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined)),
  );

  const document = documentCommonErrors(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Hội nghị API')
        .setDescription(API_DESCRIPTION)
        .setVersion('0.1.0')
        .addBearerAuth()
        .build(),
      { extraModels: [ErrorEnvelopeDto] },
    ),
    (method, path) => method === 'post' && path === '/api/auth/login',
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}

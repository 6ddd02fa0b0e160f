import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorEnvelope } from './error-envelope';
import { maskTokens } from './log-redaction';

/** Gives every error the envelope; logs the unexpected ones with the request id, leaking nothing. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(@InjectPinoLogger(AllExceptionsFilter.name) private readonly logger: PinoLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { envelope, unexpected } = toErrorEnvelope(exception);
    if (unexpected) {
      this.logger.error({ err: exception, reqId: request.id, url: maskTokens(request.url) }, 'unexpected error');
    }
    void reply.status(envelope.statusCode).header('content-type', 'application/json; charset=utf-8').send(envelope);
  }
}

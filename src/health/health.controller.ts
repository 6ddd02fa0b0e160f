import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-errors.decorator';
import { unavailable } from '../common/errors';

const indicators = (description: string) => ({
  type: 'object',
  description,
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['up', 'down'], description: 'up: the dependency answers' } },
  },
  example: { database: { status: 'up' } },
});

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  /** 200 while the database answers, 503 when it does not. */
  @Public()
  @Get()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Check readiness',
    description:
      'Answers 200 while the database answers a ping within 3 seconds, 503 when it does not; for load balancers and monitoring. ' +
      'No token is needed, and the answer is never cached.',
  })
  @ApiOkResponse({
    description: 'the database answers',
    schema: {
      type: 'object',
      required: ['status', 'info', 'error', 'details'],
      properties: {
        status: { type: 'string', enum: ['ok'], description: 'ok: every check passed' },
        info: indicators('the checks that passed, by name'),
        error: indicators('the checks that failed, by name (empty here)'),
        details: indicators('every check, by name'),
      },
    },
  })
  @ApiErrors({ 503: 'the database does not answer (database_unavailable)' })
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: 3000 })]);
    } catch (error) {
      // Terminus answers a failed check with its own 503; anything else is a bug and stays one.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      throw unavailable('database', 'database_unavailable', 'Cơ sở dữ liệu không phản hồi; hệ thống tạm thời chưa phục vụ được.');
    }
  }

  /** Liveness: answers as long as the process serves HTTP, touching nothing else. */
  @Public()
  @Get('live')
  @ApiOperation({
    summary: 'Check liveness',
    description: 'Answers 200 as long as the process serves HTTP, touching nothing else (not the database). No token is needed.',
  })
  @ApiOkResponse({
    description: 'the process serves HTTP',
    schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'], description: 'always ok' } } },
  })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

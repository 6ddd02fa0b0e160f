import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public, Roles } from '../auth/auth.decorators';
import { Role } from '../auth/role';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { ConsoleGuard } from './console.guard';

/**
 * A controller of console screens under `path`: left out of the API document, signed in by the
 * console's cookie (not a bearer token: ConsoleGuard, with the CSRF check on every post), errors
 * answered as console pages, and open to `roles` unless a route says otherwise.
 */
export function ConsoleScreens(path: string, ...roles: Role[]): ClassDecorator {
  return applyDecorators(
    ApiExcludeController(),
    Public(),
    UseGuards(ConsoleGuard),
    UseFilters(ConsoleExceptionFilter),
    ...(roles.length > 0 ? [Roles(...roles)] : []),
    Controller(path),
  );
}

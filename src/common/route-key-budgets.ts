import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { bodyKeyBudget, MIN_BODY_KEYS, tooManyKeys } from './body-keys';
import { MAX_BODY_DEPTH, ShapeProblem, tooDeep } from './validation';

export interface RouteKeyBudgets {
  /** The most object keys a JSON body of `METHOD /route/:param` may hold. */
  of(method: string, route: string | undefined): number;
}

const paths = (value: unknown): string[] => (Array.isArray(value) ? value : [value ?? '']).map(String);
const join = (...parts: string[]) => '/' + parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');

/**
 * Each JSON route's key budget (bodyKeyBudget of its @Body() DTO), read once from the
 * controllers, so that the JSON parser can refuse a body with too many keys by counting colons in
 * its text (a few ms for 60,000 keys) instead of parsing it first (several times that, on the
 * thread every request shares). A route whose body has no DTO class (read as `unknown` and
 * validated by the route against one of several DTOs) gets the largest budget of the app.
 */
export function routeKeyBudgets(modules: ModulesContainer): RouteKeyBudgets {
  const budgets = new Map<string, number>();
  const untyped: string[] = [];
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type || typeof type !== 'function') continue;
      const prototype = type.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, name) ?? {}) as Record<string, { index: number }>;
        const body = Object.entries(args).find(([key]) => key.split(':')[0] === String(RouteParamtypes.BODY));
        const paramTypes = (Reflect.getMetadata('design:paramtypes', prototype, name) ?? []) as unknown[];
        const dto = body ? paramTypes[body[1].index] : undefined;
        for (const base of paths(Reflect.getMetadata(PATH_METADATA, type))) {
          for (const own of paths(Reflect.getMetadata(PATH_METADATA, handler))) {
            const key = `${RequestMethod[method]} ${join(base, own)}`;
            if (body && (dto === Object || dto === undefined)) untyped.push(key);
            else budgets.set(key, bodyKeyBudget(dto));
          }
        }
      }
    }
  }
  const largest = Math.max(MIN_BODY_KEYS, ...budgets.values());
  for (const key of untyped) budgets.set(key, largest);
  return { of: (method, route) => budgets.get(`${method} ${route ?? ''}`) ?? MIN_BODY_KEYS };
}

/** Nesting this deep is refused from the text, naming only the body; shallower, the validator names the field. */
export const UNPARSED_DEPTH_LIMIT = MAX_BODY_DEPTH * 4;

/**
 * What parsing a JSON text would cost too much for: more object keys than `keyBudget` (counted
 * as the colons outside strings: a few ms for 60,000 keys, against several times that to parse
 * them on the thread every request shares) or nesting deeper than UNPARSED_DEPTH_LIMIT (a
 * megabyte of `[` took 120 ms to parse). Whichever comes first in the text is the answer. A body
 * between MAX_BODY_DEPTH and UNPARSED_DEPTH_LIMIT deep is parsed, so that the validator can name
 * the field where it goes too deep.
 */
export function jsonTextProblem(text: string, keyBudget: number): ShapeProblem | null {
  let keys = 0;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x3a) {
      if (++keys > keyBudget) return { status: 413, detail: tooManyKeys(keyBudget) };
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > UNPARSED_DEPTH_LIMIT) return { status: 400, detail: tooDeep('body') };
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return null;
}

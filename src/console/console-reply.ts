import { FastifyReply } from 'fastify';
import { PageResult, sendPage } from '../web/page-result';

/** A console page or redirect, with the cookies it sets. */
export type ConsoleResult = PageResult & { cookies?: string[] };

/** Sends a console answer: never cached (pages are per person), cookies first. */
export function sendConsole(reply: FastifyReply, result: ConsoleResult): void {
  if (result.cookies && result.cookies.length > 0) void reply.header('set-cookie', result.cookies);
  sendPage(reply, result);
}

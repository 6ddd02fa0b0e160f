import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';

const NOT_FOUND = {
  statusCode: 404,
  error: 'Not Found',
  message: 'Tiến trình nền (worker) chỉ trả lời /health và /health/live.',
  details: [{ field: 'path', code: 'route_not_found', message: 'Tiến trình nền (worker) chỉ trả lời /health và /health/live.' }],
};
const UNAVAILABLE = {
  statusCode: 503,
  error: 'Service Unavailable',
  message: 'Cơ sở dữ liệu không phản hồi; hệ thống tạm thời chưa phục vụ được.',
  details: [{ field: 'database', code: 'database_unavailable', message: 'Cơ sở dữ liệu không phản hồi; hệ thống tạm thời chưa phục vụ được.' }],
};

/**
 * The worker's only HTTP: `/health` (200 while the database answers a ping within 3 s, 503
 * otherwise) and `/health/live`, for a process manager or an orchestrator. Every other path
 * answers 404: the worker serves no API.
 */
export async function listenForHealth(dataSource: DataSource, port: number, host: string): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      response.end(JSON.stringify(body));
    };
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(404, NOT_FOUND);
    if (path === '/health/live') return answer(200, { status: 'ok', role: 'worker' });
    if (path !== '/health') return answer(404, NOT_FOUND);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 3000)));
    Promise.race([dataSource.query('SELECT 1'), timeout]).then(
      () => answer(200, { status: 'ok', role: 'worker', info: { database: { status: 'up' } } }),
      () => answer(503, UNAVAILABLE),
    ).finally(() => clearTimeout(timer));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}

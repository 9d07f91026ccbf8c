import { request } from 'node:http';

/** An answer as the tests read it. */
export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
  json(): { error?: { code: string; zh: string; en: string } } & Record<string, unknown>;
}

/**
 * A raw HTTP request to 127.0.0.1:`port`, with exactly the headers given (fetch would add its
 * own and refuses to send some, such as Host): `host` defaults to the server's own.
 */
export function send(
  port: number,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: () => JSON.parse(body.toString('utf8')),
          });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A change as the editor page sends it: JSON, from the page's own origin. */
export function sendJson(
  port: number,
  method: 'PUT' | 'POST',
  path: string,
  value: unknown,
): Promise<Answer> {
  return send(port, method, path, {
    headers: { origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' },
    body: JSON.stringify(value),
  });
}

/**
 * One HTTP request with its target sent as written, byte for byte (fetch and
 * http.request would normalise or refuse it), and the answer's status and body.
 */
import net from 'node:net';

/** Sends `METHOD target HTTP/1.1` to `base` (`http://127.0.0.1:8080/`) and reads the answer until the server closes. */
export function rawRequest(base: string, target: string, method = 'GET'): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let answer = Buffer.alloc(0);
    socket.on('data', (chunk) => (answer = Buffer.concat([answer, chunk])));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = answer.toString('latin1');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    socket.write(
      Buffer.concat([
        Buffer.from(`${method} `),
        Buffer.from(target, 'latin1'),
        Buffer.from(' HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'),
      ]),
    );
  });
}

import { connect } from 'node:net';

/**
 * Posts `totalBytes` of filler to `url` over a bare socket, the way an attacker's script would —
 * declaring the length up front or streaming it chunked — reading whatever the server answers while
 * it writes, and stopping once an answer has come or the server cut the connection. `bytesSent` is
 * how much went out before that: far less than the whole body when the server refused early.
 */
export function postFiller(
  url: string,
  {
    totalBytes,
    declareLength,
    contentType = 'application/x-www-form-urlencoded',
  }: { totalBytes: number; declareLength: boolean; contentType?: string },
): Promise<{ status: number; body: string; bytesSent: number }> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let received = '';
    let bytesSent = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      const body = received.split('\r\n\r\n').slice(1).join('\r\n\r\n');
      resolve({ status, body, bytesSent });
    };
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => {
      received += text;
      // A complete answer with a length, or the end of the headers of a refusal: enough to judge.
      if (/\r\n\r\n/.test(received) && /content-length: (\d+)/i.test(received)) {
        const length = Number(/content-length: (\d+)/i.exec(received)![1]);
        if (Buffer.byteLength(received.split('\r\n\r\n').slice(1).join('\r\n\r\n')) >= length) finish();
      }
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('connect', () => {
      socket.write(
        [
          `POST ${pathname} HTTP/1.1`,
          `Host: ${hostname}:${port}`,
          `Content-Type: ${contentType}`,
          declareLength ? `Content-Length: ${totalBytes}` : 'Transfer-Encoding: chunked',
          '',
          '',
        ].join('\r\n'),
      );
      const pump = () => {
        while (!done && bytesSent < totalBytes) {
          const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - bytesSent));
          bytesSent += piece.length;
          const framed = declareLength
            ? piece
            : Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]);
          if (!socket.write(framed)) return void socket.once('drain', pump);
        }
        if (!done && !declareLength) socket.write('0\r\n\r\n');
      };
      pump();
    });
  });
}

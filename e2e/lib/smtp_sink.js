// A loopback SMTP server that keeps every message it is given (no TLS, no auth): the e2e
// journeys read what Tashil mails, as its users would, without weakening the server.
import { createServer } from 'node:net';

export async function startSmtpSink() {
  const inbox = [];
  const server = createServer((socket) => {
    let buffer = '';
    let data = null;
    let rcpt = [];
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (data !== null) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          data += buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inbox.push({ rcpt, raw: data });
          data = null;
          rcpt = [];
          socket.write('250 OK\r\n');
          continue;
        }
        const at = buffer.indexOf('\r\n');
        if (at < 0) return;
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-sink\r\n250 8BITMIME\r\n');
        else if (verb === 'RCPT') { rcpt.push(line.replace(/^.*<|>.*$/g, '')); socket.write('250 OK\r\n'); }
        else if (verb === 'DATA') { data = ''; socket.write('354 go\r\n'); }
        else if (verb === 'QUIT') { socket.end('221 bye\r\n'); return; }
        else socket.write('250 OK\r\n');
      }
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `smtp://127.0.0.1:${server.address().port}`,
    inbox,
    close: () => new Promise((r) => server.close(r)),
  };
}

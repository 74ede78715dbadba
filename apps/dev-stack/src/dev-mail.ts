/**
 * Development only: a real SMTP server on localhost that keeps every notification e-mail as an
 * .eml file (and says so on the console), so `pnpm start` sends real mail without a mail server.
 * `smtp-server` is a development dependency; production sets SMTP_URL and never loads this.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export async function startDevMailSink(directory: string, port: number) {
  mkdirSync(directory, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const file = join(directory, `${new Date().toISOString().replaceAll(':', '-')}-${++n}.eml`);
        writeFileSync(file, Buffer.concat(chunks));
        const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
        console.log(`  mail:     to ${to} → ${file}`);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

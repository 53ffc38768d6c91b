import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import pretty from 'pino-pretty';

export type Logger = PinoLogger;

/**
 * Creates the service's structured logger: JSON lines on stdout (or `destination`), for
 * collectors and files; on a terminal (`npm start` by hand) the same records as readable,
 * colored lines. Secrets never reach it: see `redact`.
 */
export function createLogger(
  name: string,
  level = 'info',
  destination?: DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    redact: {
      paths: [
        'password',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        'req.headers.authorization',
        'headers.authorization',
        '*.refreshToken',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
  if (destination) return pino(options, destination);
  if (!process.stdout.isTTY) return pino(options);
  // Synchronous, as JSON to stdout is: nothing logged just before an exit is lost.
  return pino(
    options,
    pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }),
  );
}

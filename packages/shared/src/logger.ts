import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/** Creates the service's structured JSON logger. Secrets never reach it: see `redact`. */
export function createLogger(name: string, level = 'info'): Logger {
  return pino({
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
  });
}

import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  TraceFlags,
} from '@opentelemetry/api';
import type express from 'express';

const tracer = trace.getTracer('@grahvani/shared');
let tracing = false;

/** Turns request spans on or off (startTracing does): while off a request costs one test. */
export function setRequestTracing(on: boolean): void {
  tracing = on;
}

/**
 * A SERVER span per GraphQL request (mounted on /graphql only: probes, metrics and the
 * revocation stream start no trace), continuing the caller's W3C `traceparent` (the gateway's, or
 * a client's at the gateway), active while the request runs so that @apollo/gateway's spans and
 * Prisma's query spans become its children. Written here rather than with
 * @opentelemetry/instrumentation-http/-express: those patch `node:http` and express as they are
 * loaded, which ESM entry points (tsx) and the in-process test stack cannot guarantee; this
 * works whenever a provider is registered. Without one (no OTEL_EXPORTER_OTLP_ENDPOINT) the
 * request goes straight on.
 */
export const traceRequests: express.RequestHandler = (req, res, next) => {
  if (!tracing) {
    next();
    return;
  }
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const path = req.originalUrl.split('?')[0] ?? '';
  const span = tracer.startSpan(
    `${req.method} ${path}`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': req.method,
        'url.path': path,
        'url.scheme': req.protocol,
        'server.port': req.socket.localPort,
      },
    },
    parent,
  );
  if (!span.isRecording()) {
    // The caller's trace is not sampled: its context is still passed on, so that downstream
    // services make the same decision.
    if (trace.getSpan(parent)) context.with(parent, next);
    else next();
    return;
  }
  const active = trace.setSpan(parent, span);
  // The body arrives in stream events after this middleware returns: they run in the request's
  // context too, or the GraphQL execution would start outside the trace.
  context.bind(active, req);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  res.once('finish', end);
  res.once('close', end);
  context.with(active, next);
};

/** Adds the active trace's `traceparent` to an outgoing request's headers (gateway → subgraph). */
export function injectTraceContext(headers: { set(name: string, value: string): void }): void {
  propagation.inject(context.active(), headers, {
    set: (carrier, key, value) => carrier.set(key, value),
  });
}

/** The active trace's id (for log lines), or undefined when the request is not traced. */
export function activeTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && spanContext.traceFlags & TraceFlags.SAMPLED
    ? spanContext.traceId
    : undefined;
}

import { setTimeout as delay } from 'node:timers/promises';
import { SpanKind, context, propagation, trace } from '@opentelemetry/api';
import type { Sampler, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ConfigError, str, type Env } from './config.ts';
import { setRequestTracing } from './traceRequests.ts';

/** OpenTelemetry tracing of one service process. */
export interface TracingConfig {
  /**
   * OTLP/HTTP collector base URL (OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://otel-collector:4318);
   * spans go to `<endpoint>/v1/traces`. Unset: no tracing, no exporter, no connection.
   */
  endpoint: string | undefined;
  /** `service.name` of the process's spans (OTEL_SERVICE_NAME, default the service's name). */
  serviceName: string;
}

/** Reads the tracing settings of `service` (gateway, auth, users, clients). */
export function tracingConfig(env: Env, service: string): TracingConfig {
  const raw = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  let endpoint: string | undefined;
  if (raw) {
    try {
      const url = new URL(raw);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    } catch {
      throw new ConfigError('OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL');
    }
    endpoint = raw.replace(/\/+$/, '');
  }
  return { endpoint, serviceName: str(env, 'OTEL_SERVICE_NAME', service) };
}

/**
 * What startTracing did; `shutdown` flushes the spans still buffered (waiting at most 3 s for
 * the collector, so that a slow one cannot hold up a stop) and unregisters.
 */
export interface Tracing {
  /** False: nothing was registered, every OpenTelemetry call in the process is a no-op. */
  enabled: boolean;
  /** Where spans go: `<endpoint>/v1/traces`, `exporter` (the one given), or null. */
  exportTo: string | null;
  shutdown(): Promise<void>;
}

/**
 * Registers the process's OpenTelemetry tracer provider when `config.endpoint` is set (spans
 * exported over OTLP/HTTP in batches) or an `exporter` is given (tests: an in-memory one, each
 * span as it ends), with the W3C `traceparent` propagator and Prisma's query spans. Otherwise it
 * does nothing at all: the SDK is not even loaded, no exporter exists and no connection is
 * attempted; the request path pays one boolean test (traceRequests.ts), and the OpenTelemetry
 * calls of @apollo/gateway and Prisma stay the API's no-ops.
 */
export async function startTracing(
  config: TracingConfig,
  options: { exporter?: SpanExporter } = {},
): Promise<Tracing> {
  if (!config.endpoint && !options.exporter) {
    return { enabled: false, exportTo: null, shutdown: async () => {} };
  }
  const [{ NodeTracerProvider }, sdk, { W3CTraceContextPropagator }, { resourceFromAttributes }] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/core'),
      import('@opentelemetry/resources'),
    ]);
  const { PrismaInstrumentation, registerInstrumentations } =
    await import('@prisma/instrumentation');
  const url = config.endpoint && `${config.endpoint}/v1/traces`;
  const processor = options.exporter
    ? new sdk.SimpleSpanProcessor(options.exporter)
    : new sdk.BatchSpanProcessor(
        new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter({ url }),
      );
  // A trace starts at a request a service receives (a SERVER span); everything else follows
  // its parent. Background work (database health checks, housekeeping, revocation feeds) would
  // otherwise send a trace of its own every few seconds.
  const requestsStartTraces: Sampler = {
    shouldSample: (_context, _traceId, _name, kind) => ({
      decision:
        kind === SpanKind.SERVER
          ? sdk.SamplingDecision.RECORD_AND_SAMPLED
          : sdk.SamplingDecision.NOT_RECORD,
    }),
    toString: () => 'RequestsStartTraces',
  };
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    sampler: new sdk.ParentBasedSampler({ root: requestsStartTraces }),
    spanProcessors: [processor],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  setRequestTracing(true);
  // Prisma patches no module: its client asks a global helper, set here, for spans
  // (prisma:client:operation, prisma:client:db_query with the SQL text).
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [new PrismaInstrumentation()],
  });
  return {
    enabled: true,
    exportTo: options.exporter ? 'exporter' : (url ?? null),
    async shutdown() {
      setRequestTracing(false);
      unregister();
      await Promise.race([provider.shutdown(), delay(3_000, undefined, { ref: false })]);
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

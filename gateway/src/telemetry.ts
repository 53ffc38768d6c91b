// @apollo/gateway starts an OpenTelemetry exporter that probes cloud metadata addresses and
// reports usage to Apollo unless this is set when a gateway is constructed. Our processes open
// no connection beyond loopback and our own services, so it is forced on, not configurable.
// eslint-disable-next-line no-restricted-properties -- sets (never reads) what @apollo/gateway reads
process.env.APOLLO_TELEMETRY_DISABLED = '1';
export {};

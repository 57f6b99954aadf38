/** autocannon ships no types: the fields the benches read of its documented result. */
declare module 'autocannon' {
  namespace autocannon {
    interface Histogram { average: number; mean: number; p50: number; p90: number; p99: number; max: number; min: number; total: number }
    interface Result { latency: Histogram; requests: Histogram; throughput: Histogram; errors: number; timeouts: number; non2xx: number; statusCodeStats: Record<string, { count: number }>; duration: number; [key: string]: unknown }
  }
  function autocannon(options: Record<string, unknown>): Promise<autocannon.Result> & { stop(): void };
  export = autocannon;
}

// One autocannon run, with latencies recorded here from every response in microsecond resolution (autocannon's
// own histogram has whole milliseconds, too coarse for a p99 of 2 ms), and every status counted, so a run of
// 412s or 500s can never pass for a fast one.
import autocannon from 'autocannon'

const percentile = (sorted, p) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

/**
 * Loads `url` for `durationS` seconds at `connections`; `request` is autocannon's request options (method, path,
 * headers, body, or `requests` with setupRequest/onResponse). Resolves to throughput and latency of the 2xx
 * answers and the count of everything else.
 */
export async function load({ url, connections, durationS, request }) {
  const latencies = []
  const statuses = {}
  let ok = 0
  const instance = autocannon({
    url,
    connections,
    duration: durationS,
    pipelining: 1,
    timeout: 10,
    sampleInt: 100,
    ...request,
  })
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1
    if (statusCode >= 200 && statusCode < 300) {
      ok++
      latencies.push(responseTime)
    }
  })
  const result = await instance
  const sorted = Float64Array.from(latencies).sort()
  const seconds = result.duration
  const total = Object.values(statuses).reduce((a, b) => a + b, 0)
  return {
    rps: ok / seconds,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1],
    ok,
    notOk: total - ok,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds,
  }
}

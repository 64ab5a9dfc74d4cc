-- wrk script for bench/server.sh (MIX=bench/server_paths.lua): point-to-point
-- paths alone, between seeded random entities e1..eN of a synthetic graph.
local entities = tonumber(os.getenv("KG_BENCH_ENTITIES") or "100000")

init = function(args)
  math.randomseed(tonumber(args[1] or "1"))
end

request = function()
  return wrk.format("GET", "/api/v1/path?from=e" .. math.random(entities) .. "&to=e" .. math.random(entities))
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors (socket) %d, p50 %.2f ms, p99 %.2f ms, %.0f requests/s\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end

-- wrk script for bench/server.sh: a seeded mix of 60% path, 30% neighbours
-- and 10% search requests between entities e1..eN of a synthetic graph
-- (bench/inputs.py), every one a question the server must answer 200.
-- KG_BENCH_PATHS sets the paths' share in percent (100: paths alone); the
-- rest stays three neighbours to one search.
local entities = tonumber(os.getenv("KG_BENCH_ENTITIES") or "100000")
local paths = tonumber(os.getenv("KG_BENCH_PATHS") or "60")
local neighbours = paths + (100 - paths) * 3 / 4

init = function(args)
  math.randomseed(tonumber(args[1] or "1"))
end

request = function()
  local pick = math.random(100)
  local a = "e" .. math.random(entities)
  local b = "e" .. math.random(entities)
  local target
  if pick <= paths then
    target = "/api/v1/path?from=" .. a .. "&to=" .. b
  elseif pick <= neighbours then
    target = "/api/v1/neighbors?center=" .. a
  else
    target = "/api/v1/entities?text=Entity%20" .. math.random(entities) .. "&in=names&limit=10"
  end
  return wrk.format("GET", target)
end

-- Statuses other than 2xx/3xx are counted by wrk itself ("Non-2xx").
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors (socket) %d, p50 %.2f ms, p99 %.2f ms, %.0f requests/s\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end

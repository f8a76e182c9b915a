-- wrk script for scripts/bench: cycles through a request list (one per line:
-- METHOD<TAB>PATH<TAB>NOCACHE(0|1)<TAB>BODY), each thread from its own offset, and prints one RESULT line.
local reqs = {}
local counter = 0
local nthreads = 0

function setup(thread)
  thread:set("offset", nthreads * 7)
  nthreads = nthreads + 1
end

function init(args)
  local f = assert(io.open(args[1], "r"))
  for line in f:lines() do
    local method, path, nocache, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
    local headers = {}
    if nocache == "1" then headers["Cache-Control"] = "no-cache" end
    if body ~= nil and body ~= "" then
      headers["Content-Type"] = "application/json"
    else
      body = nil
    end
    reqs[#reqs + 1] = wrk.format(method, path, headers, body)
  end
  f:close()
  counter = offset or 0
end

function request()
  counter = counter + 1
  return reqs[(counter % #reqs) + 1]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %.1f %.1f %.1f\n", summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout, summary.duration,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9)))
end

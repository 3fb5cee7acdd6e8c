-- One wrk script for every row of bench/run, so that every row pays the same
-- load-generator cost: each request is built once, up front, and request() only
-- hands out the next prebuilt string.
--
-- Configured through the environment (wrk passes no options to scripts):
--   BENCH_TOKENS  file with one access token per line: GET <url path> with
--                 "Authorization: Bearer <token>", cycling through the tokens
--   BENCH_BODIES  file with one JSON body per line: POST <url path>, cycling through them
--   neither       plain GET <url path>
-- At the end it prints one machine-readable line for bench/run:
--   BENCH <requests> <duration µs> <non-2xx/3xx> <socket errors> <p50 µs> <p99 µs>

local function lines_of(path)
   local out = {}
   local file = assert(io.open(path, "r"), "cannot read " .. path)
   for line in file:lines() do
      if line ~= "" then
         out[#out + 1] = line
      end
   end
   file:close()
   assert(#out > 0, path .. " is empty")
   return out
end

-- Each thread numbers itself, so the threads start at different places in the list
-- instead of presenting the same token (or logging in the same user) in lockstep.
local next_id = 0
function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
end

local requests = {}
local position = 0

function init(args)
   local tokens, bodies = os.getenv("BENCH_TOKENS"), os.getenv("BENCH_BODIES")
   if tokens and tokens ~= "" then
      for _, token in ipairs(lines_of(tokens)) do
         requests[#requests + 1] = wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. token })
      end
   elseif bodies and bodies ~= "" then
      for _, body in ipairs(lines_of(bodies)) do
         requests[#requests + 1] = wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
      end
   else
      requests[1] = wrk.format("GET")
   end
   -- A prime stride spreads the threads' starting points over any list length.
   position = ((id or 0) * 7919) % #requests
end

function request()
   position = position % #requests + 1
   return requests[position]
end

function done(summary, latency, _)
   local e = summary.errors
   io.write(string.format("BENCH %d %d %d %d %d %d\n", summary.requests, summary.duration, e.status,
      e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99)))
end

-- One wrk script for every row of bench/run, so that every row pays the same
-- load-generator cost: each request is built once, up front, and request() only
-- hands out the next prebuilt string.
--
-- Configured through the environment (wrk passes no options to scripts):
--   BENCH_TOKENS  file with one access token per line: GET <url path> with
--                 "Authorization: Bearer <token>", cycling through the tokens
--   BENCH_BODIES  file with one body per line: POST <url path>, cycling through them,
--                 as BENCH_CONTENT_TYPE (default application/json)
--   BENCH_AUTH    an Authorization header value sent with every POST (HTTP Basic)
--   BENCH_ROTATE  file with one refresh token per line: POST <url path> with
--                 {"refresh_token": ...}, each token spent once and replaced by the one
--                 its answer carries; the tokens left unspent at the end are written to
--                 BENCH_ROTATE_OUT, one a line, for the next run
--   none of them  plain GET <url path>
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
local threads = {}
function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
   threads[#threads + 1] = thread
end

local requests = {}
local position = 0

-- Rotation keeps state: each thread owns every BENCH_THREADS-th token of the file, as a
-- queue. A connection takes the oldest token, and its answer's token joins the queue;
-- wrk asks a connection for its next request only after the answer to the last one, so
-- a queue at least as long as the thread's connections is never empty. A failed answer
-- loses its token and counts as a non-2xx.
pool, head, tail = {}, 1, 0

local function rotate_body(token)
   return wrk.format("POST", nil, { ["Content-Type"] = "application/json" },
      '{"refresh_token":"' .. token .. '"}')
end

local function rotate_request()
   if head > tail then
      -- Every token was lost to failed answers: a spent one gets the 401 that shows it.
      return rotate_body("spent")
   end
   local token = pool[head]
   pool[head] = nil
   head = head + 1
   return rotate_body(token)
end

local function rotate_response(status, _, body)
   if status == 200 then
      local token = body and body:match('"refresh_token"%s*:%s*"([^"]+)"')
      if token then
         tail = tail + 1
         pool[tail] = token
      end
   end
end

local function init_rotation(path)
   local thread_count = tonumber(os.getenv("BENCH_THREADS") or "1")
   for i, token in ipairs(lines_of(path)) do
      if (i - 1) % thread_count == (id or 0) then
         tail = tail + 1
         pool[tail] = token
      end
   end
   request = rotate_request
   -- Only the rotation row defines response(): wrk parses answers' bodies only for a
   -- script that has one, so the other rows keep their load generator's cost.
   response = rotate_response
end

function init(args)
   local tokens, bodies = os.getenv("BENCH_TOKENS"), os.getenv("BENCH_BODIES")
   local rotate, auth = os.getenv("BENCH_ROTATE"), os.getenv("BENCH_AUTH")
   local headers = { ["Content-Type"] = os.getenv("BENCH_CONTENT_TYPE") or "application/json" }
   if auth and auth ~= "" then
      headers["Authorization"] = auth
   end
   if rotate and rotate ~= "" then
      init_rotation(rotate)
      return
   elseif tokens and tokens ~= "" then
      for _, token in ipairs(lines_of(tokens)) do
         requests[#requests + 1] = wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. token })
      end
   elseif bodies and bodies ~= "" then
      for _, body in ipairs(lines_of(bodies)) do
         requests[#requests + 1] = wrk.format("POST", nil, headers, body)
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

-- The unspent tokens of every thread, for the next run of the rotation row.
local function save_pool(path)
   local file = assert(io.open(path, "w"), "cannot write " .. path)
   for _, thread in ipairs(threads) do
      local queue, first, last = thread:get("pool"), thread:get("head"), thread:get("tail")
      for i = first, last do
         file:write(queue[i], "\n")
      end
   end
   file:close()
end

function done(summary, latency, _)
   local out = os.getenv("BENCH_ROTATE_OUT")
   if out and out ~= "" then
      save_pool(out)
   end
   local e = summary.errors
   io.write(string.format("BENCH %d %d %d %d %d %d\n", summary.requests, summary.duration, e.status,
      e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99)))
end

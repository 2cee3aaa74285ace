-- (b) One practice in Swedish (most are not written in Swedish: the fallback chain answers),
-- across many ids, each thread walking the list from its own place.
dofile(os.getenv("MFX_BENCH_LUA") .. "/report.lua")
local ids = {}
for line in io.lines(os.getenv("MFX_BENCH_IDS")) do ids[#ids + 1] = line end
local counter = 0
local thread_no = 0
function setup(thread)
  thread:set("offset", thread_no * 7919)
  thread_no = thread_no + 1
end
function request()
  counter = counter + 1
  local id = ids[((counter * 31 + offset) % #ids) + 1]
  -- (B) sets text_query (document_html.lua) before running this script.
  return wrk.format("GET", "/api/v1/practices/" .. id .. "?lang=sv" .. (text_query or ""))
end

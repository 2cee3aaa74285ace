-- (c') Search with words that are rarely repeated (MFX_BENCH_WORDS: one query per line, drawn
-- from the content's own vocabulary), so that nearly every query is answered by the index
-- rather than the response cache.
dofile(os.getenv("MFX_BENCH_LUA") .. "/report.lua")
local queries = {}
for line in io.lines(os.getenv("MFX_BENCH_WORDS")) do queries[#queries + 1] = line end
local counter = 0
local thread_no = 0
function setup(thread)
  thread:set("offset", thread_no * math.floor(#queries / 2))
  thread_no = thread_no + 1
end
local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
function request()
  counter = counter + 1
  local q = queries[((counter + offset) % #queries) + 1]
  return wrk.format("GET", "/api/v1/search?q=" .. encode(q) .. "&lang=it&limit=20")
end

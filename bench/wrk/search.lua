-- (c) Search in Italian with varied words (bench/search-words.txt, one query per line).
dofile(os.getenv("MFX_BENCH_LUA") .. "/report.lua")
local queries = {}
for line in io.lines(os.getenv("MFX_BENCH_LUA") .. "/../search-words.txt") do
  if line ~= "" and line:sub(1, 1) ~= "#" then queries[#queries + 1] = line end
end
local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
local counter = 0
function request()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  return wrk.format("GET", "/api/v1/search?q=" .. encode(q) .. "&lang=it&limit=20")
end

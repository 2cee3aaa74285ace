-- (d) A mixed load: nine requests in ten read (lists, documents with fallback, search) as a
-- visitor; one in ten creates a practice as a signed-in editor.
dofile(os.getenv("MFX_BENCH_LUA") .. "/report.lua")
local ids = {}
for line in io.lines(os.getenv("MFX_BENCH_IDS")) do ids[#ids + 1] = line end
local token = os.getenv("MFX_BENCH_TOKEN")
local words = { "microcredito", "inclusione", "garanzia", "donne", "formazione", "impresa" }
local languages = { "fr", "sv", "it", "sl", "ro", "en" }
local counter = 0
local thread_no = 0
function setup(thread)
  thread:set("offset", thread_no * 104729)
  thread_no = thread_no + 1
end
function request()
  counter = counter + 1
  local n = counter + offset
  local kind = n % 10
  if kind == 0 then
    local body = string.format(
      '{"text":{"title":"Practice written under load %d","summary":"Microcredit and mentoring for new social enterprises."}}', n)
    return wrk.format("POST", "/api/v1/practices", {
      ["Authorization"] = "Bearer " .. token,
      ["Content-Type"] = "application/json",
    }, body)
  elseif kind <= 3 then
    return wrk.format("GET", "/api/v1/practices?limit=20&lang=" .. languages[(n % #languages) + 1])
  elseif kind <= 7 then
    return wrk.format("GET", "/api/v1/practices/" .. ids[((n * 31) % #ids) + 1] .. "?lang=" .. languages[(n % #languages) + 1])
  else
    return wrk.format("GET", "/api/v1/search?lang=it&q=" .. words[(n % #words) + 1])
  end
end

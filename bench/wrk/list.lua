-- (a) The first page of practices in French, anonymous.
dofile(os.getenv("MFX_BENCH_LUA") .. "/report.lua")
wrk.path = "/api/v1/practices?lang=fr&limit=20"

-- (B) As (b), for a reader that wants the HTML only: text_format=html.
text_query = "&text_format=html"
dofile(os.getenv("MFX_BENCH_LUA") .. "/document.lua")

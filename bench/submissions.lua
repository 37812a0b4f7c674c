-- Durable submissions with unique ids, cycling over the participants written by serve.sh.
local codes = {}
for line in io.lines(os.getenv("ATELIER_BENCH_CODES")) do codes[#codes + 1] = line end
local token = os.getenv("ATELIER_BENCH_TOKEN")
local threads = 0
local counter = 0

-- Each wrk thread gets its own number (a global of its Lua state), so ids never repeat across threads.
function setup(thread)
    threads = threads + 1
    thread:set("thread_id", threads)
end

function request()
    counter = counter + 1
    local id = string.format("%08X-0000-4000-8000-%04X%08X", counter, thread_id, counter)
    local code = codes[(counter + thread_id * 7) % #codes + 1]
    local body = '{"id":"' .. id .. '","participant":"' .. code .. '","assessment":"definitions.pre","phase":"pre",'
        .. '"responses":{"def-b01":"a","def-b02":true,"def-b03":18,"def-pre02":"a","def-pre05":false,'
        .. '"def-b05":{"act":true,"means":false,"purpose":true,"classification":"trafficking"}}}'
    return wrk.format("POST", "/api/v1/sessions/bench/submissions",
        { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function response(status, headers, body)
    if status ~= 201 then
        io.stderr:write("unexpected status " .. status .. "\n")
    end
end

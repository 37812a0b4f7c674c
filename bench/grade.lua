-- Grading without storing.
local token = os.getenv("ATELIER_BENCH_TOKEN")
wrk.method = "POST"
wrk.path = "/api/v1/grade"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.body = '{"assessment":"definitions.pre","responses":{"def-b01":"a","def-b02":true,"def-b03":18,"def-pre02":"a",'
    .. '"def-pre05":false,"def-b05":{"act":true,"means":false,"purpose":true,"classification":"trafficking"}}}'

-- wrk -s miss.lua: every call at an address of its own (an extra query parameter the API ignores), so that the API's
-- read cache never answers and each call reads the list afresh, as calls for varied pages and filters do.
local n = 0
request = function()
    n = n + 1
    local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
    return wrk.format(nil, wrk.path .. separator .. "miss=" .. n .. "-" .. math.random(1000000000))
end

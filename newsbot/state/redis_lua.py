"""The Lua scripts of the Redis state store (newsbot.state.redis), one atomic step each.

Redis runs a script alone: no other worker's command comes between two of its calls, so a
claim, a commit or the reaping of a dead run is seen by the others whole or not at all.
``ARGV[1]`` is always the state's key prefix (``<prefix>:<spider>:state:``); run keys (lease,
in-flight set, run set, queue) come as KEYS, named by newsbot.distributed.keys.
"""

from __future__ import annotations

# Helpers every script starts with. An article's versions are scored revision * 2^33 + id,
# so that the highest score is its latest version (revision, then claim order), as SQLite's
# ORDER BY revision DESC, id DESC; string.format("%d") writes it without losing digits.
_COMMON = """
local p = ARGV[1]
local function aid_seen(value)
  local bar = string.find(value, "|", 1, true)
  return string.sub(value, 1, bar - 1), tonumber(string.sub(value, bar + 1))
end
local function has_versions(aid)
  return redis.call("EXISTS", p .. "article:" .. aid .. ":versions") == 1
end
-- The article under a URL key: the shared entry seen since the cutoff, else the run's own.
local function url_article(key, own, cutoff)
  local value = redis.call("GET", p .. "url:" .. key)
  if value then
    local aid, seen = aid_seen(value)
    if seen >= cutoff and has_versions(aid) then return tonumber(aid) end
  end
  if own ~= "" and has_versions(own) then return tonumber(own) end
  return nil
end
-- ARGV[first] is the cutoff, then URL keys each followed by the run's own article for it:
-- the known article with the lowest id.
local function find_url(first)
  local cutoff, best = tonumber(ARGV[first]), nil
  for i = first + 1, #ARGV, 2 do
    local aid = url_article(ARGV[i], ARGV[i + 1], cutoff)
    if aid and (not best or aid < best) then best = aid end
  end
  return best
end
-- KnownArticle's fields: the article with this version of it (its latest if vid is nil).
local function known(aid, vid)
  vid = vid or redis.call("ZREVRANGE", p .. "article:" .. aid .. ":versions", 0, 0)[1]
  if not vid then return nil end
  local a = redis.call("HMGET", p .. "article:" .. aid, "u", "s")
  local v = redis.call("HMGET", p .. "version:" .. vid, "f", "r", "t")
  if not a[1] or not v[1] then return nil end
  return {tonumber(aid), a[1], v[1], a[2], tonumber(v[2]), v[3]}
end
local function set_url(key, aid, seen, ttl)
  local value = aid .. "|" .. string.format("%d", seen)
  if ttl > 0 then
    redis.call("SET", p .. "url:" .. key, value, "EX", ttl)
  else
    redis.call("SET", p .. "url:" .. key, value)
  end
  -- Until a version of it commits, an article may be forgotten, with its URL keys.
  if redis.call("HEXISTS", p .. "article:" .. aid, "e") == 0 then
    redis.call("SADD", p .. "article:" .. aid .. ":urls", key)
  end
end
local function forget(aid)
  local article = p .. "article:" .. aid
  for _, key in ipairs(redis.call("SMEMBERS", article .. ":urls")) do
    local value = redis.call("GET", p .. "url:" .. key)
    if value and aid_seen(value) == aid then redis.call("DEL", p .. "url:" .. key) end
  end
  redis.call("DEL", article, article .. ":urls")
  redis.call("ZREM", p .. "seen", aid)
end
-- Drop a claimed version: its fingerprint, its bands, and its article if it has no other.
local function release(vid)
  local version = p .. "version:" .. vid
  local fields = redis.call("HMGET", version, "a", "f", "b")
  local aid, bands = fields[1], fields[3]
  if not aid then return false end
  redis.call("SREM", p .. "fingerprint:" .. fields[2], vid)
  if bands then
    for i = 1, #bands, 16 do
      redis.call("SREM", p .. "band:" .. string.sub(bands, i, i + 15), vid)
    end
  end
  redis.call("DEL", version)
  local versions = p .. "article:" .. aid .. ":versions"
  redis.call("ZREM", versions, vid)
  if redis.call("EXISTS", versions) == 0 then forget(aid) end
  return true
end
"""

# ARGV: prefix, a key to read along ("" for none: is_known reads the link's rejection), the
# cutoff, URL keys and own articles. Returns {that key's value, KnownArticle fields...}.
FIND = (
    _COMMON
    + """
local extra = false
if ARGV[2] ~= "" then extra = redis.call("GET", p .. ARGV[2]) end
local aid = find_url(3)
local found = aid and known(aid)
if not found then return {extra} end
return {extra, unpack(found)}
"""
)

# ARGV: prefix, fingerprint. The first version with it (lowest id), and its article.
FINGERPRINT = (
    _COMMON
    + """
local first = nil
for _, vid in ipairs(redis.call("SMEMBERS", p .. "fingerprint:" .. ARGV[2])) do
  if not first or tonumber(vid) < first then first = tonumber(vid) end
end
if not first then return nil end
local aid = redis.call("HGET", p .. "version:" .. first, "a")
return aid and known(aid, first)
"""
)

# ARGV: prefix, the band keys (16 hex digits each), how many candidates. The versions
# sharing the most bands (then the oldest), each as its signature then KnownArticle's fields.
NEAR = (
    _COMMON
    + """
local counts, order = {}, {}
for i = 1, #ARGV[2], 16 do
  for _, vid in ipairs(redis.call("SMEMBERS", p .. "band:" .. string.sub(ARGV[2], i, i + 15))) do
    if not counts[vid] then
      counts[vid] = 0
      order[#order + 1] = vid
    end
    counts[vid] = counts[vid] + 1
  end
end
table.sort(order, function(x, y)
  if counts[x] ~= counts[y] then return counts[x] > counts[y] end
  return tonumber(x) < tonumber(y)
end)
local rows = {}
for i = 1, math.min(#order, tonumber(ARGV[3])) do
  local fields = redis.call("HMGET", p .. "version:" .. order[i], "s", "a")
  local found = fields[1] and known(fields[2], order[i])
  if found then
    rows[#rows + 1] = fields[1]
    for j = 1, 6 do rows[#rows + 1] = found[j] end
  end
end
return rows
"""
)

# KEYS: the run set. ARGV: prefix, run id, now, ttl, url, story id, fingerprint, signature,
# revision, version time, whether it has one, band keys, then the cutoff, URL keys and own
# articles (find_url). A known URL gets a new version; else a new article, whose URL keys
# are shared at once. Returns {version id, article id, 1 if the article is new}.
CLAIM = (
    _COMMON
    + """
local rid, now, ttl = ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
if redis.call("SISMEMBER", KEYS[1], rid) == 0 then
  return redis.error_reply("run " .. rid .. " is not running (its lease expired and it was reaped)")
end
local aid, new = find_url(13), 0
if not aid then
  aid, new = redis.call("INCR", p .. "article-id"), 1
  redis.call("HSET", p .. "article:" .. aid, "u", ARGV[5], "s", ARGV[6])
  for i = 14, #ARGV, 2 do set_url(ARGV[i], aid, now, ttl) end
  redis.call("ZADD", p .. "seen", string.format("%d", now), aid)
end
local vid = redis.call("INCR", p .. "version-id")
local version = p .. "version:" .. vid
redis.call("HSET", version, "a", aid, "r", ARGV[9], "f", ARGV[7], "run", rid, "b", ARGV[12])
if ARGV[8] ~= "" then redis.call("HSET", version, "s", ARGV[8]) end
if ARGV[11] == "1" then redis.call("HSET", version, "t", ARGV[10]) end
local score = string.format("%d", tonumber(ARGV[9]) * 8589934592 + vid)
redis.call("ZADD", p .. "article:" .. aid .. ":versions", score, vid)
redis.call("SADD", p .. "fingerprint:" .. ARGV[7], vid)
for i = 1, #ARGV[12], 16 do
  redis.call("SADD", p .. "band:" .. string.sub(ARGV[12], i, i + 15), vid)
end
redis.call("SADD", p .. "run:" .. rid .. ":claims", vid)
return {vid, aid, new}
"""
)

# ARGV: prefix, run id, version id. Releases a version the run claimed. Returns 1 if it did.
RELEASE = (
    _COMMON
    + """
if redis.call("HGET", p .. "version:" .. ARGV[3], "run") ~= ARGV[2] then return 0 end
redis.call("SREM", p .. "run:" .. ARGV[2] .. ":claims", ARGV[3])
release(ARGV[3])
return 1
"""
)

# KEYS: run set, lease, in-flight set. ARGV: prefix, run id, the run's writes (JSON). The
# confirmed claims become exported, the others are released; the URLs the run met, its
# validators (none if it released a claim: the pages must be read in full next time), its
# rejections, summary, files and per-site counts are stored; its in-flight requests are
# done; its lease ends. Refused if the run was reaped (its work is being redone).
COMMIT = (
    _COMMON
    + """
local rid = ARGV[2]
if redis.call("SISMEMBER", KEYS[1], rid) == 0 then
  return redis.error_reply("run " .. rid .. " is not running (its lease expired and it was reaped)")
end
local run = cjson.decode(ARGV[3])
local confirmed, released = {}, run.released
for _, vid in ipairs(run.confirmed) do confirmed[vid] = true end
local claims = p .. "run:" .. rid .. ":claims"
for _, vid in ipairs(redis.call("SMEMBERS", claims)) do
  local version = p .. "version:" .. vid
  local aid = redis.call("HGET", version, "a")
  if confirmed[vid] and aid then
    redis.call("HDEL", version, "run", "b")
    redis.call("HSET", p .. "article:" .. aid, "e", 1)
    redis.call("DEL", p .. "article:" .. aid .. ":urls")
  elseif release(vid) then
    released = true
  end
end
for _, entry in ipairs(run.urls) do
  -- A key already known stays with its article; it was seen now all the same.
  local key, aid, seen = entry[1], entry[2], run.now
  local value = redis.call("GET", p .. "url:" .. key)
  if value then
    local other, when = aid_seen(value)
    if when >= run.cutoff and has_versions(other) then
      aid, seen = other, math.max(seen, when)
    end
  end
  if has_versions(aid) then
    set_url(key, aid, seen, run.ttl)
    redis.call("ZADD", p .. "seen", "GT", string.format("%d", seen), aid)
  end
end
for _, entry in ipairs(run.validators) do
  local key = p .. "validators:" .. entry[1]
  if released then
    redis.call("DEL", key)
  elseif run.ttl > 0 then
    redis.call("SET", key, entry[2], "EX", run.ttl)
  else
    redis.call("SET", key, entry[2])
  end
end
for _, entry in ipairs(run.rejected) do
  if run.ttl > 0 then
    redis.call("SET", p .. "rejected:" .. entry[1], entry[2], "EX", run.ttl)
  else
    redis.call("SET", p .. "rejected:" .. entry[1], entry[2])
  end
end
redis.call("HSET", p .. "summaries", rid, run.summary)
for _, publication in ipairs(run.publications) do
  redis.call("RPUSH", p .. "publications:" .. run.host, publication)
end
for _, site in ipairs(run.sites) do
  redis.call("LPUSH", p .. "site:" .. site[1], site[2])
end
redis.call("DEL", claims, KEYS[2], KEYS[3])
redis.call("SREM", KEYS[1], rid)
return 1
"""
)

# KEYS: run set, lease, in-flight set, queue. ARGV: prefix, run id, "own" (the run rolls
# itself back) or "reap" (only if its lease expired). The run's claims are released and its
# in-flight requests queued again with their scores. Returns 1, or 0 if there was no such
# run (already finished or reaped) or it lives. A run rolling itself back after it was
# reaped (it stalled past its lease, then went on) still queues again what it took since.
DROP_RUN = (
    _COMMON
    + """
local rid = ARGV[2]
local running = redis.call("SISMEMBER", KEYS[1], rid) == 1
if ARGV[3] == "reap" and (not running or redis.call("EXISTS", KEYS[2]) == 1) then return 0 end
if redis.call("EXISTS", KEYS[3]) == 1 then
  redis.call("ZUNIONSTORE", KEYS[4], 2, KEYS[4], KEYS[3], "AGGREGATE", "MIN")
  redis.call("DEL", KEYS[3])
end
redis.call("DEL", KEYS[2])
if not running then return 0 end
local claims = p .. "run:" .. rid .. ":claims"
for _, vid in ipairs(redis.call("SMEMBERS", claims)) do release(vid) end
redis.call("DEL", claims)
redis.call("SREM", KEYS[1], rid)
return 1
"""
)

# ARGV: prefix, cutoff, then per article: its id, its number of versions, and each version's
# id and band keys. The bands of each article still not seen since the cutoff are dropped
# (retention). Returns how many articles were.
PRUNE = (
    _COMMON
    + """
local cutoff, i, pruned = tonumber(ARGV[2]), 3, 0
while i <= #ARGV do
  local aid, count = ARGV[i], tonumber(ARGV[i + 1])
  local seen = redis.call("ZSCORE", p .. "seen", aid)
  local stale = seen and tonumber(seen) < cutoff
  i = i + 2
  for _ = 1, count do
    if stale then
      for j = 1, #ARGV[i + 1], 16 do
        redis.call("SREM", p .. "band:" .. string.sub(ARGV[i + 1], j, j + 15), ARGV[i])
      end
    end
    i = i + 2
  end
  if stale then
    redis.call("ZREM", p .. "seen", aid)
    pruned = pruned + 1
  end
end
return pruned
"""
)

"""The shared frontier: scrapy-redis' priority queue, with JSON requests and leases.

scrapy-redis pops a request by deleting it: a worker killed before it finished the page loses
it for every worker. Here a pop *moves* the request, in one Lua script, into the run's in-flight
set (newsbot.distributed.keys); it leaves that set only when the run commits (the state store
deletes it together with the run's claims) or when the run dies or fails (the store puts it
back in the queue). Requests travel as JSON (newsbot.distributed.serializer), never pickled.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy_redis.queue import PriorityQueue  # type: ignore[import-untyped]

from newsbot import signals as newsbot_signals
from newsbot.distributed.keys import DEFAULT_PREFIX, Keys
from newsbot.distributed.requests import request_from_data, request_to_data

if TYPE_CHECKING:
    from redis import Redis
    from scrapy import Request, Spider

    from newsbot.runs import Run

logger = logging.getLogger(__name__)

# KEYS: the queue, the run's in-flight set, the registered runs; ARGV: the run. The lowest
# score first, as scrapy-redis pops. A run reaped as dead (it stalled past its lease) takes
# nothing more: what it took now would be in a set nobody reaps.
_POP_INTO_INFLIGHT = """
if redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 0 then return false end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #first == 0 then return false end
redis.call('ZREM', KEYS[1], first[1])
redis.call('ZADD', KEYS[2], first[2], first[1])
return first[1]
"""


class LeasedPriorityQueue(PriorityQueue):  # type: ignore[misc]  # scrapy-redis is untyped
    """scrapy-redis' PriorityQueue (SCHEDULER_QUEUE_CLASS) whose pops are leased to the run."""

    def __init__(self, server: Redis, spider: Spider, key: str, serializer: Any = None) -> None:
        super().__init__(server, spider, key, serializer)
        self.keys = Keys(spider.settings.get("NEWSBOT_REDIS_PREFIX", DEFAULT_PREFIX), spider.name)
        self.run_id: str | None = None
        self._pop = server.register_script(_POP_INTO_INFLIGHT)
        assert spider.crawler is not None
        self.stats = spider.crawler.stats
        spider.crawler.signals.connect(self.state_opened, signal=newsbot_signals.state_opened)

    def state_opened(self, run: Run, **_: Any) -> None:
        """The run's id names its in-flight set (sent before the first request is popped)."""
        self.run_id = run.run_id

    def _encode_request(self, request: Request) -> bytes:
        data: bytes = self.serializer.dumps(request_to_data(request, self.spider))
        return data

    def _decode_request(self, encoded_request: bytes) -> Request | None:
        try:
            return request_from_data(self.serializer.loads(encoded_request), self.spider)
        except (ValueError, KeyError, TypeError) as exc:
            # Not written by newsbot (or by a newsbot with other sites): not run, said, counted.
            logger.error("Refused a request from the shared queue: %s", exc)
            if self.stats is not None:
                self.stats.inc_value("newsbot/redis/request_refused")
            return None

    def pop(self, timeout: int = 0) -> Request | None:
        if self.run_id is None:
            return None  # the run has not begun: nothing may be taken before it can be undone
        keys = [self.key, self.keys.inflight(self.run_id), self.keys.runs]
        data = self._pop(keys=keys, args=[self.run_id])
        return None if data is None else self._decode_request(data)

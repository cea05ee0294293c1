"""The shared queue's serializer (``SCHEDULER_SERIALIZER``): JSON, never pickle.

scrapy-redis pickles requests by default, and unpickling runs whatever code the bytes name:
anyone who can write to Redis could run code in every worker. JSON carries data only. Bytes
(bodies, header values) travel as ``{"__bytes__": base64}``; newsbot's own objects in
``cb_kwargs`` are turned into plain data by the queue (newsbot.distributed.requests) before
they get here, so anything else that is not JSON is a bug and fails loudly.
"""

from __future__ import annotations

import base64
import json
from typing import Any

_BYTES = "__bytes__"


def _encode(value: object) -> dict[str, str]:
    if isinstance(value, bytes):
        return {_BYTES: base64.b64encode(value).decode("ascii")}
    raise TypeError(f"cannot put a {type(value).__name__} in the shared queue: {value!r:.80}")


def _decode(mapping: dict[str, Any]) -> Any:
    if len(mapping) == 1 and _BYTES in mapping:
        return base64.b64decode(mapping[_BYTES])
    return mapping


def dumps(obj: object) -> bytes:
    """``obj`` (a request dict) as compact JSON bytes; equal dicts give equal bytes."""
    return json.dumps(obj, default=_encode, separators=(",", ":"), sort_keys=True).encode()


def loads(data: bytes | str) -> Any:
    """What ``dumps`` wrote."""
    return json.loads(data, object_hook=_decode)

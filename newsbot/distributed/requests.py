"""Requests as plain data for the shared queue, and back, without running code from it.

Scrapy's ``Request.to_dict``/``request_from_dict`` name the callback and the request class;
newsbot's requests also carry objects in ``cb_kwargs`` (the ``Site``, the ``Listing`` a page
came from, the ``Article`` whose canonical URL is fetched). Here those become tagged plain
data, and on the way back only what a newsbot spider sends is accepted: Scrapy's request
classes, the spider's ``parse*``/``on_*`` methods, the spider's own declared sites. Whoever
can write to Redis can make a worker fetch a URL, never import or call something else.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from scrapy.utils.request import request_from_dict

from newsbot.items import Article
from newsbot.sites.model import Site
from newsbot.spiders.section import Listing

if TYPE_CHECKING:
    from scrapy import Request, Spider

# Request classes a queued request may name (Scrapy's own; newsbot sends plain Requests).
_REQUEST_CLASSES = frozenset(
    {
        "scrapy.http.request.Request",
        "scrapy.http.request.form.FormRequest",
        "scrapy.http.request.json_request.JsonRequest",
    }
)
_SITE, _LISTING, _ARTICLE = "__site__", "__listing__", "__article__"
_TUPLE_FIELDS = frozenset(f.name for f in dataclasses.fields(Article) if "tuple" in str(f.type))


class QueuedRequestError(ValueError):
    """A queued request this worker will not run (written by something other than newsbot)."""


def request_to_data(request: Request, spider: Spider) -> dict[str, Any]:
    """``request`` as JSON-ready data (bytes left for the serializer)."""
    data = request.to_dict(spider=spider)
    data["headers"] = [[name, values] for name, values in data["headers"].items()]
    data["cb_kwargs"] = {key: _plain(value) for key, value in data["cb_kwargs"].items()}
    return data


def request_from_data(data: dict[str, Any], spider: Spider) -> Request:
    """The request ``request_to_data`` gave, with the spider's own objects back in place."""
    if data.get("_class", "scrapy.http.request.Request") not in _REQUEST_CLASSES:
        raise QueuedRequestError(f"request class {data.get('_class')!r} is not allowed")
    for hook in ("callback", "errback"):
        name = data.get(hook)
        if name is not None and not _is_spider_hook(name):
            raise QueuedRequestError(f"{hook} {name!r} is not a parse* or on_* method")
    sites = {site.key: site for site in getattr(spider, "sites", ())}
    data = {
        **data,
        "headers": dict(data["headers"]),
        "cb_kwargs": {key: _restore(value, sites) for key, value in data["cb_kwargs"].items()},
    }
    return request_from_dict(data, spider=spider)


def _is_spider_hook(name: object) -> bool:
    return isinstance(name, str) and name.isidentifier() and name.startswith(("parse", "on_"))


def _plain(value: object) -> object:
    if isinstance(value, Listing):
        return {_LISTING: {"site": value.site.key, "depth": value.depth}}
    if isinstance(value, Article):
        return {_ARTICLE: {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}}
    if isinstance(value, Site):
        return {_SITE: value.key}
    return value


def _restore(value: object, sites: dict[str, Site]) -> object:
    if not isinstance(value, dict) or len(value) != 1:
        return value
    if _SITE in value:
        return _site(value[_SITE], sites)
    if _LISTING in value:
        listing = value[_LISTING]
        return Listing(_site(listing["site"], sites), int(listing["depth"]))
    if _ARTICLE in value:
        fields = dict(value[_ARTICLE])
        for name in _TUPLE_FIELDS & fields.keys():
            if fields[name] is not None:
                fields[name] = tuple(fields[name])
        return Article(**fields)
    return value


def _site(key: object, sites: dict[str, Site]) -> Site:
    if not isinstance(key, str) or key not in sites:
        raise QueuedRequestError(f"site {key!r} is not one this worker crawls")
    return sites[key]

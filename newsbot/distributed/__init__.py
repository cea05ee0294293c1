"""Several crawl processes (on one machine or many) sharing one frontier and one state in
Redis: ``-s NEWSBOT_BACKEND=redis -s REDIS_URL=redis://…`` (see newsbot.addons)."""

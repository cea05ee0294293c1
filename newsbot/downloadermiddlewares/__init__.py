"""newsbot's downloader middlewares: how requests wait for, or hold back from, a site."""

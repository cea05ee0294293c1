"""newsbot's downloader middlewares (enabled in settings.py's DOWNLOADER_MIDDLEWARES)."""

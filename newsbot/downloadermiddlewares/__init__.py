"""newsbot's downloader middlewares (enabled in settings.py's DOWNLOADER_MIDDLEWARES): how
requests wait for or hold back from a site, and which requests are refused before they leave."""

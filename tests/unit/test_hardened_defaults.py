"""The project's settings keep a crawler that runs unattended on a hostile web within bounds."""

from __future__ import annotations

from scrapy.settings import Settings

from newsbot import settings as project_settings_module

MB = 1024 * 1024


def project() -> Settings:
    settings = Settings()
    settings.setmodule(project_settings_module, priority="project")
    return settings


def test_the_project_settings_bound_size_time_retries_redirects_and_memory() -> None:
    settings = project()
    assert (
        0 < settings.getint("DOWNLOAD_WARNSIZE") <= settings.getint("DOWNLOAD_MAXSIZE") <= 10 * MB
    )
    assert 0 < settings.getfloat("DOWNLOAD_TIMEOUT") <= 30
    assert 0 < settings.getfloat("DNS_TIMEOUT") <= 30
    assert 0 <= settings.getint("RETRY_TIMES") <= 2
    assert 0 < settings.getint("REDIRECT_MAX_TIMES") <= 5
    assert settings.getbool("MEMUSAGE_ENABLED")
    assert 0 < settings.getint("MEMUSAGE_WARNING_MB") < settings.getint("MEMUSAGE_LIMIT_MB")
    assert settings.getint("MEMUSAGE_LIMIT_MB") <= 2048


def test_nothing_listens_on_the_network() -> None:
    settings = project()
    assert not settings.getbool("TELNETCONSOLE_ENABLED")
    assert not settings.getbool("REMOTE_CONTROL_ENABLED")


def test_only_http_and_https_urls_are_downloaded() -> None:
    handlers = project().getwithbase("DOWNLOAD_HANDLERS")
    assert {scheme for scheme, handler in handlers.items() if handler} == {"http", "https"}


def test_offsite_losses_private_addresses_and_credentials_are_guarded() -> None:
    middlewares = project().getwithbase("DOWNLOADER_MIDDLEWARES")
    enabled = {path for path, order in middlewares.items() if order is not None}
    assert "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware" not in enabled
    assert enabled >= {
        "newsbot.downloadermiddlewares.offsite.OffsiteAccountedMiddleware",
        "newsbot.downloadermiddlewares.private_addresses.PrivateAddressMiddleware",
        "newsbot.downloadermiddlewares.site_credentials.SiteCredentialsMiddleware",
    }
    # Private addresses are refused before robots.txt is asked for on their host.
    private = middlewares[
        "newsbot.downloadermiddlewares.private_addresses.PrivateAddressMiddleware"
    ]
    assert (
        private < middlewares["newsbot.downloadermiddlewares.robotstxt.NewsbotRobotsTxtMiddleware"]
    )
    assert "169.254.0.0/16" in project().getlist("NEWSBOT_PRIVATE_NETWORKS")

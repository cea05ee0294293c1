"""Fixtures for tests anywhere: a real redis-server, and the state stores to run the same
contract tests against."""

pytest_plugins = ["tests.redis_server", "tests.state_stores"]

"""HTML and XML renderers of the demo site, one module per page family.

Rendered with f-strings and `string.Template` on purpose: the demo must run with the standard
library alone, and plain strings keep the markup visible to whoever writes a trap.
"""

"""``scrapy report``: one self-contained HTML page about a spider's recent runs.

Split by job: ``arguments`` (what to report on), ``summaries`` and ``articles`` (the figures,
read from the run summaries and the archive), ``figures`` (the window of runs both share),
``plots`` (matplotlib, as SVG), ``tables`` and ``page`` (the HTML, written atomically) and
``sections`` (what the page shows, in order).
"""

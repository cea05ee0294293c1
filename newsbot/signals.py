"""newsbot's own signals: how the run's components hand each other what they own.

One component owns each shared resource and offers it through a signal; the others connect in
``from_crawler`` instead of reaching into the owner. The end of a run is one chain, each step
sent by the component that owns it:

1. ``exports_finished`` (PublicationExtension): every export file is complete as a part file
   with its manifest, or the failures say which is not;
2. ``run_judged`` (RunReportExtension): the run's outcome, read off the stats and the exports;
3. ``state_closed`` (StateExtension): the run's state committed (its articles now count as
   exported) or rolled back;

after which the PublicationExtension renames the part files into place (or deletes them) and
the RunReportExtension writes the run summary and sets the exit code.
"""

#: The run's state store is open (sent by StateExtension from its ``spider_opened`` handler,
#: before any request is scheduled). Arguments: ``store`` (a ``StateStore``) and ``run`` (a
#: ``Run``: its id, spider and start time).
state_opened = object()

#: The exports are written. Arguments: ``publications`` (``list[Publication]``: complete part
#: files waiting to be renamed) and ``failures`` (``list[str]``: what could not be written).
exports_finished = object()

#: The run has a verdict. Arguments: ``outcome`` (``RunOutcome``), ``summary`` (the run summary,
#: a JSON-ready dict, stored with the state when it commits) and ``publications`` (the files
#: the commit records, to be renamed into place after it).
run_judged = object()

#: The state store is closed. Arguments: ``committed`` (bool) and ``error`` (why a commit that
#: was due failed, else None).
state_closed = object()

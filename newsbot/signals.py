"""newsbot's own signals: how run components hand each other what they own.

One component owns each shared resource and offers it through a signal; the others connect to
the signal in ``from_crawler`` instead of reaching into the owner.
"""

#: The run's state store is open, its transaction begun (sent by StateExtension from its
#: ``spider_opened`` handler, before any request is scheduled). Arguments: ``store``.
state_opened = object()

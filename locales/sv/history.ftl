## The changes of a revision on the history page (history.html); read aloud by screen readers
history-before = Före:
history-after = Efter:
history-removed = borttaget
history-added = tillagt

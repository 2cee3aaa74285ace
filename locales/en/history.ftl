## The changes of a revision on the history page (history.html); read aloud by screen readers
history-before = Before:
history-after = After:
history-removed = removed
history-added = added

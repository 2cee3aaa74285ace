## The changes of a revision on the history page (history.html); read aloud by screen readers
history-before = Înainte:
history-after = După:
history-removed = eliminat
history-added = adăugat

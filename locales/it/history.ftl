## The changes of a revision on the history page (history.html); read aloud by screen readers
history-before = Prima:
history-after = Dopo:
history-removed = rimosso
history-added = aggiunto

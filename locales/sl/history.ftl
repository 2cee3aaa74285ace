## The changes of a revision on the history page (history.html); read aloud by screen readers
history-before = Prej:
history-after = Potem:
history-removed = odstranjeno
history-added = dodano

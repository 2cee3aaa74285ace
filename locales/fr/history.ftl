## The changes of a revision on the history page (history.html); read aloud by screen readers
history-before = Avant :
history-after = Après :
history-removed = supprimé
history-added = ajouté

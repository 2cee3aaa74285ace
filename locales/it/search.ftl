## Ricerca (search.html)
search-help = Le parole tra virgolette devono essere consecutive; l’ultima parola trova anche le parole che inizia; una parola di cinque lettere o più si trova anche con una lettera sbagliata.
search-facet-kind = Tipo di documento
search-facet-language = Lingua del testo
search-narrow = Restringi i risultati
search-applied = Filtri applicati
search-filter-remove = Togli il filtro: { $value }
search-pages = Altri risultati
search-previous = Risultati precedenti
search-next = Risultati successivi

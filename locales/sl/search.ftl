## Iskanje (search.html)
search-help = Besede v narekovajih si morajo slediti; zadnja beseda najde tudi besede, ki jih začenja; beseda s petimi ali več črkami se najde tudi z eno napačno črko.
search-facet-kind = Vrsta dokumenta
search-facet-language = Jezik besedila
search-narrow = Zožite rezultate
search-applied = Uporabljeni filtri
search-filter-remove = Odstrani filter: { $value }
search-pages = Več rezultatov
search-previous = Prejšnji rezultati
search-next = Naslednji rezultati

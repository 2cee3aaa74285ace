## Recherche (search.html)
search-help = Les mots entre guillemets doivent se suivre ; le dernier mot trouve aussi les mots qu’il commence ; un mot de cinq lettres ou plus est trouvé avec une lettre erronée.
search-facet-kind = Type de document
search-facet-language = Langue du texte
search-narrow = Affiner les résultats
search-applied = Filtres appliqués
search-filter-remove = Retirer le filtre : { $value }
search-pages = Autres résultats
search-previous = Résultats précédents
search-next = Résultats suivants

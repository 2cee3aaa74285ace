## Sök (search.html)
search-help = Ord inom citattecken måste följa på varandra; det sista ordet hittar också ord som börjar med det; ett ord på fem bokstäver eller fler hittas även med en felaktig bokstav.
search-facet-kind = Typ av dokument
search-facet-language = Textens språk
search-narrow = Begränsa resultaten
search-applied = Använda filter
search-filter-remove = Ta bort filtret: { $value }
search-pages = Fler resultat
search-previous = Föregående resultat
search-next = Nästa resultat

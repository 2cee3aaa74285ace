## Căutare (search.html)
search-help = Cuvintele între ghilimele trebuie să se urmeze; ultimul cuvânt găsește și cuvintele pe care le începe; un cuvânt de cinci litere sau mai mult este găsit și cu o literă greșită.
search-facet-kind = Tipul documentului
search-facet-language = Limba textului
search-narrow = Restrângeți rezultatele
search-applied = Filtre aplicate
search-filter-remove = Eliminați filtrul: { $value }
search-pages = Alte rezultate
search-previous = Rezultatele anterioare
search-next = Rezultatele următoare

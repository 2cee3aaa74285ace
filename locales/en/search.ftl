## Search (search.html)
search-help = Words in quotes must follow one another; the last word also finds the words it begins; a word of five letters or more is found with one letter wrong.
search-facet-kind = Kind of document
search-facet-language = Language of the text
search-narrow = Narrow the results
search-applied = Filters applied
search-filter-remove = Remove the filter: { $value }
search-pages = More results
search-previous = Previous results
search-next = Next results

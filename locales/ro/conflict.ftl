## Saving a document or a translation that someone else saved meanwhile (conflict.html,
## doc_form.html, translate.html)
conflict-alert = Altcineva a salvat modificări în timp ce lucrați. Nimic din ce ați scris nu s-a pierdut, dar încă nu s-a salvat nimic: verificați modificările de mai jos, apoi salvați din nou.
conflict-heading = Modificări făcute în timp ce lucrați
conflict-intro-document = Modificările sale la câmpurile pe care nu le-ați atins sunt deja în formularul de mai jos. Acolo unde ați modificat amândoi același câmp, alegeți ce versiune păstrați.
conflict-intro-translation = Modificările sale la părțile acestei traduceri pe care nu le-ați atins sunt deja în formularul de mai jos. Acolo unde ați modificat amândoi același câmp, alegeți ce versiune păstrați.
conflict-both = Modificat de amândoi: alegeți ce versiune păstrați.
conflict-kept = Modificat doar de altcineva: versiunea sa se păstrează.
conflict-theirs = Salvat de altcineva
conflict-yours = Versiunea dumneavoastră
conflict-choose = Ce păstrați pentru „{ $field }”
conflict-keep-yours = Versiunea mea (cea din formular)
conflict-keep-theirs = Versiunea sa
conflict-empty = (gol)
conflict-practice-hidden = O bună practică pe care nu o puteți vedea
notice-saved-merged = Modificările dumneavoastră au fost salvate; cele făcute între timp de altcineva au fost păstrate.
notice-translation-saved-merged = Traducerea a fost salvată; modificările făcute între timp de altcineva au fost păstrate.
## Rows of action items (meeting notes) and of actions (action plans) (doc_form.html)
field-remove-item = Eliminați această sarcină
field-remove-action = Eliminați această acțiune

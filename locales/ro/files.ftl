# Atașarea fișierelor la un document din pagina lui.
file-list-empty = Nu este atașat încă niciun fișier.
file-remove = Elimină { $name }
file-upload-label = Atașează un fișier
file-upload-hint = Un PDF, o imagine (PNG, JPEG, GIF, WebP) sau un document de birou (Word, Excel, PowerPoint, OpenDocument), de cel mult 20 MB.
file-upload-submit = Încarcă
file-type-pdf = Document PDF
file-type-image = Imagine
file-type-text = Document text
file-type-spreadsheet = Foaie de calcul
file-type-presentation = Prezentare
file-error-too-large = Fișierul depășește 20 MB. Alegeți un fișier mai mic.
file-error-type = Acest tip de fișier nu este acceptat. Atașați un PDF, o imagine (PNG, JPEG, GIF, WebP) sau un document de birou (Word, Excel, PowerPoint, OpenDocument).
file-error-missing = Alegeți un fișier de atașat.
notice-file-attached = „{ $name }” a fost atașat.
notice-file-attached-review = „{ $name }” a fost atașat; cititorii îl vor vedea după ce modificările sunt revizuite și publicate.
notice-file-removed = „{ $name }” a fost eliminat.
notice-file-removed-review = „{ $name }” va fi eliminat după ce modificările sunt revizuite și publicate.

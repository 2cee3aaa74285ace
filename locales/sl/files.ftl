# Pripenjanje datotek dokumentu z njegove strani.
file-list-empty = Priloženih datotek še ni.
file-remove = Odstrani { $name }
file-upload-label = Priloži datoteko
file-upload-hint = PDF, slika (PNG, JPEG, GIF, WebP) ali pisarniški dokument (Word, Excel, PowerPoint, OpenDocument), največ 20 MB.
file-upload-submit = Naloži
file-type-pdf = Dokument PDF
file-type-image = Slika
file-type-text = Besedilni dokument
file-type-spreadsheet = Preglednica
file-type-presentation = Predstavitev
file-error-too-large = Datoteka je večja od 20 MB. Izberite manjšo datoteko.
file-error-type = Ta vrsta datoteke ni sprejeta. Priložite PDF, sliko (PNG, JPEG, GIF, WebP) ali pisarniški dokument (Word, Excel, PowerPoint, OpenDocument).
file-error-missing = Izberite datoteko, ki jo želite priložiti.
notice-file-attached = »{ $name }« je priložena.
notice-file-attached-review = »{ $name }« je priložena; bralci jo bodo videli, ko bodo spremembe pregledane in objavljene.
notice-file-removed = »{ $name }« je odstranjena.
notice-file-removed-review = »{ $name }« bo odstranjena, ko bodo spremembe pregledane in objavljene.

# Bifoga filer till ett dokument från dess sida.
file-list-empty = Inga filer är bifogade ännu.
file-remove = Ta bort { $name }
file-upload-label = Bifoga en fil
file-upload-hint = En PDF, en bild (PNG, JPEG, GIF, WebP) eller ett kontorsdokument (Word, Excel, PowerPoint, OpenDocument), högst 20 MB.
file-upload-submit = Ladda upp
file-type-pdf = PDF-dokument
file-type-image = Bild
file-type-text = Textdokument
file-type-spreadsheet = Kalkylblad
file-type-presentation = Presentation
file-error-too-large = Filen är större än 20 MB. Välj en mindre fil.
file-error-type = Den här filtypen tas inte emot. Bifoga en PDF, en bild (PNG, JPEG, GIF, WebP) eller ett kontorsdokument (Word, Excel, PowerPoint, OpenDocument).
file-error-missing = Välj en fil att bifoga.
notice-file-attached = ”{ $name }” är bifogad.
notice-file-attached-review = ”{ $name }” är bifogad; läsarna ser den när ändringarna har granskats och publicerats.
notice-file-removed = ”{ $name }” har tagits bort.
notice-file-removed-review = ”{ $name }” tas bort när ändringarna har granskats och publicerats.

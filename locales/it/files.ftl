# Allegare file a un documento dalla sua pagina.
file-list-empty = Non ci sono ancora file allegati.
file-remove = Rimuovi { $name }
file-upload-label = Allega un file
file-upload-hint = Un PDF, un’immagine (PNG, JPEG, GIF, WebP) o un documento d’ufficio (Word, Excel, PowerPoint, OpenDocument), fino a 20 MB.
file-upload-submit = Carica
file-type-pdf = Documento PDF
file-type-image = Immagine
file-type-text = Documento di testo
file-type-spreadsheet = Foglio di calcolo
file-type-presentation = Presentazione
file-error-too-large = Il file supera i 20 MB. Scegli un file più piccolo.
file-error-type = Questo tipo di file non è accettato. Allega un PDF, un’immagine (PNG, JPEG, GIF, WebP) o un documento d’ufficio (Word, Excel, PowerPoint, OpenDocument).
file-error-missing = Scegli un file da allegare.
notice-file-attached = «{ $name }» è allegato.
notice-file-attached-review = «{ $name }» è allegato; i lettori lo vedranno quando le modifiche saranno revisionate e pubblicate.
notice-file-removed = «{ $name }» è stato rimosso.
notice-file-removed-review = «{ $name }» sarà rimosso quando le modifiche saranno revisionate e pubblicate.
